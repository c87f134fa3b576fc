package org.keyhaven.crypto;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * The encodings KMIP clients exchange RSA keys in, converted to and from the ones Keyhaven stores (PKCS#8 for
 * private keys, X.509 SubjectPublicKeyInfo for public keys): PKCS#1 for both, and the Transparent form's
 * components (the groundwork of KMIP key pairs). Private key encodings travel as {@link SecretBytes}; the ASN.1
 * objects Bouncy Castle builds in between hold BigIntegers, which Java cannot wipe, and are left to the collector.
 * Input that does not decode is refused as invalid, naming the encoding, never its content.
 */
public final class KeyFormats {

    private static final AlgorithmIdentifier RSA = new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
            DERNull.INSTANCE);

    /** The components of an RSA private key (KMIP Transparent RSA Private Key). */
    public record RsaPrivateComponents(BigInteger modulus, BigInteger publicExponent, BigInteger privateExponent,
            BigInteger p, BigInteger q, BigInteger primeExponentP, BigInteger primeExponentQ,
            BigInteger crtCoefficient) {

        @Override
        public String toString() {
            return "RsaPrivateComponents[" + modulus.bitLength() + " bits]";
        }
    }

    /** The components of an RSA public key (KMIP Transparent RSA Public Key). */
    public record RsaPublicComponents(BigInteger modulus, BigInteger publicExponent) {
    }

    private KeyFormats() {
    }

    /** PKCS#8 (RSA) to PKCS#1 RSAPrivateKey. */
    public static SecretBytes rsaPkcs1FromPkcs8(SecretBytes pkcs8) {
        return pkcs8.use(bytes -> {
            try {
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(bytes);
                requireRsa(info.getPrivateKeyAlgorithm());
                return SecretBytes.adopt(info.parsePrivateKey().toASN1Primitive().getEncoded());
            } catch (IOException | RuntimeException e) {
                throw invalid("PKCS#8 RSA private key");
            }
        });
    }

    /** PKCS#1 RSAPrivateKey to PKCS#8. */
    public static SecretBytes pkcs8FromRsaPkcs1(SecretBytes pkcs1) {
        return pkcs1.use(bytes -> {
            try {
                return SecretBytes.adopt(new PrivateKeyInfo(RSA, RSAPrivateKey.getInstance(bytes)).getEncoded());
            } catch (IOException | RuntimeException e) {
                throw invalid("PKCS#1 RSA private key");
            }
        });
    }

    /** X.509 SubjectPublicKeyInfo (RSA) to PKCS#1 RSAPublicKey. */
    public static byte[] rsaPkcs1FromSpki(byte[] spki) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
            requireRsa(info.getAlgorithm());
            return RSAPublicKey.getInstance(info.parsePublicKey()).getEncoded();
        } catch (IOException | RuntimeException e) {
            throw invalid("X.509 RSA public key");
        }
    }

    /** PKCS#1 RSAPublicKey to X.509 SubjectPublicKeyInfo. */
    public static byte[] spkiFromRsaPkcs1(byte[] pkcs1) {
        try {
            return new SubjectPublicKeyInfo(RSA, RSAPublicKey.getInstance(pkcs1)).getEncoded();
        } catch (IOException | RuntimeException e) {
            throw invalid("PKCS#1 RSA public key");
        }
    }

    /** The components of a PKCS#8 RSA private key. */
    public static RsaPrivateComponents rsaComponents(SecretBytes pkcs8) {
        try (SecretBytes pkcs1 = rsaPkcs1FromPkcs8(pkcs8)) {
            return pkcs1.use(bytes -> {
                RSAPrivateKey key = RSAPrivateKey.getInstance(bytes);
                return new RsaPrivateComponents(key.getModulus(), key.getPublicExponent(), key.getPrivateExponent(),
                        key.getPrime1(), key.getPrime2(), key.getExponent1(), key.getExponent2(),
                        key.getCoefficient());
            });
        }
    }

    /** The modulus and public exponent of an X.509 RSA public key (KMIP Transparent RSA Public Key). */
    public static RsaPublicComponents rsaPublicComponents(byte[] spki) {
        RSAPublicKey key = RSAPublicKey.getInstance(rsaPkcs1FromSpki(spki));
        return new RsaPublicComponents(key.getModulus(), key.getPublicExponent());
    }

    /** An X.509 RSA public key from its modulus and public exponent. */
    public static byte[] spkiFromRsaComponents(RsaPublicComponents c) {
        try {
            return new SubjectPublicKeyInfo(RSA, new RSAPublicKey(c.modulus(), c.publicExponent())).getEncoded();
        } catch (IOException | RuntimeException e) {
            throw invalid("Transparent RSA public key");
        }
    }

    /** A PKCS#8 RSA private key from its components, which must be consistent (n = p q, e d = 1 mod lcm). */
    public static SecretBytes pkcs8FromRsaComponents(RsaPrivateComponents c) {
        if (!consistent(c)) {
            throw invalid("Transparent RSA private key (its components do not belong together)");
        }
        try {
            return SecretBytes.adopt(new PrivateKeyInfo(RSA, new RSAPrivateKey(c.modulus(), c.publicExponent(),
                    c.privateExponent(), c.p(), c.q(), c.primeExponentP(), c.primeExponentQ(), c.crtCoefficient()))
                    .getEncoded());
        } catch (IOException e) {
            throw invalid("Transparent RSA private key");
        }
    }

    /**
     * Whether RSA private key components belong together: 1 < p, q; n = p q; e d = 1 modulo p - 1 and q - 1; and
     * the CRT values are those of d, p and q (d mod p - 1, d mod q - 1, q^-1 mod p). A key that fails this would
     * sign wrongly or not at all.
     */
    static boolean consistent(RsaPrivateComponents c) {
        BigInteger one = BigInteger.ONE;
        if (c.p().compareTo(one) <= 0 || c.q().compareTo(one) <= 0 || c.privateExponent().signum() <= 0
                || c.publicExponent().compareTo(one) <= 0 || !c.p().multiply(c.q()).equals(c.modulus())) {
            return false;
        }
        BigInteger pMinusOne = c.p().subtract(one);
        BigInteger qMinusOne = c.q().subtract(one);
        BigInteger ed = c.publicExponent().multiply(c.privateExponent());
        try {
            return ed.mod(pMinusOne).equals(one) && ed.mod(qMinusOne).equals(one)
                    && c.privateExponent().mod(pMinusOne).equals(c.primeExponentP())
                    && c.privateExponent().mod(qMinusOne).equals(c.primeExponentQ())
                    && c.q().modInverse(c.p()).equals(c.crtCoefficient());
        } catch (ArithmeticException e) {
            return false; // q has no inverse modulo p: not primes of a key
        }
    }

    private static void requireRsa(AlgorithmIdentifier algorithm) {
        if (!PKCSObjectIdentifiers.rsaEncryption.equals(algorithm.getAlgorithm())) {
            throw new IllegalArgumentException("not RSA");
        }
    }

    private static KeyhavenException invalid(String what) {
        return new KeyhavenException(ErrorCode.INVALID_REQUEST, "the key is not a valid " + what);
    }
}
