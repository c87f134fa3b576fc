package org.keyhaven.ca;

import java.math.BigInteger;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Which public keys Keyhaven certifies or trusts: RSA of 2048 to 16384 bits with an odd public exponent of at least
 * 3, EC on the named curves P-256, P-384 and P-521 (explicit curve parameters are refused), and Ed25519. Decided on
 * the encoded SubjectPublicKeyInfo so that a CSR and a certificate are judged the same way.
 */
public final class PublicKeyPolicy {

    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 16384;

    private static final Set<ASN1ObjectIdentifier> CURVES = Set.of(
            SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);

    private PublicKeyPolicy() {
    }

    /** Null when acceptable, else why not. */
    public static String problemWith(SubjectPublicKeyInfo info) {
        try {
            ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
            if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
                RSAPublicKey rsa = RSAPublicKey.getInstance(info.parsePublicKey());
                int bits = rsa.getModulus().bitLength();
                if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                    return "an RSA key must have " + MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits, not " + bits;
                }
                BigInteger exponent = rsa.getPublicExponent();
                return exponent.testBit(0) && exponent.compareTo(BigInteger.valueOf(3)) >= 0 ? null
                        : "the RSA public exponent is not acceptable";
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                Object parameters = info.getAlgorithm().getParameters();
                return parameters instanceof ASN1ObjectIdentifier curve && CURVES.contains(curve) ? null
                        : "an EC key must be on the named curve P-256, P-384 or P-521";
            }
            if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
                return info.getPublicKeyData().getOctets().length == 32 ? null : "the Ed25519 key is malformed";
            }
            return "the key algorithm must be RSA, EC or Ed25519";
        } catch (java.io.IOException | RuntimeException e) {
            return "the public key is malformed";
        }
    }

    public static String problemWith(java.security.PublicKey key) {
        try {
            return problemWith(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
        } catch (RuntimeException e) {
            return "the public key is malformed";
        }
    }
}
