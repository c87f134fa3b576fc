package org.keyhaven.jca.spi;

/** Told about a key that changed (state, versions, policy), so a cache drops it; called after the change commits. */
@FunctionalInterface
public interface KeyChangeListener {

    void keyChanged(String keyId, String keyName);
}
