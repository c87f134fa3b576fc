package org.keyhaven.key;

import java.time.Instant;
import java.util.UUID;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyRing;

/**
 * Makes new keys, whoever asks (an officer over REST, an application over KMIP): a fresh id, the first version's
 * material generated or imported and wrapped at once, activated on request. The caller persists and audits.
 */
public final class NewKeys {

    private NewKeys() {
    }

    /** A key with generated material. */
    public static ManagedKey generate(MasterKeyRing ring, KeyDefinition definition, String createdBy, Instant now,
            boolean activate) {
        ManagedKey key = ManagedKey.create(UUID.randomUUID().toString(), definition, createdBy, now);
        key.addFirstVersion(KeyMaterials.generateWrapped(ring, key.id(), key.nextVersionNumber(), definition.spec()),
                now);
        return activated(key, now, activate);
    }

    /**
     * A key whose material the caller brings: raw bytes for symmetric keys and secret data, whose length must be
     * that of the definition. The material is lent; the caller wipes it.
     */
    public static ManagedKey imported(MasterKeyRing ring, KeyDefinition definition, SecretBytes material,
            String createdBy, Instant now, boolean activate) {
        KeySpec spec = definition.spec();
        if (spec.algorithm().kind() == KeyKind.ASYMMETRIC) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "only symmetric keys and secret data are imported");
        }
        if (material.length() * 8 != spec.lengthBits()) {
            throw new KeyhavenException(ErrorCode.INVALID_KEY_LENGTH, "the key material is " + material.length() * 8
                    + " bits, not the " + spec.lengthBits() + " bits of a " + spec + " key");
        }
        ManagedKey key = ManagedKey.create(UUID.randomUUID().toString(), definition, createdBy, now);
        byte[] wrapped = ring.wrap(material, KeyVersion.associatedData(key.id(), key.nextVersionNumber()));
        key.addFirstVersion(new WrappedMaterial(ring.currentVersion(), wrapped, null), now);
        return activated(key, now, activate);
    }

    /** Material for the next version of a key (rotation, re-key). */
    public static WrappedMaterial nextVersion(MasterKeyRing ring, ManagedKey key) {
        return KeyMaterials.generateWrapped(ring, key.id(), key.nextVersionNumber(), key.spec());
    }

    private static ManagedKey activated(ManagedKey key, Instant now, boolean activate) {
        if (activate) {
            key.activate(now);
        }
        return key;
    }
}
