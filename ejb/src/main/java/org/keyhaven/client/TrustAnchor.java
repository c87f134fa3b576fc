package org.keyhaven.client;

/** A CA certificate the application ports trust for client certificates, by SHA-256 fingerprint. */
public record TrustAnchor(String fingerprint, String certificatePem) {
}
