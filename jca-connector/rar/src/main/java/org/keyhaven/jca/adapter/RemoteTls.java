package org.keyhaven.jca.adapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of the remote mode: the client presents the factory's certificate chain and key (mutual TLS is how
 * Keyhaven knows the application), and trusts exactly the CA certificate(s) of the configured PEM file, not the
 * JVM's default trust store: a server is Keyhaven only if Keyhaven's CA issued its certificate. Only TLS 1.3 and 1.2
 * are offered. The host name (or IP address) in the URL must be in the server certificate: HTTPS endpoint
 * identification, set in {@link #parameters} and again by {@link java.net.http.HttpClient} on every engine it makes.
 */
final class RemoteTls {

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private RemoteTls() {
    }

    /**
     * A TLS context for one client identity and one set of trusted CAs.
     *
     * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate, or the client's key
     *         and chain cannot be used
     */
    static SSLContext context(ClientCredentials credentials, String caFile) {
        List<X509Certificate> anchors = readCertificates(caFile);
        char[] password = transientPassword();
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                trusted.setCertificateEntry("keyhaven-ca-" + i, anchors.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trusted);

            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("client", credentials.privateKey(), password,
                    credentials.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
            keys.init(identity, password);

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("the client certificate and key of " + credentials
                    + " cannot be used for TLS: " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** TLS 1.3 and 1.2 only. */
    static SSLParameters parameters(SSLContext context) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        parameters.setProtocols(PROTOCOLS.toArray(new String[0]));
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    /** Every certificate of a PEM file, in file order; text around the PEM blocks is ignored. */
    static List<X509Certificate> readCertificates(String file) {
        String pem;
        try {
            pem = Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("serverCaFile " + file + " cannot be read (" + e.getClass()
                    .getSimpleName() + ")", e);
        }
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("this JVM has no X.509 certificate factory", e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        int from = pem.indexOf(BEGIN);
        while (from >= 0) {
            String where = "serverCaFile " + file + ": certificate " + (certificates.size() + 1);
            int to = pem.indexOf(END, from);
            if (to < 0) {
                throw new IllegalArgumentException(where + " has no END line");
            }
            certificates.add(certificate(factory, pem.substring(from + BEGIN.length(), to), where));
            from = pem.indexOf(BEGIN, to);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("serverCaFile " + file + " holds no PEM certificate (" + BEGIN + ")");
        }
        return certificates;
    }

    private static X509Certificate certificate(CertificateFactory factory, String base64, String where) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not a valid X.509 certificate", e);
        }
    }

    /** Protects the key only inside an in-memory key store that never leaves this class's TLS context. */
    private static char[] transientPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[24];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }
}
