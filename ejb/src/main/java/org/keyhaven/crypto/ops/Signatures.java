package org.keyhaven.crypto.ops;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Objects;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyMaterialGenerator;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeySpec;

/**
 * Signing and verification of whole messages with a {@link SignatureAlgorithm}, through Keyhaven's Bouncy Castle
 * provider and random source (ECDSA nonces and PSS salts come from the DRBG).
 *
 * <p>Verification answers a plain yes or no: a signature that is malformed (wrong length, bad DER, value out of
 * range, garbage) is simply not a valid signature, never an error. An algorithm that does not fit the key is the
 * caller's mistake ({@link ErrorCode#INVALID_REQUEST}); a stored key that cannot be decoded is
 * {@link ErrorCode#INTERNAL}. Private keys are lent per call and their decoded objects destroyed afterwards where
 * the provider allows it. Whether the key's state and usage mask allow signing is the caller's check. Stateless and
 * thread-safe.
 */
public final class Signatures {

    private Signatures() {
    }

    /**
     * @param privateKeyPkcs8 the PKCS#8 private key, lent for this call
     * @return the signature (DER for ECDSA, 64 bytes for Ed25519, modulus length for RSA)
     */
    public static byte[] sign(SignatureAlgorithm algorithm, KeySpec spec, SecretBytes privateKeyPkcs8,
            byte[] message) {
        requireCompatible(algorithm, spec);
        return sign(algorithm.scheme(), spec, privateKeyPkcs8, message);
    }

    /** Signs with a scheme of any parameters; SHA-1 schemes are refused ({@link SignatureScheme#legacy()}). */
    public static byte[] sign(SignatureScheme algorithm, KeySpec spec, SecretBytes privateKeyPkcs8,
            byte[] message) {
        requireCompatible(algorithm, spec);
        if (algorithm.legacy()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, algorithm.name() + " signs with SHA-1, which NIST"
                    + " SP 800-131A disallows for new signatures; it only verifies old ones");
        }
        Inputs.required(message, "message");
        Signature signer = algorithm.newSignature();
        return PrivateKeys.apply(spec.algorithm(), privateKeyPkcs8, key -> {
            try {
                signer.initSign(key, KeyhavenProvider.random());
                signer.update(message);
                return signer.sign();
            } catch (IllegalArgumentException e) {
                // the provider's word for parameters the key cannot take (a PSS salt too long for the modulus)
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, algorithm.name() + " cannot sign with a "
                        + spec + " key");
            } catch (GeneralSecurityException e) {
                throw new KeyhavenException(ErrorCode.INTERNAL, algorithm.name() + " signing failed",
                        null, e);
            }
        });
    }

    /**
     * @param publicKeySpki the X.509 SubjectPublicKeyInfo of the key
     * @return whether {@code signature} is a valid signature of {@code message} under the key; false for any
     *     malformed signature
     */
    public static boolean verify(SignatureAlgorithm algorithm, KeySpec spec, byte[] publicKeySpki, byte[] message,
            byte[] signature) {
        requireCompatible(algorithm, spec);
        return verify(algorithm.scheme(), spec, publicKeySpki, message, signature);
    }

    /** Verifies with a scheme of any parameters (SHA-1 included, for old signatures). */
    public static boolean verify(SignatureScheme algorithm, KeySpec spec, byte[] publicKeySpki, byte[] message,
            byte[] signature) {
        requireCompatible(algorithm, spec);
        Inputs.required(message, "message");
        Inputs.required(signature, "signature");
        PublicKey key = KeyMaterialGenerator.publicKey(spec.algorithm(), publicKeySpki);
        Signature verifier = algorithm.newSignature();
        try {
            verifier.initVerify(key);
        } catch (InvalidKeyException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "stored " + spec + " public key cannot verify "
                    + algorithm.name(), null, e);
        } catch (IllegalArgumentException e) {
            return false; // parameters the key cannot take (a PSS salt too long): no signature is valid under them
        }
        try {
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Providers report some malformed signatures by exception (undecodable DER, value out of range);
            // by this method's contract such a signature is just not valid.
            return false;
        }
    }

    private static void requireCompatible(SignatureScheme scheme, KeySpec spec) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(spec, "spec");
        if (scheme.keyAlgorithm() != spec.algorithm()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, scheme.name() + " cannot be used with key type "
                    + spec);
        }
    }

    private static void requireCompatible(SignatureAlgorithm algorithm, KeySpec spec) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(spec, "spec");
        if (!algorithm.compatibleWith(spec)) {
            String usable = SignatureAlgorithm.namesFor(spec);
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, algorithm.externalName() + " cannot be used with "
                    + "key type " + spec + (usable.isEmpty() ? ", which cannot sign" : "; use " + usable));
        }
    }
}
