package org.keyhaven.key;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.keyhaven.common.Canonical;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.RowProtected;
import org.keyhaven.seal.RowProtectionListener;

/**
 * One version of a key's material: the secret (raw key, or PKCS#8 private key) stored only wrapped under master key
 * version {@code mkVersion}, with the key id and version as associated data; the public key (X.509
 * SubjectPublicKeyInfo) in clear for asymmetric keys. Destroying erases the wrapped material and keeps the row.
 */
@Entity
@Table(name = "kh_key_version")
@EntityListeners(RowProtectionListener.class)
public class KeyVersion implements RowProtected {

    @EmbeddedId
    private KeyVersionId id;

    @MapsId("keyId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "key_id")
    private ManagedKey key;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    private byte[] material;

    @Column(name = "public_material")
    private byte[] publicMaterial;

    @Column(name = "destroyed_at")
    private Instant destroyedAt;

    @Column(name = "mk_version", nullable = false)
    private int mkVersion;

    @Column(name = "row_mac", nullable = false)
    private byte[] rowMac;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected KeyVersion() {
    }

    KeyVersion(ManagedKey key, int version, WrappedMaterial wrapped, Instant now) {
        this.id = new KeyVersionId(key.id(), version);
        this.key = key;
        this.createdAt = now;
        this.material = wrapped.wrapped();
        this.publicMaterial = wrapped.publicKey();
        this.mkVersion = wrapped.mkVersion();
    }

    /** The associated data that binds wrapped material to its key and version. */
    public static byte[] associatedData(String keyId, int version) {
        return ("keyhaven-key-material-v1|" + keyId + "|" + version).getBytes(StandardCharsets.UTF_8);
    }

    public int version() {
        return id.version();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isDestroyed() {
        return material == null;
    }

    public Instant destroyedAt() {
        return destroyedAt;
    }

    public byte[] publicKey() {
        return publicMaterial == null ? null : publicMaterial.clone();
    }

    int mkVersion() {
        return mkVersion;
    }

    /** The unwrapped secret, lent to the caller, who must close it. */
    public SecretBytes unwrap(MasterKeyRing ring) {
        if (material == null) {
            throw new KeyhavenException(ErrorCode.INVALID_STATE_TRANSITION,
                    "version " + version() + " of key " + id.keyId() + " is destroyed", id.keyId());
        }
        return ring.unwrap(mkVersion, material, associatedData(id.keyId(), version()));
    }

    /** Re-wraps under the ring's current master key (master key rotation). */
    void rewrap(MasterKeyRing ring) {
        if (material != null) {
            try (SecretBytes plain = unwrap(ring)) {
                material = ring.wrap(plain, associatedData(id.keyId(), version()));
            }
        }
        mkVersion = ring.currentVersion();
    }

    void eraseMaterial(Instant now) {
        if (material != null) {
            java.util.Arrays.fill(material, (byte) 0);
            material = null;
            destroyedAt = now;
        }
    }

    private byte[] canonical() {
        return new Canonical("kh_key_version")
                .add(id.keyId()).add(id.version()).add(createdAt).add(material).add(publicMaterial)
                .add(destroyedAt).add(mkVersion).toBytes();
    }

    @Override
    public void protectWith(MasterKeyRing ring) {
        rowMac = ring.rowMac(mkVersion, canonical());
    }

    @Override
    public void verifyWith(MasterKeyRing ring) {
        if (!ring.rowMacMatches(mkVersion, canonical(), rowMac)) {
            throw new KeyhavenException(ErrorCode.INTEGRITY_VIOLATION, "version " + id.version() + " of key "
                    + id.keyId() + " failed its integrity check and is refused", id.keyId());
        }
    }
}
