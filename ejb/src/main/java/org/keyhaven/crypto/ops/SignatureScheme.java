package org.keyhaven.crypto.ops;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.PSSParameterSpec;
import java.util.Objects;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.key.KeyAlgorithm;

/**
 * A signature scheme with all its parameters: the key algorithm it needs, and the JCA signature with its PSS
 * parameters (hash, MGF1 with the same hash, salt length, trailer field 1). The encryption services use the named
 * {@link SignatureAlgorithm}s; KMIP clients compose schemes from Cryptographic Parameters.
 *
 * @param name what errors and audit records call it, e.g. {@code RSA-PSS-SHA256}
 */
public record SignatureScheme(String name, KeyAlgorithm keyAlgorithm, String jcaName, PSSParameterSpec pss) {

    public SignatureScheme {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(jcaName, "jcaName");
    }

    /** RSASSA-PSS (RFC 8017 section 8.1), MGF1 with the same hash. */
    public static SignatureScheme rsaPss(Hash hash, int saltBytes) {
        if (saltBytes < 0) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "the PSS salt length cannot be negative");
        }
        return new SignatureScheme("RSA-PSS-" + hash.prefix(), KeyAlgorithm.RSA, "RSASSA-PSS",
                new PSSParameterSpec(hash.jcaName(), "MGF1", hash.mgf1(), saltBytes, PSSParameterSpec.TRAILER_FIELD_BC));
    }

    /** RSASSA-PKCS1-v1_5 (RFC 8017 section 8.2). */
    public static SignatureScheme rsaPkcs1(Hash hash) {
        return new SignatureScheme("RSA-PKCS1-" + hash.prefix(), KeyAlgorithm.RSA, hash.prefix() + "withRSA", null);
    }

    /** ECDSA (FIPS 186-5), DER signature. */
    public static SignatureScheme ecdsa(Hash hash) {
        return new SignatureScheme("ECDSA-" + hash.prefix(), KeyAlgorithm.EC, hash.prefix() + "withECDSA", null);
    }

    /** PureEdDSA over Ed25519 (RFC 8032). */
    public static SignatureScheme ed25519() {
        return new SignatureScheme("Ed25519", KeyAlgorithm.ED25519, "Ed25519", null);
    }

    /** Whether the scheme hashes with SHA-1, which Keyhaven verifies but never signs with. */
    public boolean legacy() {
        return jcaName.startsWith(Hash.SHA1.prefix()) || pss != null && Hash.SHA1.jcaName().equals(pss.getDigestAlgorithm());
    }

    /** A fresh, uninitialised JCA signature from Keyhaven's provider, with its parameters set. */
    Signature newSignature() {
        try {
            Signature signature = Signature.getInstance(jcaName, KeyhavenProvider.get());
            if (pss != null) {
                signature.setParameter(pss);
            }
            return signature;
        } catch (GeneralSecurityException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, name + " is not available", null, e);
        }
    }
}
