package org.keyhaven.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.jca.spi.KeyChangeListener;
import org.keyhaven.key.KeyChanged;

/**
 * The key change listeners registered through the in-server gateway (the resource adapter's caches), for the whole
 * application. Each committed {@link KeyChanged} reaches every listener on the committing thread, so a cache has
 * dropped the key by the time the change's caller gets its answer. A failing listener is logged and does not keep
 * the others from hearing of the change.
 */
@ApplicationScoped
public class KeyChangeListeners {

    private static final Logger LOG = Logger.getLogger(KeyChangeListeners.class.getName());

    private final Set<KeyChangeListener> listeners = new CopyOnWriteArraySet<>();

    public void add(KeyChangeListener listener) {
        if (listener != null) {
            listeners.add(listener);
        }
    }

    public void remove(KeyChangeListener listener) {
        if (listener != null) {
            listeners.remove(listener);
        }
    }

    public void onKeyChanged(@Observes KeyChanged change) {
        for (KeyChangeListener listener : listeners) {
            try {
                listener.keyChanged(change.keyId(), change.keyName());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a key change listener failed on the change of key " + change.keyId(), e);
            }
        }
    }

    int size() {
        return listeners.size();
    }
}
