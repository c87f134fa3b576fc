package org.keyhaven.key;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A key's metadata as callers see it: never any material. {@code publicKeyOnly}: a public key object. */
public record KeyView(String id, String name, String algorithm, int length, String curve, Set<KeyUsage> usage,
        boolean exportable, boolean publicKeyOnly, KeyState state, int currentVersion, int minDecryptionVersion, String rotationPeriod,
        Instant nextRotation, Instant activationDate, Instant deactivationDate, Instant compromiseDate,
        Instant destroyDate, RevocationReason revocationReason, String revocationMessage, Instant createdAt,
        String createdBy, Instant updatedAt, List<Version> versions, Map<String, String> attributes) {

    /** One version's metadata. */
    public record Version(int version, Instant createdAt, boolean destroyed, Instant destroyedAt) {
    }
}
