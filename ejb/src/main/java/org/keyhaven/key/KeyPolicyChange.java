package org.keyhaven.key;

import java.time.Instant;

/**
 * A change of a key's policy: any combination of minimum decryption version, rotation period (or its removal) and
 * deactivation date. Null fields stay unchanged.
 */
public record KeyPolicyChange(Integer minDecryptionVersion, RotationPeriod rotationPeriod, boolean clearRotationPeriod,
        Instant deactivationDate) {
}
