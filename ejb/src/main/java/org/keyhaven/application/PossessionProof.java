package org.keyhaven.application;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;

/**
 * Proof that the caller of the in-server gateway holds the private key of a client certificate: a signature over a
 * fresh challenge made with the leaf's key, {@code SHA256withRSA}, {@code SHA256withECDSA} or {@code Ed25519} by key
 * type. Certificates and signatures are handled by the JDK's own providers (SUN, SunRsaSign, SunEC), never by a
 * provider some other deployment registered. Whether the certificate identifies an enabled client is decided
 * afterwards by {@code ClientAuthenticator}, exactly as on the TLS ports. Sizes are bounded before anything is parsed.
 */
final class PossessionProof {

    static final int MAX_CHAIN_LENGTH = 10;
    static final int MAX_CERTIFICATE_BYTES = 64 * 1024;
    static final int MAX_SIGNATURE_BYTES = 8 * 1024;

    /** A signature algorithm and the JDK provider that runs it. */
    record Algorithm(String name, String provider) {
    }

    private PossessionProof() {
    }

    /** The chain (DER, leaf first) as certificates; refuses a missing, oversized or unreadable one. */
    static X509Certificate[] certificates(List<byte[]> der) throws KeyManagerException {
        if (der == null || der.isEmpty()) {
            throw refused("a client certificate chain is required");
        }
        if (der.size() > MAX_CHAIN_LENGTH) {
            throw refused("the certificate chain is longer than " + MAX_CHAIN_LENGTH);
        }
        X509Certificate[] chain = new X509Certificate[der.size()];
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", "SUN");
            for (int i = 0; i < chain.length; i++) {
                byte[] encoded = der.get(i);
                if (encoded == null || encoded.length == 0 || encoded.length > MAX_CERTIFICATE_BYTES) {
                    throw refused("certificate " + (i + 1) + " of the chain is missing or too large");
                }
                chain[i] = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(encoded));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw refused("the certificate chain cannot be read");
        }
        return chain;
    }

    /** Whether {@code signature} is the leaf key's signature over {@code challenge}. */
    static boolean proves(X509Certificate leaf, byte[] challenge, byte[] signature) {
        return proves(leaf.getPublicKey(), challenge, signature);
    }

    static boolean proves(PublicKey key, byte[] challenge, byte[] signature) {
        Algorithm algorithm = algorithmFor(key);
        if (algorithm == null || challenge == null || signature == null || signature.length == 0
                || signature.length > MAX_SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(algorithm.name(), algorithm.provider());
            verifier.initVerify(key);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a malformed signature or a key of another curve is no proof
            return false;
        }
    }

    /** The signature algorithm and JDK provider for the key's type, or null for a type that cannot prove. */
    static Algorithm algorithmFor(PublicKey key) {
        if (key == null) {
            return null;
        }
        return switch (key.getAlgorithm()) {
            case "RSA" -> new Algorithm("SHA256withRSA", "SunRsaSign");
            case "EC" -> new Algorithm("SHA256withECDSA", "SunEC");
            case "EdDSA", "Ed25519" -> new Algorithm("Ed25519", "SunEC");
            default -> null;
        };
    }

    private static KeyManagerException refused(String why) {
        return new KeyManagerException(Reason.AUTHENTICATION, why);
    }
}
