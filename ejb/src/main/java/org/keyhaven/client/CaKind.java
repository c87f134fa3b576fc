package org.keyhaven.client;

/** Keyhaven's own CA (it holds the private key) or a CA an administrator registered (certificate only). */
public enum CaKind {
    INTERNAL,
    EXTERNAL
}
