package org.keyhaven.client;

/** An enabled client may call the application ports; a disabled one is refused at once. */
public enum ClientStatus {
    ACTIVE,
    DISABLED
}
