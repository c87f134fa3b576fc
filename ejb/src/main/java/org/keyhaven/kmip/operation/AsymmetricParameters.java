package org.keyhaven.kmip.operation;

import java.util.List;
import org.keyhaven.crypto.ops.Hash;
import org.keyhaven.crypto.ops.SignatureScheme;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * Reads the Cryptographic Parameters of Sign, Signature Verify and RSA Encrypt/Decrypt into schemes. What the client
 * leaves open takes Keyhaven's defaults: SHA-256; RSA signatures with PSS; ECDSA with the hash of the curve's
 * strength. A PSS salt length left open is the hash length when signing (RFC 8017's recommendation), and either
 * the hash length or the largest possible salt when verifying, the two conventions clients use. RSA encryption is
 * OAEP only: PKCS#1 v1.5 encryption is refused (Bleichenbacher's attack).
 */
final class AsymmetricParameters {

    private static final int PADDING_OAEP = 0x02;
    private static final int PADDING_PKCS1_V1_5 = 0x08;
    private static final int PADDING_PSS = 0x0A;
    private static final int MGF1 = 0x01;
    private static final int RSASSA_PSS = 0x08;

    private AsymmetricParameters() {
    }

    /** The scheme a Sign uses. */
    static SignatureScheme signing(TtlvStructure parameters, KeyView key) {
        return schemes(parameters, key, false).get(0);
    }

    /** The schemes a signature may have been made with, for Signature Verify. */
    static List<SignatureScheme> verifying(TtlvStructure parameters, KeyView key) {
        return schemes(parameters, key, true);
    }

    static OaepRequest oaep(TtlvStructure parameters, byte[] data) {
        int padding = Payloads.enumeration(parameters, Tags.PADDING_METHOD).orElse(PADDING_OAEP);
        if (padding != PADDING_OAEP) {
            throw new KmipFailure(ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS, "RSA keys encrypt with OAEP"
                    + " only; PKCS#1 v1.5 encryption is open to padding oracle attacks");
        }
        if (Payloads.enumeration(parameters, Tags.MASK_GENERATOR).orElse(MGF1) != MGF1) {
            throw new KmipFailure(ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS, "the Mask Generator is MGF1");
        }
        Hash hash = hash(parameters, Tags.HASHING_ALGORITHM, Hash.SHA256);
        Hash mgf1 = hash(parameters, Tags.MASK_GENERATOR_HASHING_ALGORITHM, hash);
        byte[] label = parameters.find(Tags.P_SOURCE, TtlvByteString.class).map(TtlvByteString::value)
                .orElse(new byte[0]);
        return new OaepRequest(hash, mgf1, label, data);
    }

    private static List<SignatureScheme> schemes(TtlvStructure parameters, KeyView key, boolean verify) {
        KeyAlgorithm algorithm = KeyAlgorithm.parse(key.algorithm());
        Integer named = Payloads.enumeration(parameters, Tags.DIGITAL_SIGNATURE_ALGORITHM).orElse(null);
        if (named != null && named != RSASSA_PSS) {
            return List.of(namedScheme(named, algorithm));
        }
        if (named != null && algorithm != KeyAlgorithm.RSA) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "RSASSA-PSS does not fit a " + algorithm.externalName()
                    + " key");
        }
        return switch (algorithm) {
            case RSA -> rsa(parameters, key.length(), named != null, verify);
            case EC -> List.of(SignatureScheme.ecdsa(hash(parameters, Tags.HASHING_ALGORITHM, curveHash(key))));
            case ED25519 -> List.of(SignatureScheme.ed25519());
            default -> throw new KmipFailure(ResultReason.INVALID_OBJECT_TYPE, key.algorithm()
                    + " keys do not sign; RSA, EC and Ed25519 keys do");
        };
    }

    private static List<SignatureScheme> rsa(TtlvStructure parameters, int modulusBits, boolean pssNamed,
            boolean verify) {
        int padding = Payloads.enumeration(parameters, Tags.PADDING_METHOD).orElse(PADDING_PSS);
        Hash hash = hash(parameters, Tags.HASHING_ALGORITHM, Hash.SHA256);
        if (padding == PADDING_PKCS1_V1_5 && !pssNamed) {
            return List.of(SignatureScheme.rsaPkcs1(hash));
        }
        if (padding != PADDING_PSS) {
            throw new KmipFailure(ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS, "RSA signatures use PSS or"
                    + " PKCS#1 v1.5 padding");
        }
        Integer salt = Payloads.integer(parameters, Tags.SALT_LENGTH).orElse(null);
        int largest = (modulusBits - 1 + 7) / 8 - hash.bytes() - 2;
        if (salt != null) {
            if (salt < 0 || salt > largest) {
                throw new KmipFailure(ResultReason.INVALID_FIELD, "the Salt Length must be 0 to " + largest);
            }
            return List.of(SignatureScheme.rsaPss(hash, salt));
        }
        return verify ? List.of(SignatureScheme.rsaPss(hash, hash.bytes()), SignatureScheme.rsaPss(hash, largest))
                : List.of(SignatureScheme.rsaPss(hash, hash.bytes()));
    }

    private static SignatureScheme namedScheme(int named, KeyAlgorithm algorithm) {
        SignatureScheme scheme = switch (named) {
            case 0x03 -> SignatureScheme.rsaPkcs1(Hash.SHA1);
            case 0x04 -> SignatureScheme.rsaPkcs1(Hash.SHA224);
            case 0x05 -> SignatureScheme.rsaPkcs1(Hash.SHA256);
            case 0x06 -> SignatureScheme.rsaPkcs1(Hash.SHA384);
            case 0x07 -> SignatureScheme.rsaPkcs1(Hash.SHA512);
            case 0x0C -> SignatureScheme.ecdsa(Hash.SHA1);
            case 0x0D -> SignatureScheme.ecdsa(Hash.SHA224);
            case 0x0E -> SignatureScheme.ecdsa(Hash.SHA256);
            case 0x0F -> SignatureScheme.ecdsa(Hash.SHA384);
            case 0x10 -> SignatureScheme.ecdsa(Hash.SHA512);
            default -> throw new KmipFailure(ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS, "Digital Signature"
                    + " Algorithm " + named + " is not supported; RSA PKCS#1 v1.5, RSASSA-PSS and ECDSA with SHA-1"
                    + " (to verify) or SHA-2 are");
        };
        if (scheme.keyAlgorithm() != algorithm) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, scheme.name() + " does not fit a "
                    + algorithm.externalName() + " key");
        }
        return scheme;
    }

    private static Hash curveHash(KeyView key) {
        return key.length() >= 512 ? Hash.SHA512 : key.length() >= 384 ? Hash.SHA384 : Hash.SHA256;
    }

    /** The hash a Hashing Algorithm (or Mask Generator Hashing Algorithm) field names; the fallback if none. */
    static Hash hash(TtlvStructure parameters, org.keyhaven.kmip.ttlv.Tag tag, Hash fallback) {
        Integer code = Payloads.enumeration(parameters, tag).orElse(null);
        if (code == null) {
            if (fallback == null) {
                throw new KmipFailure(ResultReason.MISSING_DATA, "the Cryptographic Parameters name no Hashing"
                        + " Algorithm");
            }
            return fallback;
        }
        return switch (code) {
            case 0x04 -> Hash.SHA1;
            case 0x05 -> Hash.SHA224;
            case 0x06 -> Hash.SHA256;
            case 0x07 -> Hash.SHA384;
            case 0x08 -> Hash.SHA512;
            default -> throw new KmipFailure(ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS, "Hashing Algorithm "
                    + code + " is not supported; SHA-1, SHA-224, SHA-256, SHA-384 and SHA-512 are");
        };
    }
}
