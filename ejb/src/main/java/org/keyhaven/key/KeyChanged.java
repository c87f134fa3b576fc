package org.keyhaven.key;

/**
 * A key's state, versions or policy changed, and the change has committed: a CDI event, fired synchronously on the
 * committing thread by {@link KeyChangeTracker}, so that holders of copies (the resource adapter's key cache) drop
 * them. Carries no material, only what names the key.
 */
public record KeyChanged(String keyId, String keyName) {
}
