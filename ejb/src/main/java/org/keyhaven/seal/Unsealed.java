package org.keyhaven.seal;

/** Fired (synchronously) after an administrator unsealed Keyhaven: work that needs the key hierarchy can resume. */
public record Unsealed() {
}
