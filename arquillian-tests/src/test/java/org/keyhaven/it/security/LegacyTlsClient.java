package org.keyhaven.it.security;

import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS client for one handshake, run by {@link TlsIT} in a JVM of its own whose {@code jdk.tls.disabledAlgorithms}
 * is emptied, so that it can offer TLS 1.0 and 1.1 (which the test JVM itself refuses to send). It trusts any
 * certificate, so that a failure can only come from the protocol negotiation. Prints one line:
 * {@code NEGOTIATED <protocol> <suite>} or {@code FAILED <exception>: <message>}.
 *
 * <p>Usage: {@code LegacyTlsClient <host> <port> <protocol>}
 */
public final class LegacyTlsClient {

    private LegacyTlsClient() {
    }

    public static void main(String[] args) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyCertificate()}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(args[0],
                    Integer.parseInt(args[1]))) {
                socket.setSoTimeout(15_000);
                socket.setEnabledProtocols(new String[] {args[2]});
                socket.startHandshake();
                System.out.println("NEGOTIATED " + socket.getSession().getProtocol() + " "
                        + socket.getSession().getCipherSuite());
            }
        } catch (Exception e) {
            System.out.println("FAILED " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static final class AnyCertificate implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // the probe tests protocol negotiation only
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
