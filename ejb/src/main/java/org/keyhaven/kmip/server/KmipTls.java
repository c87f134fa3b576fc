package org.keyhaven.kmip.server;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.keyhaven.ca.Pem;
import org.keyhaven.client.TrustAnchor;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * The KMIP listener's TLS: the server key and certificate, the client CAs as trust anchors (the same enabled CAs as
 * on ports 6000 and 6003), TLS 1.3 and 1.2 with forward-secret AEAD suites only, a client certificate required.
 * TLS 1.2 with ECDHE-ECDSA AES-GCM is what PyKMIP's TLS 1.2 authentication suite offers.
 */
final class KmipTls {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final String[] CIPHER_SUITES = {
        "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"};

    private final SSLContext context;
    private final Instant notAfter;

    private KmipTls(SSLContext context, Instant notAfter) {
        this.context = context;
        this.notAfter = notAfter;
    }

    static KmipTls of(KeyManager[] keyManagers, Instant notAfter, List<TrustAnchor> anchors) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (TrustAnchor anchor : anchors) {
                X509Certificate certificate = Pem.certificate(anchor.certificatePem());
                trusted.setCertificateEntry(anchor.fingerprint(), certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trust.getTrustManagers(), null);
            return new KmipTls(context, notAfter);
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot set up the KMIP listener's TLS", null, e);
        }
    }

    /** The server side of TLS over an accepted connection; the handshake runs on first use. */
    SSLSocket wrap(Socket accepted) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(accepted,
                accepted.getInetAddress().getHostAddress(), accepted.getPort(), true);
        socket.setUseClientMode(false);
        socket.setNeedClientAuth(true);
        socket.setEnabledProtocols(PROTOCOLS);
        socket.setEnabledCipherSuites(supported(socket.getSupportedCipherSuites()));
        return socket;
    }

    Instant notAfter() {
        return notAfter;
    }

    private static String[] supported(String[] available) {
        List<String> offered = List.of(available);
        return java.util.Arrays.stream(CIPHER_SUITES).filter(offered::contains).toArray(String[]::new);
    }
}
