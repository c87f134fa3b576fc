package org.keyhaven.kmip.operation;

import org.keyhaven.crypto.Digests;
import org.keyhaven.crypto.KeyFormats;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyKind;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvBigInteger;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * The Key Material of private and public keys in the Key Format Types KMIP clients use, to and from what Keyhaven
 * stores (PKCS#8 private keys, X.509 public keys): PKCS#1, PKCS#8, X.509 and the Transparent RSA forms. RSA keys
 * are served as PKCS#1 unless registered in another format (what the OASIS profiles expect); EC and Ed25519 keys as
 * PKCS#8 and X.509.
 */
public final class KeyBlocks {

    private KeyBlocks() {
    }

    /** The format Get answers in when the client asks for none: the registered one, else the default. */
    public static int format(KeyView key) {
        String registered = key.attributes().get(StoredAttributes.FORMAT);
        if (registered != null) {
            return Integer.parseInt(registered);
        }
        KeyAlgorithm algorithm = KeyAlgorithm.parse(key.algorithm());
        return switch (algorithm.kind()) {
            case SYMMETRIC -> KmipAlgorithms.FORMAT_RAW;
            case SECRET_DATA -> KmipAlgorithms.FORMAT_OPAQUE;
            case ASYMMETRIC -> algorithm == KeyAlgorithm.RSA ? KmipAlgorithms.FORMAT_PKCS_1
                    : key.publicKeyOnly() ? KmipAlgorithms.FORMAT_X_509 : KmipAlgorithms.FORMAT_PKCS_8;
        };
    }

    /**
     * The KMIP Digest value: SHA-256 over the key material as Get returns it by default (Transparent forms are
     * digested in their DER equivalent).
     *
     * @param material the stored material (raw, PKCS#8 or X.509), lent
     */
    public static byte[] digest(KeyView key, SecretBytes material) {
        if (KeyAlgorithm.parse(key.algorithm()).kind() != KeyKind.ASYMMETRIC) {
            return material.use(Digests::sha256);
        }
        boolean pkcs1 = switch (format(key)) {
            case KmipAlgorithms.FORMAT_PKCS_1, KmipAlgorithms.FORMAT_TRANSPARENT_RSA_PRIVATE,
                    KmipAlgorithms.FORMAT_TRANSPARENT_RSA_PUBLIC -> true;
            default -> false;
        };
        if (!pkcs1) {
            return material.use(Digests::sha256);
        }
        if (key.publicKeyOnly()) {
            return material.use(spki -> Digests.sha256(KeyFormats.rsaPkcs1FromSpki(spki)));
        }
        try (SecretBytes pkcs1Key = KeyFormats.rsaPkcs1FromPkcs8(material)) {
            return pkcs1Key.use(Digests::sha256);
        }
    }

    /** A client's private key as PKCS#8; the caller closes it. */
    static SecretBytes readPrivate(int format, KeyAlgorithm algorithm, TtlvItem material) {
        return switch (format) {
            case KmipAlgorithms.FORMAT_PKCS_8 -> SecretBytes.adopt(bytes(material));
            case KmipAlgorithms.FORMAT_PKCS_1 -> {
                requireRsa(format, algorithm);
                try (SecretBytes pkcs1 = SecretBytes.adopt(bytes(material))) {
                    yield KeyFormats.pkcs8FromRsaPkcs1(pkcs1);
                }
            }
            case KmipAlgorithms.FORMAT_TRANSPARENT_RSA_PRIVATE -> {
                requireRsa(format, algorithm);
                TtlvStructure c = material.as(TtlvStructure.class);
                yield KeyFormats.pkcs8FromRsaComponents(new KeyFormats.RsaPrivateComponents(
                        big(c, Tags.MODULUS), big(c, Tags.PUBLIC_EXPONENT), big(c, Tags.PRIVATE_EXPONENT),
                        big(c, Tags.P), big(c, Tags.Q), big(c, Tags.PRIME_EXPONENT_P), big(c, Tags.PRIME_EXPONENT_Q),
                        big(c, Tags.CRT_COEFFICIENT)));
            }
            default -> throw unsupported(format, "private keys");
        };
    }

    /** A client's public key as X.509 SubjectPublicKeyInfo. */
    static byte[] readPublic(int format, KeyAlgorithm algorithm, TtlvItem material) {
        return switch (format) {
            case KmipAlgorithms.FORMAT_X_509 -> bytes(material);
            case KmipAlgorithms.FORMAT_PKCS_1 -> {
                requireRsa(format, algorithm);
                yield KeyFormats.spkiFromRsaPkcs1(bytes(material));
            }
            case KmipAlgorithms.FORMAT_TRANSPARENT_RSA_PUBLIC -> {
                requireRsa(format, algorithm);
                TtlvStructure c = material.as(TtlvStructure.class);
                yield KeyFormats.spkiFromRsaComponents(new KeyFormats.RsaPublicComponents(big(c, Tags.MODULUS),
                        big(c, Tags.PUBLIC_EXPONENT)));
            }
            default -> throw unsupported(format, "public keys");
        };
    }

    /** A private key (PKCS#8, lent) as Key Material in the format. */
    static TtlvItem writePrivate(int format, KeyAlgorithm algorithm, SecretBytes pkcs8) {
        return switch (format) {
            case KmipAlgorithms.FORMAT_PKCS_8 -> pkcs8.use(bytes -> material(bytes.clone()));
            case KmipAlgorithms.FORMAT_PKCS_1 -> {
                requireRsa(format, algorithm);
                try (SecretBytes pkcs1 = KeyFormats.rsaPkcs1FromPkcs8(pkcs8)) {
                    yield material(pkcs1.copy());
                }
            }
            case KmipAlgorithms.FORMAT_TRANSPARENT_RSA_PRIVATE -> {
                requireRsa(format, algorithm);
                KeyFormats.RsaPrivateComponents c = KeyFormats.rsaComponents(pkcs8);
                yield StructureBuilder.of(Tags.KEY_MATERIAL).add(TtlvBigInteger.of(Tags.MODULUS, c.modulus()))
                        .add(TtlvBigInteger.of(Tags.PRIVATE_EXPONENT, c.privateExponent()))
                        .add(TtlvBigInteger.of(Tags.PUBLIC_EXPONENT, c.publicExponent()))
                        .add(TtlvBigInteger.of(Tags.P, c.p())).add(TtlvBigInteger.of(Tags.Q, c.q()))
                        .add(TtlvBigInteger.of(Tags.PRIME_EXPONENT_P, c.primeExponentP()))
                        .add(TtlvBigInteger.of(Tags.PRIME_EXPONENT_Q, c.primeExponentQ()))
                        .add(TtlvBigInteger.of(Tags.CRT_COEFFICIENT, c.crtCoefficient())).build();
            }
            default -> throw unsupported(format, "private keys");
        };
    }

    /** A public key (X.509) as Key Material in the format. */
    static TtlvItem writePublic(int format, KeyAlgorithm algorithm, byte[] spki) {
        return switch (format) {
            case KmipAlgorithms.FORMAT_X_509 -> material(spki);
            case KmipAlgorithms.FORMAT_PKCS_1 -> {
                requireRsa(format, algorithm);
                yield material(KeyFormats.rsaPkcs1FromSpki(spki));
            }
            case KmipAlgorithms.FORMAT_TRANSPARENT_RSA_PUBLIC -> {
                requireRsa(format, algorithm);
                KeyFormats.RsaPublicComponents c = KeyFormats.rsaPublicComponents(spki);
                yield StructureBuilder.of(Tags.KEY_MATERIAL).add(TtlvBigInteger.of(Tags.MODULUS, c.modulus()))
                        .add(TtlvBigInteger.of(Tags.PUBLIC_EXPONENT, c.publicExponent())).build();
            }
            default -> throw unsupported(format, "public keys");
        };
    }

    private static TtlvByteString material(byte[] bytes) {
        return new TtlvByteString(Tags.KEY_MATERIAL, bytes);
    }

    private static byte[] bytes(TtlvItem material) {
        byte[] bytes = material.as(TtlvByteString.class).value();
        if (bytes.length == 0) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "the Key Material is empty");
        }
        return bytes;
    }

    private static java.math.BigInteger big(TtlvStructure components, org.keyhaven.kmip.ttlv.Tag tag) {
        return components.get(tag, TtlvBigInteger.class).value();
    }

    private static void requireRsa(int format, KeyAlgorithm algorithm) {
        if (algorithm != KeyAlgorithm.RSA) {
            throw new KmipFailure(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "Key Format Type " + format
                    + " is for RSA keys; " + algorithm.externalName() + " keys use PKCS#8 and X.509");
        }
    }

    private static KmipFailure unsupported(int format, String what) {
        return new KmipFailure(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED, "Key Format Type " + format
                + " is not supported for " + what + "; PKCS#1, PKCS#8, X.509 and Transparent RSA are");
    }
}
