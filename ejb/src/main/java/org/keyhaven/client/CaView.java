package org.keyhaven.client;

import java.time.Instant;

/** A certificate authority as callers see it (the certificate, never a private key). */
public record CaView(String id, String name, CaKind kind, String fingerprint, boolean requireClientAuthEku,
        boolean enabled, Instant createdAt, String createdBy, String certificatePem) {
}
