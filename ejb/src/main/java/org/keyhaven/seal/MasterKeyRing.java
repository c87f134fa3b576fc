package org.keyhaven.seal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.AesGcm;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.crypto.Hkdf;
import org.keyhaven.crypto.Hmac;
import org.keyhaven.crypto.HmacAlgorithm;
import org.keyhaven.crypto.SecretBytes;

/**
 * The unsealed key hierarchy in memory: the master key versions, the row-MAC keys derived from them, and the
 * audit MAC key. Immutable; a master key rotation builds a new ring that shares the existing keys. Only
 * {@link #destroy()} (sealing) wipes them.
 *
 * <p>Wrapped material format: one format byte ({@code 0x01}), the 12-byte GCM nonce, ciphertext and tag.
 * The associated data binds a blob to its purpose and owner (key id and version), so a blob copied to another
 * row does not unwrap.
 */
public final class MasterKeyRing {

    private static final byte FORMAT_GCM = 0x01;
    private static final int NONCE_LENGTH = 12;
    private static final byte[] ROW_MAC_INFO = "keyhaven row-mac v1".getBytes(StandardCharsets.UTF_8);

    private final NavigableMap<Integer, SecretBytes> masterKeys;
    private final Map<Integer, SecretBytes> rowMacKeys;
    private final SecretBytes unsealKey;
    private volatile SecretBytes auditKey;

    MasterKeyRing(SecretBytes unsealKey, Map<Integer, SecretBytes> masterKeys) {
        if (masterKeys.isEmpty()) {
            throw new IllegalArgumentException("a ring needs at least one master key");
        }
        this.unsealKey = unsealKey;
        this.masterKeys = Collections.unmodifiableNavigableMap(new TreeMap<>(masterKeys));
        TreeMap<Integer, SecretBytes> derived = new TreeMap<>();
        masterKeys.forEach((version, key) -> derived.put(version, Hkdf.derive(key, null, ROW_MAC_INFO, 32)));
        this.rowMacKeys = Collections.unmodifiableMap(derived);
    }

    private MasterKeyRing(SecretBytes unsealKey, NavigableMap<Integer, SecretBytes> masterKeys,
            Map<Integer, SecretBytes> rowMacKeys, SecretBytes auditKey) {
        this.unsealKey = unsealKey;
        this.masterKeys = Collections.unmodifiableNavigableMap(masterKeys);
        this.rowMacKeys = Collections.unmodifiableMap(rowMacKeys);
        this.auditKey = auditKey;
    }

    /** A ring with one more (newest, hence current) master key version. */
    MasterKeyRing withVersion(int version, SecretBytes key) {
        if (version <= currentVersion()) {
            throw new IllegalArgumentException("new master key version must be the newest");
        }
        TreeMap<Integer, SecretBytes> keys = new TreeMap<>(masterKeys);
        keys.put(version, key);
        TreeMap<Integer, SecretBytes> derived = new TreeMap<>(rowMacKeys);
        derived.put(version, Hkdf.derive(key, null, ROW_MAC_INFO, 32));
        return new MasterKeyRing(unsealKey, keys, derived, auditKey);
    }

    /**
     * A ring without the given old versions, once a rotation has re-wrapped everything they protected. Their keys
     * are wiped: nothing may refer to them any more.
     */
    MasterKeyRing without(Iterable<Integer> retired) {
        // refuse before wiping anything: the keys are shared with this ring, which stays in use if we refuse
        for (Integer version : retired) {
            if (version == currentVersion()) {
                throw new IllegalArgumentException("the current master key cannot be retired");
            }
        }
        TreeMap<Integer, SecretBytes> keys = new TreeMap<>(masterKeys);
        TreeMap<Integer, SecretBytes> derived = new TreeMap<>(rowMacKeys);
        for (Integer version : retired) {
            SecretBytes key = keys.remove(version);
            SecretBytes macKey = derived.remove(version);
            if (key != null) {
                key.destroy();
                macKey.destroy();
            }
        }
        return new MasterKeyRing(unsealKey, keys, derived, auditKey);
    }

    /** The same ring under another unseal key (custodian rekey); this ring's unseal key is the caller's to wipe. */
    MasterKeyRing withUnsealKey(SecretBytes newUnsealKey) {
        return new MasterKeyRing(newUnsealKey, new TreeMap<>(masterKeys), new TreeMap<>(rowMacKeys), auditKey);
    }

    public int currentVersion() {
        return masterKeys.lastKey();
    }

    public boolean hasVersion(int version) {
        return masterKeys.containsKey(version);
    }

    SecretBytes unsealKey() {
        return unsealKey;
    }

    void setAuditKey(SecretBytes auditKey) {
        this.auditKey = auditKey;
    }

    public SecretBytes auditKey() {
        SecretBytes key = auditKey;
        if (key == null) {
            throw new KeyhavenException(ErrorCode.SEALED, "the audit key is not loaded");
        }
        return key;
    }

    /** Wraps under the current master key; the result names no version, the caller stores it. */
    public byte[] wrap(SecretBytes plaintext, byte[] associatedData) {
        return wrap(currentVersion(), plaintext, associatedData);
    }

    public byte[] wrap(int mkVersion, SecretBytes plaintext, byte[] associatedData) {
        byte[] nonce = AesGcm.newNonce();
        byte[] sealed = plaintext.use(bytes -> AesGcm.encrypt(masterKey(mkVersion), nonce, bytes, associatedData));
        byte[] blob = new byte[1 + NONCE_LENGTH + sealed.length];
        blob[0] = FORMAT_GCM;
        System.arraycopy(nonce, 0, blob, 1, NONCE_LENGTH);
        System.arraycopy(sealed, 0, blob, 1 + NONCE_LENGTH, sealed.length);
        return blob;
    }

    /** Unwraps a blob made by {@link #wrap}; a blob that was altered or moved fails as an integrity violation. */
    public SecretBytes unwrap(int mkVersion, byte[] blob, byte[] associatedData) {
        if (blob == null || blob.length < 1 + NONCE_LENGTH + 16 || blob[0] != FORMAT_GCM) {
            throw new KeyhavenException(ErrorCode.INTEGRITY_VIOLATION, "wrapped material is malformed");
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        System.arraycopy(blob, 1, nonce, 0, NONCE_LENGTH);
        byte[] sealed = new byte[blob.length - 1 - NONCE_LENGTH];
        System.arraycopy(blob, 1 + NONCE_LENGTH, sealed, 0, sealed.length);
        try {
            return SecretBytes.adopt(AesGcm.decrypt(masterKey(mkVersion), nonce, sealed, associatedData));
        } catch (AuthenticationFailedException e) {
            throw new KeyhavenException(ErrorCode.INTEGRITY_VIOLATION, "wrapped material failed its integrity check");
        }
    }

    public byte[] rowMac(int mkVersion, byte[] canonicalRow) {
        return Hmac.compute(HmacAlgorithm.SHA256, rowMacKey(mkVersion), canonicalRow);
    }

    public boolean rowMacMatches(int mkVersion, byte[] canonicalRow, byte[] mac) {
        return mac != null && masterKeys.containsKey(mkVersion)
                && Hmac.verify(HmacAlgorithm.SHA256, rowMacKey(mkVersion), mac, canonicalRow);
    }

    private SecretBytes rowMacKey(int mkVersion) {
        SecretBytes key = rowMacKeys.get(mkVersion);
        if (key == null) {
            throw new KeyhavenException(ErrorCode.INTEGRITY_VIOLATION, "row protected by unknown master key version");
        }
        return key;
    }

    /** A master key version (also for re-wrapping it under a new unseal key). */
    SecretBytes masterKey(int mkVersion) {
        SecretBytes key = masterKeys.get(mkVersion);
        if (key == null) {
            throw new KeyhavenException(ErrorCode.INTEGRITY_VIOLATION,
                    "material wrapped under unknown master key version " + mkVersion);
        }
        return key;
    }

    /** Wipes every key of the ring (sealing). */
    void destroy() {
        masterKeys.values().forEach(SecretBytes::destroy);
        rowMacKeys.values().forEach(SecretBytes::destroy);
        if (auditKey != null) {
            auditKey.destroy();
        }
        if (unsealKey != null) {
            unsealKey.destroy();
        }
    }

    @Override
    public String toString() {
        return "MasterKeyRing[versions=" + masterKeys.keySet() + "]";
    }
}
