package org.keyhaven.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for tests: the server's certificate is generated per installation, so the tests learn it once (trust on first
 * use, like a pinned fingerprint) and from then on trust exactly that certificate, with hostname verification.
 */
public final class PinnedTls {

    private static final Map<Integer, SSLContext> CONTEXTS = new ConcurrentHashMap<>();
    private static final Duration IDENTITY_WAIT = Duration.ofSeconds(90);

    private PinnedTls() {
    }

    /** Forgets every pinned certificate (another server, another installation, another certificate). */
    public static void forgetAll() {
        CONTEXTS.clear();
    }

    public static SSLContext context(int port) {
        return CONTEXTS.computeIfAbsent(port, PinnedTls::pin);
    }

    /**
     * The certificate the server presents on that port. On a fresh installation Keyhaven creates its TLS identity
     * (issued by its internal CA) moments after it is deployed; until then handshakes fail, so this waits for it.
     */
    public static X509Certificate serverCertificate(int port) {
        Instant deadline = Instant.now().plus(IDENTITY_WAIT);
        while (true) {
            try {
                return presented(port);
            } catch (UncheckedIOException e) {
                // until then the listener resets connections or fails handshakes
                if (!(e.getCause() instanceof SSLException || e.getCause() instanceof SocketException)
                        || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
        }
    }

    private static X509Certificate presented(int port) {
        Capturing capturing = new Capturing();
        try {
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[] {capturing}, null);
            try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket("localhost", port)) {
                socket.startHandshake();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return capturing.chain[0];
    }

    private static SSLContext pin(int port) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("keyhaven", serverCertificate(port));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Capturing implements X509TrustManager {
        private X509Certificate[] chain;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            this.chain = chain;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
