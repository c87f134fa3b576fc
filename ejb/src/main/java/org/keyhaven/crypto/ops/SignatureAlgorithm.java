package org.keyhaven.crypto.ops;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;

/**
 * The signature schemes of the encryption services, named as in the API ({@code RSA-PSS-SHA256}, ...).
 *
 * <ul>
 *   <li>{@code RSA-PSS-*}: RSASSA-PSS (RFC 8017 section 8.1), MGF1 with the same hash, salt as long as the hash,
 *       trailer field 1.</li>
 *   <li>{@code RSA-PKCS1-*}: RSASSA-PKCS1-v1_5 (RFC 8017 section 8.2).</li>
 *   <li>{@code ECDSA-*}: ECDSA (FIPS 186-5) on any of Keyhaven's curves, signature as the DER {@code SEQUENCE} of
 *       r and s (RFC 3279). Any of the three hashes may be used with any curve; {@link #defaultFor} picks the hash
 *       that matches the curve's strength.</li>
 *   <li>{@code Ed25519}: PureEdDSA (RFC 8032), 64-byte signature over the whole message.</li>
 * </ul>
 * An algorithm is compatible with a key when the key has its {@link #keyAlgorithm()}; key sizes and curves do not
 * restrict the choice further (all of Keyhaven's RSA sizes fit every hash with these paddings).
 */
public enum SignatureAlgorithm {
    RSA_PSS_SHA256(SignatureScheme.rsaPss(Hash.SHA256, 32)),
    RSA_PSS_SHA384(SignatureScheme.rsaPss(Hash.SHA384, 48)),
    RSA_PSS_SHA512(SignatureScheme.rsaPss(Hash.SHA512, 64)),
    RSA_PKCS1_SHA256(SignatureScheme.rsaPkcs1(Hash.SHA256)),
    RSA_PKCS1_SHA384(SignatureScheme.rsaPkcs1(Hash.SHA384)),
    RSA_PKCS1_SHA512(SignatureScheme.rsaPkcs1(Hash.SHA512)),
    ECDSA_SHA256(SignatureScheme.ecdsa(Hash.SHA256)),
    ECDSA_SHA384(SignatureScheme.ecdsa(Hash.SHA384)),
    ECDSA_SHA512(SignatureScheme.ecdsa(Hash.SHA512)),
    ED25519(SignatureScheme.ed25519());

    private final SignatureScheme scheme;
    private final String externalName;
    private final KeyAlgorithm keyAlgorithm;

    SignatureAlgorithm(SignatureScheme scheme) {
        this.scheme = scheme;
        this.externalName = scheme.name();
        this.keyAlgorithm = scheme.keyAlgorithm();
    }

    /** The scheme with its parameters. */
    public SignatureScheme scheme() {
        return scheme;
    }

    /** The name used in the APIs, e.g. {@code ECDSA-SHA384}. */
    public String externalName() {
        return externalName;
    }

    /** The algorithm a key must have to sign or verify with this scheme. */
    public KeyAlgorithm keyAlgorithm() {
        return keyAlgorithm;
    }

    public boolean compatibleWith(KeySpec spec) {
        return spec != null && spec.algorithm() == keyAlgorithm;
    }

    /**
     * Case-insensitive, surrounding blanks ignored, {@code _} accepted for {@code -}.
     *
     * @throws KeyhavenException {@link ErrorCode#UNKNOWN_ALGORITHM} naming the known algorithms
     */
    public static SignatureAlgorithm parse(String text) {
        if (text != null) {
            String wanted = text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
            for (SignatureAlgorithm algorithm : values()) {
                if (algorithm.externalName.toUpperCase(Locale.ROOT).equals(wanted)) {
                    return algorithm;
                }
            }
        }
        throw new KeyhavenException(ErrorCode.UNKNOWN_ALGORITHM, "unknown signature algorithm '"
                + Texts.printable(text, 40) + "'; known: " + names(values()));
    }

    /**
     * The scheme used when the caller names none: RSA-PSS-SHA256 for RSA; for EC the ECDSA hash of the curve's
     * strength (P-256 SHA-256, P-384 SHA-384, P-521 SHA-512); Ed25519 for Ed25519.
     *
     * @throws KeyhavenException {@link ErrorCode#INVALID_REQUEST} for keys that cannot sign
     */
    public static SignatureAlgorithm defaultFor(KeySpec spec) {
        if (spec == null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a key is required to choose a signature algorithm");
        }
        return switch (spec.algorithm()) {
            case RSA -> RSA_PSS_SHA256;
            case EC -> switch (spec.curve()) {
                case P_256 -> ECDSA_SHA256;
                case P_384 -> ECDSA_SHA384;
                case P_521 -> ECDSA_SHA512;
            };
            case ED25519 -> ED25519;
            default -> throw new KeyhavenException(ErrorCode.INVALID_REQUEST,
                    spec + " keys cannot sign; signing needs an RSA, EC or Ed25519 key");
        };
    }

    /** The algorithms compatible with the key, for error messages. */
    static String namesFor(KeySpec spec) {
        return names(Arrays.stream(values()).filter(algorithm -> algorithm.compatibleWith(spec))
                .toArray(SignatureAlgorithm[]::new));
    }

    private static String names(SignatureAlgorithm[] algorithms) {
        return Arrays.stream(algorithms).map(SignatureAlgorithm::externalName).collect(Collectors.joining(", "));
    }
}
