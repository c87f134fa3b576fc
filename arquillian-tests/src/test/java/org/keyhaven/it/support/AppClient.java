package org.keyhaven.it.support;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

/**
 * An application calling Keyhaven's application ports from outside the server, as a real one would: mutual TLS with
 * its own key and certificate chain, trusting exactly the internal CA published at {@code /ca.pem} (which issued the
 * server's TLS certificate), host name verified. Each instance has its own connections, so a new instance means a
 * new TLS handshake. A refused handshake surfaces as {@link UncheckedIOException}.
 */
public final class AppClient {

    /** Key retrieval (default port; the run's offset is added). */
    public static final int RETRIEVAL_PORT = 6000;
    /** Encryption services (default port; the run's offset is added). */
    public static final int ENCRYPTION_PORT = 6003;
    public static final String KEYS = "/api/v1/keys/";
    public static final String CRYPTO = "/api/v1/crypto/";

    private final HttpClient http;

    private AppClient(SSLContext tls) {
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The client presenting these credentials. */
    public static AppClient of(ClientCredentials credentials) {
        return withKey(credentials.privateKey(), credentials.chain());
    }

    /** A client presenting any key and chain (leaf first), e.g. one no CA known to Keyhaven issued. */
    public static AppClient withKey(PrivateKey key, List<X509Certificate> chain) {
        return new AppClient(mutualTls(key, chain));
    }

    /** TLS presenting this key and chain (leaf first) and trusting exactly the internal CA. */
    public static SSLContext mutualTls(PrivateKey key, List<X509Certificate> chain) {
        try {
            char[] password = "in-memory".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trustInternalCa().getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client that presents no certificate at all (trusting the internal CA all the same). */
    public static AppClient withoutCertificate() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustInternalCa().getTrustManagers(), null);
            return new AppClient(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /api/v1/keys/{idOrName}} on the key retrieval port. */
    public ApiResponse retrieve(String idOrName) {
        return get(RETRIEVAL_PORT, KEYS + Keys.encode(idOrName));
    }

    /** {@code GET /api/v1/keys/{idOrName}?version=N} on the key retrieval port. */
    public ApiResponse retrieve(String idOrName, int version) {
        return get(RETRIEVAL_PORT, KEYS + Keys.encode(idOrName) + "?version=" + version);
    }

    /** {@code POST /api/v1/crypto/{operation}} on the encryption services port: one item or a batch. */
    public ApiResponse crypto(String operation, JsonValue body) {
        return post(ENCRYPTION_PORT, CRYPTO + operation, body.toString());
    }

    public ApiResponse get(int defaultPort, String path) {
        return send(defaultPort, "GET", path, null, null);
    }

    public ApiResponse post(int defaultPort, String path, String json) {
        return send(defaultPort, "POST", path, "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** Any method and body on any port (default number; the run's offset is added). */
    public ApiResponse send(int defaultPort, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("https://localhost:" + Suite.port(defaultPort) + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The certificate chain the server presented on this port (default number), leaf first. */
    public List<X509Certificate> serverChain(int defaultPort) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + Suite.port(defaultPort) + "/openapi"))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            SSLSession session = response.sslSession().orElseThrow();
            return Arrays.stream(session.getPeerCertificates()).map(X509Certificate.class::cast).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static TrustManagerFactory trustInternalCa() throws GeneralSecurityException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("keyhaven-internal-ca", ClientIdentities.internalCa());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return factory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
