package org.keyhaven.key;

import static org.keyhaven.key.KeyUsage.DECRYPT;
import static org.keyhaven.key.KeyUsage.ENCRYPT;
import static org.keyhaven.key.KeyUsage.MAC;
import static org.keyhaven.key.KeyUsage.SIGN;
import static org.keyhaven.key.KeyUsage.UNWRAP;
import static org.keyhaven.key.KeyUsage.VERIFY;
import static org.keyhaven.key.KeyUsage.WRAP;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * The algorithms of managed objects (DESIGN.md section 3), with the usages each admits and the usages a
 * key gets when the caller names none. Keeping one purpose per key by default (RSA and EC sign only) is
 * deliberate: key separation is the safe default, wider masks must be asked for.
 */
public enum KeyAlgorithm {
    AES("AES", KeyKind.SYMMETRIC, EnumSet.of(ENCRYPT, DECRYPT, WRAP, UNWRAP), EnumSet.of(ENCRYPT, DECRYPT)),
    HMAC_SHA256("HMAC-SHA256", KeyKind.SYMMETRIC, EnumSet.of(MAC), EnumSet.of(MAC)),
    HMAC_SHA384("HMAC-SHA384", KeyKind.SYMMETRIC, EnumSet.of(MAC), EnumSet.of(MAC)),
    HMAC_SHA512("HMAC-SHA512", KeyKind.SYMMETRIC, EnumSet.of(MAC), EnumSet.of(MAC)),
    RSA("RSA", KeyKind.ASYMMETRIC, EnumSet.of(ENCRYPT, DECRYPT, WRAP, UNWRAP, SIGN, VERIFY), EnumSet.of(SIGN, VERIFY)),
    EC("EC", KeyKind.ASYMMETRIC, EnumSet.of(SIGN, VERIFY), EnumSet.of(SIGN, VERIFY)),
    ED25519("Ed25519", KeyKind.ASYMMETRIC, EnumSet.of(SIGN, VERIFY), EnumSet.of(SIGN, VERIFY)),
    SECRET_DATA("SECRET-DATA", KeyKind.SECRET_DATA, EnumSet.noneOf(KeyUsage.class), EnumSet.noneOf(KeyUsage.class)),
    /** ChaCha20 (RFC 8439) for KMIP clients: its stream cipher and ChaCha20-Poly1305 AEAD. */
    CHACHA20("ChaCha20", KeyKind.SYMMETRIC, EnumSet.of(ENCRYPT, DECRYPT), EnumSet.of(ENCRYPT, DECRYPT));

    private final String externalName;
    private final KeyKind kind;
    private final Set<KeyUsage> allowedUsages;
    private final Set<KeyUsage> defaultUsages;

    KeyAlgorithm(String externalName, KeyKind kind, Set<KeyUsage> allowedUsages, Set<KeyUsage> defaultUsages) {
        this.externalName = externalName;
        this.kind = kind;
        this.allowedUsages = allowedUsages;
        this.defaultUsages = defaultUsages;
    }

    /** The name used in the APIs, e.g. {@code HMAC-SHA256}. */
    public String externalName() {
        return externalName;
    }

    public KeyKind kind() {
        return kind;
    }

    public Set<KeyUsage> allowedUsages() {
        return EnumSet.copyOf(allowedUsagesOrEmpty());
    }

    public Set<KeyUsage> defaultUsages() {
        return defaultUsages.isEmpty() ? EnumSet.noneOf(KeyUsage.class) : EnumSet.copyOf(defaultUsages);
    }

    private Set<KeyUsage> allowedUsagesOrEmpty() {
        return allowedUsages.isEmpty() ? EnumSet.noneOf(KeyUsage.class) : allowedUsages;
    }

    /** Output size of the HMAC hash in bits, 0 for other algorithms. */
    public int macBits() {
        return switch (this) {
            case HMAC_SHA256 -> 256;
            case HMAC_SHA384 -> 384;
            case HMAC_SHA512 -> 512;
            default -> 0;
        };
    }

    /** Case-insensitive; accepts {@code _} for {@code -}. */
    public static KeyAlgorithm parse(String text) {
        if (text != null) {
            String wanted = text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
            for (KeyAlgorithm algorithm : values()) {
                if (algorithm.externalName.toUpperCase(Locale.ROOT).equals(wanted)) {
                    return algorithm;
                }
            }
        }
        throw new KeyhavenException(ErrorCode.UNKNOWN_ALGORITHM,
                "unknown algorithm '" + Texts.printable(text, 40) + "'; known: AES, HMAC-SHA256, HMAC-SHA384, "
                        + "HMAC-SHA512, RSA, EC, Ed25519, SECRET-DATA, ChaCha20");
    }
}
