package org.keyhaven.seal;

/**
 * Whether key operations are possible. {@code mode} is {@code embedded} (auto-unseal from a local key store; not
 * for production). {@code reason} says why Keyhaven is sealed, when it is.
 */
public record SealStatus(boolean sealed, String mode, Integer masterKeyVersion, String reason) {
}
