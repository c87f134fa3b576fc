package org.keyhaven.ca;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a client's certificate chain (leaf first) is acceptable now: the leaf is an end-entity certificate
 * signed directly by one of the trusted CAs, both are within their validity, its key is acceptable, its key usage
 * (if present) allows signatures, and it carries the clientAuth extended key usage where its CA requires that.
 */
public final class ClientCertificateCheck {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_USAGE = "2.5.29.37.0";
    private static final int DIGITAL_SIGNATURE = 0;
    /** Key usage, basic constraints, extended key usage, subject alternative name: what this check and TLS read. */
    private static final Set<String> PROCESSED_CRITICAL = Set.of("2.5.29.15", "2.5.29.19", "2.5.29.37", "2.5.29.17");

    private final List<TrustedCa> trusted;

    public ClientCertificateCheck(List<TrustedCa> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    public ClientCertificateVerdict check(List<X509Certificate> chain, Instant now) {
        if (chain == null || chain.isEmpty()) {
            return refused(ClientCertificateRefusal.NO_CERTIFICATE);
        }
        X509Certificate leaf = chain.get(0);
        if (!SignatureAlgorithms.accepted(leaf.getSigAlgOID())) {
            return refused(ClientCertificateRefusal.WEAK_SIGNATURE);
        }
        TrustedCa issuer = issuerOf(leaf);
        if (issuer == null) {
            return refused(ClientCertificateRefusal.UNTRUSTED_ISSUER);
        }
        Date at = Date.from(now);
        if (leaf.getNotBefore().after(at)) {
            return refused(ClientCertificateRefusal.NOT_YET_VALID);
        }
        if (leaf.getNotAfter().before(at)) {
            return refused(ClientCertificateRefusal.EXPIRED);
        }
        X509Certificate ca = issuer.certificate();
        if (ca.getNotBefore().after(at) || ca.getNotAfter().before(at)) {
            return refused(ClientCertificateRefusal.ISSUER_NOT_VALID);
        }
        if (leaf.getBasicConstraints() >= 0) {
            return refused(ClientCertificateRefusal.IS_A_CA);
        }
        if (!PROCESSED_CRITICAL.containsAll(criticalExtensions(leaf))) {
            return refused(ClientCertificateRefusal.UNKNOWN_CRITICAL_EXTENSION);
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE]) {
            return refused(ClientCertificateRefusal.NO_SIGNATURE_KEY_USAGE);
        }
        if (issuer.requireClientAuthEku() && !allowsClientAuth(leaf)) {
            return refused(ClientCertificateRefusal.NO_CLIENT_AUTH_USAGE);
        }
        if (PublicKeyPolicy.problemWith(leaf.getPublicKey()) != null) {
            return refused(ClientCertificateRefusal.WEAK_KEY);
        }
        return new ClientCertificateVerdict.Accepted(issuer);
    }

    private TrustedCa issuerOf(X509Certificate leaf) {
        for (TrustedCa ca : trusted) {
            if (ca.certificate().getSubjectX500Principal().equals(leaf.getIssuerX500Principal())
                    && signedBy(leaf, ca.certificate())) {
                return ca;
            }
        }
        return null;
    }

    private static boolean signedBy(X509Certificate leaf, X509Certificate ca) {
        try {
            leaf.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Set<String> criticalExtensions(X509Certificate leaf) {
        Set<String> critical = leaf.getCriticalExtensionOIDs();
        return critical == null ? Set.of() : critical;
    }

    private static boolean allowsClientAuth(X509Certificate leaf) {
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            return usages != null && (usages.contains(CLIENT_AUTH) || usages.contains(ANY_USAGE));
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static ClientCertificateVerdict refused(ClientCertificateRefusal reason) {
        return new ClientCertificateVerdict.Refused(reason);
    }
}
