package org.keyhaven.kmip.operation;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.ResultReason;

/** KMIP enumeration values of Keyhaven's algorithms, object kinds, key formats, states and usages. */
public final class KmipAlgorithms {

    public static final int OBJECT_SYMMETRIC_KEY = 0x02;
    public static final int OBJECT_PUBLIC_KEY = 0x03;
    public static final int OBJECT_PRIVATE_KEY = 0x04;
    public static final int OBJECT_SECRET_DATA = 0x07;

    public static final int LINK_PUBLIC_KEY = 0x0102;
    public static final int LINK_PRIVATE_KEY = 0x0103;

    public static final int FORMAT_RAW = 0x01;
    public static final int FORMAT_OPAQUE = 0x02;
    public static final int FORMAT_PKCS_1 = 0x03;
    public static final int FORMAT_PKCS_8 = 0x04;
    public static final int FORMAT_X_509 = 0x05;
    public static final int FORMAT_TRANSPARENT_SYMMETRIC = 0x07;
    public static final int FORMAT_TRANSPARENT_RSA_PRIVATE = 0x0A;
    public static final int FORMAT_TRANSPARENT_RSA_PUBLIC = 0x0B;

    private static final int AES = 0x03;
    private static final int RSA = 0x04;
    private static final int ECDSA = 0x06;
    private static final int HMAC_SHA256 = 0x09;
    private static final int HMAC_SHA384 = 0x0A;
    private static final int HMAC_SHA512 = 0x0B;
    private static final int EC = 0x1A;
    private static final int CHACHA20 = 0x1C;
    private static final int CHACHA20_POLY1305 = 0x1E;
    private static final int ED25519 = 0x37;

    private static final int MASK_MAC = 0x80 | 0x100;

    private KmipAlgorithms() {
    }

    /** The Cryptographic Algorithm of a key, as a client of this version knows it; -1 for secret data. */
    public static int code(KeyAlgorithm algorithm, ProtocolVersion version) {
        return switch (algorithm) {
            case AES -> AES;
            case RSA -> RSA;
            case EC -> version.atLeast(ProtocolVersion.V1_3) ? EC : ECDSA;
            case HMAC_SHA256 -> HMAC_SHA256;
            case HMAC_SHA384 -> HMAC_SHA384;
            case HMAC_SHA512 -> HMAC_SHA512;
            case ED25519 -> ED25519;
            case CHACHA20 -> CHACHA20;
            case SECRET_DATA -> -1;
        };
    }

    public static KeyAlgorithm algorithm(int code) {
        return switch (code) {
            case AES -> KeyAlgorithm.AES;
            case RSA -> KeyAlgorithm.RSA;
            case EC, ECDSA -> KeyAlgorithm.EC;
            case HMAC_SHA256 -> KeyAlgorithm.HMAC_SHA256;
            case HMAC_SHA384 -> KeyAlgorithm.HMAC_SHA384;
            case HMAC_SHA512 -> KeyAlgorithm.HMAC_SHA512;
            case ED25519 -> KeyAlgorithm.ED25519;
            case CHACHA20, CHACHA20_POLY1305 -> KeyAlgorithm.CHACHA20;
            default -> throw new KmipFailure(ResultReason.INVALID_FIELD, "Cryptographic Algorithm " + code
                    + " is not supported; supported: AES, ChaCha20, RSA, EC/ECDSA, HMAC-SHA256/384/512, Ed25519");
        };
    }

    /**
     * The Object Type of a key: an asymmetric key is a Private Key, or a Public Key when it holds only that; secret
     * data may be a certificate or an opaque object ({@link DataObjects}).
     */
    public static int objectType(KeyView key) {
        Optional<Integer> data = DataObjects.objectType(key);
        if (data.isPresent()) {
            return data.get();
        }
        return switch (KeyAlgorithm.parse(key.algorithm()).kind()) {
            case SYMMETRIC -> OBJECT_SYMMETRIC_KEY;
            case ASYMMETRIC -> key.publicKeyOnly() ? OBJECT_PUBLIC_KEY : OBJECT_PRIVATE_KEY;
            case SECRET_DATA -> OBJECT_SECRET_DATA;
        };
    }

    public static int state(KeyState state) {
        return state.ordinal() + 1;
    }

    public static KeyState state(int code) {
        KeyState[] states = KeyState.values();
        if (code < 1 || code > states.length) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "State " + code + " is not a KMIP state");
        }
        return states[code - 1];
    }

    public static int usageMask(Set<KeyUsage> usages) {
        int mask = 0;
        for (KeyUsage usage : usages) {
            mask |= usage.kmipMask();
        }
        return mask;
    }

    /**
     * The usages a Cryptographic Usage Mask asks for. MAC Generate or MAC Verify gives MAC (one usage covers both);
     * bits Keyhaven does not model (Export, Derive Key, ...) are ignored, since they restrict nothing here.
     */
    public static Set<KeyUsage> usages(int mask) {
        Set<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        for (KeyUsage usage : KeyUsage.values()) {
            if (usage == KeyUsage.MAC ? (mask & MASK_MAC) != 0 : (mask & usage.kmipMask()) != 0) {
                usages.add(usage);
            }
        }
        return usages;
    }
}
