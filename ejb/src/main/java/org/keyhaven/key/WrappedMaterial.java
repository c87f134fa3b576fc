package org.keyhaven.key;

/** Material ready to store: the secret wrapped under master key version {@code mkVersion}, the public key in clear. */
public record WrappedMaterial(int mkVersion, byte[] wrapped, byte[] publicKey) {
}
