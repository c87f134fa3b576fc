package org.keyhaven.seal;

/**
 * Whether key operations are possible. {@code mode} is {@code embedded} (auto-unseal from a local key store; not
 * for production) or {@code custodian} (the unseal key split among custodians). {@code reason} says why Keyhaven is
 * sealed, when it is; in custodian mode {@code sharesSubmitted} of {@code sharesNeeded} tells how far unsealing is.
 */
public record SealStatus(boolean sealed, String mode, Integer masterKeyVersion, String reason,
        Integer sharesSubmitted, Integer sharesNeeded) {
}
