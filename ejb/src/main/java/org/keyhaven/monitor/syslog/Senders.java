package org.keyhaven.monitor.syslog;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.keyhaven.ca.Pem;

/**
 * Opens senders: UDP; TCP; or TLS 1.3/1.2 (ECDHE with AEAD suites only) that trusts exactly the destination's CA
 * certificates, not the JVM's defaults, and checks the collector's certificate against the configured host name or
 * IP address (the HTTPS rules of RFC 2818: subject alternative names), with SNI for names. Keyhaven presents no
 * client certificate. Connecting and the TLS handshake each have a time limit.
 */
public final class Senders {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final Duration timeout;

    /** @param timeout for connecting and for the TLS handshake */
    public Senders(Duration timeout) {
        this.timeout = timeout;
    }

    public SyslogSender open(DestinationSpec destination) throws IOException {
        return switch (destination.transport()) {
            case UDP -> new UdpSender(destination.host(), destination.port());
            case TCP -> new StreamSender(connect(destination));
            case TLS -> new StreamSender(handshake(connect(destination), destination));
        };
    }

    /** Tries each address of the host in turn (a name may have IPv4 and IPv6 ones, not all reachable). */
    private Socket connect(DestinationSpec destination) throws IOException {
        IOException failure = null;
        for (InetAddress address : InetAddress.getAllByName(destination.host())) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, destination.port()), (int) timeout.toMillis());
                socket.setKeepAlive(true);
                return socket;
            } catch (IOException e) {
                socket.close();
                failure = e;
            }
        }
        throw failure != null ? failure : new IOException("no address for " + destination.host());
    }

    private SSLSocket handshake(Socket plain, DestinationSpec destination) throws IOException {
        try {
            SSLSocket tls = (SSLSocket) context(destination.caPem()).getSocketFactory()
                    .createSocket(plain, destination.host(), destination.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setProtocols(PROTOCOLS);
            parameters.setCipherSuites(strongSuites(tls.getSupportedCipherSuites()));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!DestinationSpec.isIpLiteral(destination.host())) {
                parameters.setServerNames(List.of(new SNIHostName(destination.host())));
            }
            tls.setSSLParameters(parameters);
            tls.setSoTimeout((int) timeout.toMillis());
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** TLS 1.3 suites, and TLS 1.2 suites with ECDHE key exchange and AES-GCM or ChaCha20-Poly1305. */
    static String[] strongSuites(String[] supported) {
        return Arrays.stream(supported).filter(suite -> suite.startsWith("TLS_AES_")
                || suite.startsWith("TLS_CHACHA20_")
                || suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("_CHACHA20_")))
                .toArray(String[]::new);
    }

    /** Trusts exactly the given CA certificates (PEM). */
    static SSLContext context(String caPem) throws IOException {
        if (caPem == null) {
            throw new IOException("a TLS destination without CA certificates");
        }
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int index = 0;
            for (X509Certificate certificate : Pem.certificates(caPem)) {
                trusted.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust the destination's CA certificates: " + e.getMessage(), e);
        }
    }
}
