package org.keyhaven.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.jcajce.spec.EdDSAParameterSpec;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyKind;
import org.keyhaven.key.KeySpec;

/**
 * Generates key material for a validated {@link KeySpec}, and decodes stored asymmetric keys for the crypto
 * services. Everything goes through {@link KeyhavenProvider#get()} and {@link KeyhavenProvider#random()}.
 *
 * <ul>
 *   <li>AES, HMAC and secret data: {@code lengthBits / 8} bytes from the DRBG.</li>
 *   <li>RSA: modulus of {@code lengthBits}, public exponent 65537.</li>
 *   <li>EC: on {@code spec.curve()}; Ed25519: RFC 8032.</li>
 * </ul>
 * The private key encoding is handed to the {@link GeneratedKey} without a copy. The temporary RSA and EC
 * private key objects are destroyed; Bouncy Castle's Ed25519 private key has no {@code destroy()}, so its seed
 * is left to the garbage collector, as are the copies that {@code PKCS8EncodedKeySpec} and the ASN.1 parser
 * make when {@link #privateKey} decodes a key. Stateless and thread-safe.
 */
public final class KeyMaterialGenerator {

    private KeyMaterialGenerator() {
    }

    public static GeneratedKey generate(KeySpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.algorithm().kind() == KeyKind.ASYMMETRIC) {
            return keyPair(spec);
        }
        byte[] secret = new byte[spec.lengthBits() / 8];
        KeyhavenProvider.random().nextBytes(secret);
        return new GeneratedKey(SecretBytes.adopt(secret), null);
    }

    /**
     * Decodes a PKCS#8 {@code PrivateKeyInfo}. The caller keeps ownership of {@code pkcs8} and wipes it.
     *
     * @throws KeyhavenException {@link ErrorCode#INTERNAL} if the encoding is not a private key of that algorithm
     */
    public static PrivateKey privateKey(KeyAlgorithm algorithm, byte[] pkcs8) {
        Objects.requireNonNull(pkcs8, "pkcs8");
        String name = jcaName(algorithm);
        try {
            return KeyFactory.getInstance(name, KeyhavenProvider.get())
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The cause is dropped on purpose: parser messages may quote parts of the encoding.
            throw new KeyhavenException(ErrorCode.INTERNAL,
                    "stored " + algorithm.externalName() + " private key cannot be decoded");
        }
    }

    /**
     * Decodes an X.509 {@code SubjectPublicKeyInfo}.
     *
     * @throws KeyhavenException {@link ErrorCode#INTERNAL} if the encoding is not a public key of that algorithm
     */
    public static PublicKey publicKey(KeyAlgorithm algorithm, byte[] spki) {
        Objects.requireNonNull(spki, "spki");
        String name = jcaName(algorithm);
        try {
            return KeyFactory.getInstance(name, KeyhavenProvider.get())
                    .generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL,
                    "stored " + algorithm.externalName() + " public key cannot be decoded", null, e);
        }
    }

    private static GeneratedKey keyPair(KeySpec spec) {
        KeyAlgorithm algorithm = spec.algorithm();
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName(algorithm), KeyhavenProvider.get());
            generator.initialize(switch (algorithm) {
                case RSA -> new RSAKeyGenParameterSpec(spec.lengthBits(), RSAKeyGenParameterSpec.F4);
                case EC -> new ECGenParameterSpec(spec.curve().jcaName());
                case ED25519 -> new EdDSAParameterSpec(EdDSAParameterSpec.Ed25519);
                default -> throw new IllegalArgumentException(algorithm + " is not asymmetric");
            }, KeyhavenProvider.random());
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot generate a " + spec + " key pair", null, e);
        }
        GeneratedKey generated = new GeneratedKey(SecretBytes.adopt(pair.getPrivate().getEncoded()),
                pair.getPublic().getEncoded());
        if (algorithm != KeyAlgorithm.ED25519) {
            try {
                pair.getPrivate().destroy();
            } catch (DestroyFailedException e) {
                generated.close();
                throw new KeyhavenException(ErrorCode.INTERNAL, "cannot destroy a temporary private key", null, e);
            }
        }
        return generated;
    }

    private static String jcaName(KeyAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        return switch (algorithm) {
            case RSA -> "RSA";
            case EC -> "EC";
            case ED25519 -> "Ed25519";
            default -> throw new IllegalArgumentException(algorithm.externalName() + " has no key pair");
        };
    }
}
