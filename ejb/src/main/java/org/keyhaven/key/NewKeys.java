package org.keyhaven.key;

import java.time.Instant;
import java.util.UUID;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.GeneratedKey;
import org.keyhaven.crypto.ImportedKeys;
import org.keyhaven.crypto.KeyMaterialGenerator;
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
        addWrapped(ring, key, material, null, now);
        return activated(key, now, activate);
    }

    /** A private key and its public key: two keys, one pair of material. */
    public record KeyPair(ManagedKey privateKey, ManagedKey publicKey) {
    }

    /**
     * A generated key pair as two keys: the private key (which knows its public key too) and the public key on
     * its own. Both definitions must describe the same algorithm and size.
     */
    public static KeyPair generatePair(MasterKeyRing ring, KeyDefinition privateKey, KeyDefinition publicKey,
            String createdBy, Instant now, boolean activatePrivate, boolean activatePublic) {
        if (!privateKey.spec().equals(publicKey.spec())) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "the private and the public key of a pair have"
                    + " one algorithm and size; got " + privateKey.spec() + " and " + publicKey.spec());
        }
        ManagedKey privateKeyObject = ManagedKey.create(UUID.randomUUID().toString(), privateKey, createdBy, now);
        ManagedKey publicKeyObject = ManagedKey.createPublicKey(UUID.randomUUID().toString(), publicKey, createdBy,
                now);
        try (GeneratedKey generated = KeyMaterialGenerator.generate(privateKey.spec())) {
            addWrapped(ring, privateKeyObject, generated.secret(), generated.publicKey(), now);
            addPublic(ring, publicKeyObject, generated.publicKey(), now);
        }
        return new KeyPair(activated(privateKeyObject, now, activatePrivate),
                activated(publicKeyObject, now, activatePublic));
    }

    /**
     * A private key the caller brings (PKCS#8, lent; the caller wipes it), checked and measured: its algorithm
     * and size must be those of the definition.
     */
    public static ManagedKey importedPrivateKey(MasterKeyRing ring, KeyDefinition definition, SecretBytes pkcs8,
            String createdBy, Instant now, boolean activate) {
        ImportedKeys.PrivateKeyFacts facts = ImportedKeys.inspectPrivate(definition.spec().algorithm(), pkcs8);
        requireSpec(definition, facts.spec());
        ManagedKey key = ManagedKey.create(UUID.randomUUID().toString(), definition, createdBy, now);
        addWrapped(ring, key, pkcs8, facts.publicKey(), now);
        return activated(key, now, activate);
    }

    /** A public key the caller brings (X.509 SubjectPublicKeyInfo), checked like a private key. */
    public static ManagedKey importedPublicKey(MasterKeyRing ring, KeyDefinition definition, byte[] spki,
            String createdBy, Instant now, boolean activate) {
        requireSpec(definition, ImportedKeys.inspectPublic(definition.spec().algorithm(), spki));
        ManagedKey key = ManagedKey.createPublicKey(UUID.randomUUID().toString(), definition, createdBy, now);
        addPublic(ring, key, spki, now);
        return activated(key, now, activate);
    }

    private static void requireSpec(KeyDefinition definition, KeySpec actual) {
        if (!definition.spec().equals(actual)) {
            throw new KeyhavenException(ErrorCode.INVALID_KEY_LENGTH, "the key is " + actual + ", not "
                    + definition.spec());
        }
    }

    /** A public key's material is its public key, wrapped like any material so that destroying it erases it. */
    private static void addPublic(MasterKeyRing ring, ManagedKey key, byte[] spki, Instant now) {
        try (SecretBytes material = SecretBytes.copyOf(spki)) {
            addWrapped(ring, key, material, spki, now);
        }
    }

    private static void addWrapped(MasterKeyRing ring, ManagedKey key, SecretBytes material, byte[] publicKey,
            Instant now) {
        byte[] wrapped = ring.wrap(material, KeyVersion.associatedData(key.id(), key.nextVersionNumber()));
        key.addFirstVersion(new WrappedMaterial(ring.currentVersion(), wrapped, publicKey), now);
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
