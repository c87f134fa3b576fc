package org.keyhaven.monitor.syslog;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.keyhaven.ca.Pem;

/**
 * A CA made by the test (EC P-256, Bouncy Castle) that issues collector certificates, and JDK TLS server sockets on
 * loopback that present them: the TLS collectors of the forwarding tests.
 */
final class TlsFixtures {

    private static final AtomicLong SERIAL = new AtomicLong(1);
    private static TlsFixtures shared;

    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TlsFixtures(String name) {
        caKeys = ecKeyPair();
        X500Name subject = new X500Name("O=Keyhaven tests,CN=" + name);
        try {
            X509v3CertificateBuilder builder = builder(subject, subject, caKeys);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            ca = sign(builder, caKeys.getPrivate());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized TlsFixtures shared() {
        if (shared == null) {
            shared = new TlsFixtures("syslog test CA");
        }
        return shared;
    }

    static TlsFixtures newCa(String name) {
        return new TlsFixtures(name);
    }

    String caPem() {
        return Pem.write(ca);
    }

    /**
     * A TLS 1.3/1.2 server socket on 127.0.0.1 (any free port) with a certificate from this CA for the DNS names and
     * IP addresses given.
     */
    SSLServerSocket server(List<String> dnsNames, List<String> ipAddresses) throws IOException {
        KeyPair keys = ecKeyPair();
        X509Certificate leaf = issue(keys, dnsNames, ipAddresses);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test".toCharArray();
            store.setKeyEntry("collector", keys.getPrivate(), password, new Certificate[] {leaf, ca});
            KeyManagerFactory managers = KeyManagerFactory.getInstance("PKIX");
            managers.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            server.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return server;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate issue(KeyPair keys, List<String> dnsNames, List<String> ipAddresses) throws IOException {
        X509v3CertificateBuilder builder = builder(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()),
                new X500Name("O=Keyhaven tests,CN=collector"), keys);
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        ipAddresses.forEach(address -> names.add(new GeneralName(GeneralName.iPAddress, address)));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(names.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return sign(builder, caKeys.getPrivate());
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
