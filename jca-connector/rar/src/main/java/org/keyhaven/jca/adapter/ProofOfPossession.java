package org.keyhaven.jca.adapter;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Locale;

/**
 * Signs Keyhaven's one-time challenge with the client's private key, which is how a local-mode session proves the
 * adapter holds the key of the certificate it presents. The algorithm follows the key type, as the gateway expects:
 * {@code SHA256withRSA} for RSA, {@code SHA256withECDSA} for EC, {@code Ed25519} for EdDSA over Ed25519. Other key
 * types (DSA, Ed448, ...) are refused here, so a factory configured with one fails at activation. Stateless.
 */
final class ProofOfPossession {

    /** DER of the Ed25519 algorithm identifier's OID (1.3.101.112), as found in a PKCS#8 encoding. */
    private static final byte[] ED25519_OID = {0x06, 0x03, 0x2B, 0x65, 0x70};

    private ProofOfPossession() {
    }

    /** The signature algorithm for the key; throws if Keyhaven accepts no proof made with this kind of key. */
    static String algorithm(PrivateKey key) throws InvalidKeyException {
        String type = key.getAlgorithm() == null ? "" : key.getAlgorithm().toUpperCase(Locale.ROOT);
        return switch (type) {
            case "RSA" -> "SHA256withRSA";
            // Bouncy Castle names its EC keys ECDSA
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "ED25519" -> "Ed25519";
            case "EDDSA" -> {
                if (isEd25519(key)) {
                    yield "Ed25519";
                }
                throw new InvalidKeyException("the client key is EdDSA but not Ed25519: Keyhaven accepts RSA, EC and "
                        + "Ed25519 client keys");
            }
            default -> throw new InvalidKeyException("the client key is of type " + key.getAlgorithm()
                    + ": Keyhaven accepts RSA, EC and Ed25519 client keys");
        };
    }

    static byte[] sign(PrivateKey key, byte[] challenge) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(algorithm(key));
        signer.initSign(key);
        signer.update(challenge);
        return signer.sign();
    }

    private static boolean isEd25519(PrivateKey key) {
        if (key instanceof EdECPrivateKey edec) {
            return "Ed25519".equalsIgnoreCase(edec.getParams().getName());
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            return false;
        }
        try {
            // the algorithm identifier comes right after the version, well within the first 16 bytes of PKCS#8
            int end = Math.min(encoded.length, 16);
            for (int i = 0; i + ED25519_OID.length <= end; i++) {
                if (Arrays.equals(encoded, i, i + ED25519_OID.length, ED25519_OID, 0, ED25519_OID.length)) {
                    return true;
                }
            }
            return false;
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }
}
