package org.keyhaven.key;

/** How a key's material is shaped: one secret value, or a private/public pair. */
public enum KeyKind {
    SYMMETRIC,
    ASYMMETRIC,
    SECRET_DATA
}
