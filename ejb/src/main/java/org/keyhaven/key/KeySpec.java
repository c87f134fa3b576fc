package org.keyhaven.key;

import java.util.Set;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * A validated algorithm plus size: the only way to describe the key material to generate.
 * {@code lengthBits} is the key size (AES, HMAC, RSA modulus, secret data), the curve's field size for EC,
 * 256 for Ed25519. {@code curve} is set for EC only.
 */
public record KeySpec(KeyAlgorithm algorithm, int lengthBits, EcCurve curve) {

    private static final Set<Integer> AES_LENGTHS = Set.of(128, 192, 256);
    private static final Set<Integer> RSA_LENGTHS = Set.of(2048, 3072, 4096);
    private static final int MAX_HMAC_BITS = 1024;
    private static final int MAX_SECRET_DATA_BITS = 8 * 4096;

    public KeySpec {
        if (algorithm == null) {
            throw new KeyhavenException(ErrorCode.UNKNOWN_ALGORITHM, "algorithm is required");
        }
        if ((algorithm == KeyAlgorithm.EC) != (curve != null)) {
            throw new KeyhavenException(ErrorCode.INVALID_KEY_LENGTH, "a curve is required for EC keys and only for them");
        }
    }

    /**
     * Validates a request: {@code length} may be null (the algorithm's default), {@code curveName} is
     * required for EC and refused otherwise.
     */
    public static KeySpec of(KeyAlgorithm algorithm, Integer length, String curveName) {
        if (algorithm == null) {
            throw new KeyhavenException(ErrorCode.UNKNOWN_ALGORITHM, "algorithm is required");
        }
        if (algorithm != KeyAlgorithm.EC && curveName != null) {
            throw new KeyhavenException(ErrorCode.INVALID_KEY_LENGTH, "curve applies to EC keys only");
        }
        return switch (algorithm) {
            case AES -> sized(algorithm, length, 256, length != null && AES_LENGTHS.contains(length),
                    "AES keys are 128, 192 or 256 bits");
            case RSA -> sized(algorithm, length, 3072, length != null && RSA_LENGTHS.contains(length),
                    "RSA keys are 2048, 3072 or 4096 bits");
            case HMAC_SHA256, HMAC_SHA384, HMAC_SHA512 -> sized(algorithm, length, algorithm.macBits(),
                    length != null && length % 8 == 0 && length >= algorithm.macBits() && length <= MAX_HMAC_BITS,
                    algorithm.externalName() + " keys are " + algorithm.macBits() + " to " + MAX_HMAC_BITS
                            + " bits, a multiple of 8");
            case CHACHA20 -> sized(algorithm, length, 256, length != null && length == 256,
                    "ChaCha20 keys are 256 bits");
            case SECRET_DATA -> sized(algorithm, length, 256,
                    length != null && length % 8 == 0 && length >= 8 && length <= MAX_SECRET_DATA_BITS,
                    "secret data is 8 to " + MAX_SECRET_DATA_BITS + " bits, a multiple of 8");
            case ED25519 -> {
                if (length != null && length != 256) {
                    throw new KeyhavenException(ErrorCode.INVALID_KEY_LENGTH, "Ed25519 keys are 256 bits");
                }
                yield new KeySpec(algorithm, 256, null);
            }
            case EC -> ec(length, curveName);
        };
    }

    private static KeySpec sized(KeyAlgorithm algorithm, Integer length, int defaultLength, boolean valid, String rule) {
        if (length == null) {
            return new KeySpec(algorithm, defaultLength, null);
        }
        if (!valid) {
            throw new KeyhavenException(ErrorCode.INVALID_KEY_LENGTH, rule + "; got " + length);
        }
        return new KeySpec(algorithm, length, null);
    }

    private static KeySpec ec(Integer length, String curveName) {
        EcCurve curve;
        if (curveName != null) {
            curve = EcCurve.find(curveName).orElseThrow(() -> new KeyhavenException(ErrorCode.INVALID_KEY_LENGTH,
                    "unknown curve '" + Texts.printable(curveName, 40) + "'; known: P-256, P-384, P-521"));
        } else if (length != null) {
            curve = EcCurve.ofFieldBits(length).orElseThrow(() -> new KeyhavenException(ErrorCode.INVALID_KEY_LENGTH,
                    "EC keys are 256, 384 or 521 bits (P-256, P-384, P-521); got " + length));
        } else {
            curve = EcCurve.P_256;
        }
        if (length != null && length != curve.fieldBits()) {
            throw new KeyhavenException(ErrorCode.INVALID_KEY_LENGTH,
                    "length " + length + " does not match curve " + curve.displayName());
        }
        return new KeySpec(KeyAlgorithm.EC, curve.fieldBits(), curve);
    }

    @Override
    public String toString() {
        return algorithm.externalName() + (curve != null ? " " + curve.displayName() : "-" + lengthBits);
    }
}
