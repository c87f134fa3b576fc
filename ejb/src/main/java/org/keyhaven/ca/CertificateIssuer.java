package org.keyhaven.ca;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Times;
import org.keyhaven.crypto.SecretBytes;

/**
 * Issues end-entity certificates with a CA's key: client certificates (clientAuth) for a CSR's key or for a key
 * generated here, and server certificates (serverAuth) for Keyhaven's own TLS identity. What a certificate says is
 * decided here, never copied from a request.
 */
public final class CertificateIssuer {

    /** Client certificates: 397 days, the longest validity browsers accept for TLS certificates. */
    public static final Duration CLIENT_VALIDITY = Duration.ofDays(397);

    static final String CLIENT_CURVE = "secp256r1";

    private final X509Certificate caCertificate;
    private final SecretBytes caKey;

    /** @param caKey the CA's PKCS#8 private key, lent for this issuer's lifetime; the caller wipes it */
    public CertificateIssuer(X509Certificate caCertificate, SecretBytes caKey) {
        this.caCertificate = Objects.requireNonNull(caCertificate, "CA certificate");
        this.caKey = Objects.requireNonNull(caKey, "CA key");
    }

    /** A client certificate for the CSR's key (after proof of possession and key policy), named for the client. */
    public X509Certificate issueClientCertificate(PKCS10CertificationRequest request, String clientName) {
        return clientCertificate(CertificateRequests.verifiedPublicKey(request), clientName);
    }

    /** A new EC P-256 key and its client certificate; the caller closes the result to wipe the key. */
    public CertifiedKey issueClientKeyAndCertificate(String clientName) {
        KeyPair pair = CertificateSigning.generateEcKeyPair(CLIENT_CURVE);
        SecretBytes privateKey = CertificateSigning.encodeAndDestroy(pair.getPrivate());
        try {
            X509Certificate certificate = clientCertificate(
                    SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()), clientName);
            return new CertifiedKey(privateKey, chain(certificate));
        } catch (RuntimeException e) {
            privateKey.close();
            throw e;
        }
    }

    /** A TLS server certificate for the CSR's key with the given DNS names and IP addresses. */
    public X509Certificate issueServerCertificate(PKCS10CertificationRequest request, List<String> dnsNames,
            List<String> ipAddresses, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a certificate needs a positive validity");
        }
        SubjectPublicKeyInfo key = CertificateRequests.verifiedPublicKey(request);
        List<GeneralName> names = new ArrayList<>();
        for (String dns : ServerNames.dnsNames(dnsNames)) {
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        for (String ip : ipAddresses) {
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ServerNames.ipAddress(ip))));
        }
        if (names.isEmpty()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a server certificate needs a host name or address");
        }
        String commonName = dnsNames.isEmpty() ? ipAddresses.get(0).trim() : ServerNames.dnsName(dnsNames.get(0));
        X509v3CertificateBuilder builder = endEntity(subject("Keyhaven server", commonName), key, validity,
                KeyPurposeId.id_kp_serverAuth);
        CertificateSigning.addExtension(builder, Extension.subjectAlternativeName, false,
                new GeneralNames(names.toArray(GeneralName[]::new)));
        return CertificateSigning.sign(builder, caKey);
    }

    /** The certificate followed by this CA's certificate, as a TLS peer wants it. */
    public List<X509Certificate> chain(X509Certificate certificate) {
        return List.of(certificate, caCertificate);
    }

    private X509Certificate clientCertificate(SubjectPublicKeyInfo key, String clientName) {
        X509v3CertificateBuilder builder = endEntity(subject("Keyhaven clients", clientName), key, CLIENT_VALIDITY,
                KeyPurposeId.id_kp_clientAuth);
        return CertificateSigning.sign(builder, caKey);
    }

    private X509v3CertificateBuilder endEntity(X500Name subject, SubjectPublicKeyInfo key, Duration validity,
            KeyPurposeId purpose) {
        X500Name issuer = X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = CertificateSigning.builder(issuer, subject, key, Times.now(), validity);
        JcaX509ExtensionUtils utils = InternalCaFactory.extensionUtils();
        CertificateSigning.addExtension(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        CertificateSigning.addExtension(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        CertificateSigning.addExtension(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        CertificateSigning.addExtension(builder, Extension.subjectKeyIdentifier, false,
                utils.createSubjectKeyIdentifier(key));
        try {
            // the key identifier only (as RFC 5280 and the CA/Browser Forum want): no issuer name and serial number
            CertificateSigning.addExtension(builder, Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(SubjectPublicKeyInfo.getInstance(
                            caCertificate.getPublicKey().getEncoded())));
        } catch (RuntimeException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "the CA certificate's key does not encode", null, e);
        }
        return builder;
    }

    private static X500Name subject(String organizationalUnit, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Keyhaven")
                .addRDN(BCStyle.OU, organizationalUnit).addRDN(BCStyle.CN, commonName).build();
    }
}
