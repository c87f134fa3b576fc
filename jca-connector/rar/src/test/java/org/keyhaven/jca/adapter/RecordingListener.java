package org.keyhaven.jca.adapter;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import java.util.ArrayList;
import java.util.List;

/** The pool's ears: every connection event, in order. */
final class RecordingListener implements ConnectionEventListener {

    final List<ConnectionEvent> events = new ArrayList<>();

    @Override
    public void connectionClosed(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
        events.add(event);
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        events.add(event);
    }

    List<Integer> ids() {
        return events.stream().map(ConnectionEvent::getId).toList();
    }
}
