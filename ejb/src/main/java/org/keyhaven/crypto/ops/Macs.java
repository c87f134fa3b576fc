package org.keyhaven.crypto.ops;

import java.util.Objects;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.Hmac;
import org.keyhaven.crypto.HmacAlgorithm;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeySpec;

/**
 * HMAC (RFC 2104) with the hash an HMAC key was created for: HMAC-SHA256, HMAC-SHA384 or HMAC-SHA512 keys give 32,
 * 48 or 64-byte MACs, never truncated. The key material is used as stored, whatever its length (RFC 2104 hashes
 * keys longer than the block). Verification compares the full MAC in constant time; a MAC of another length
 * (truncated, extended, empty) is not valid. Stateless and thread-safe.
 */
public final class Macs {

    private Macs() {
    }

    /**
     * @throws KeyhavenException {@link ErrorCode#INVALID_REQUEST} if the key is not an HMAC key
     */
    public static byte[] mac(KeySpec spec, SecretBytes key, byte[] message) {
        HmacAlgorithm algorithm = hmacAlgorithm(spec);
        return Hmac.compute(algorithm, key, Inputs.required(message, "message"));
    }

    /**
     * @return whether {@code mac} is the full HMAC of {@code message}; false for any other value or length
     * @throws KeyhavenException {@link ErrorCode#INVALID_REQUEST} if the key is not an HMAC key
     */
    public static boolean verify(KeySpec spec, SecretBytes key, byte[] message, byte[] mac) {
        HmacAlgorithm algorithm = hmacAlgorithm(spec);
        Inputs.required(message, "message");
        Inputs.required(mac, "mac");
        return Hmac.verify(algorithm, key, mac, message);
    }

    private static HmacAlgorithm hmacAlgorithm(KeySpec spec) {
        Objects.requireNonNull(spec, "spec");
        return switch (spec.algorithm()) {
            case HMAC_SHA256 -> HmacAlgorithm.SHA256;
            case HMAC_SHA384 -> HmacAlgorithm.SHA384;
            case HMAC_SHA512 -> HmacAlgorithm.SHA512;
            default -> throw new KeyhavenException(ErrorCode.INVALID_REQUEST,
                    "a MAC needs an HMAC-SHA256, HMAC-SHA384 or HMAC-SHA512 key; this key is " + spec);
        };
    }
}
