package org.keyhaven.common;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;

/**
 * A long-running worker thread from the container's managed thread factory, owned by a singleton bean: started in
 * its {@code @PostConstruct}, stopped (interrupted, then joined for a bounded time) in its {@code @PreDestroy}.
 * The body loops while {@link #running()}.
 */
public final class BackgroundThread {

    private final Thread thread;
    private volatile boolean running = true;

    private BackgroundThread(ManagedThreadFactory factory, String name, Runnable body) {
        thread = factory.newThread(body);
        thread.setName(name);
    }

    /** A worker not started yet: assign it to the field the body reads, then {@link #start()} it. */
    public static BackgroundThread create(ManagedThreadFactory factory, String name, Runnable body) {
        return new BackgroundThread(factory, name, body);
    }

    public void start() {
        thread.start();
    }

    public boolean running() {
        return running;
    }

    public void stop(Duration timeout) {
        running = false;
        thread.interrupt();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
