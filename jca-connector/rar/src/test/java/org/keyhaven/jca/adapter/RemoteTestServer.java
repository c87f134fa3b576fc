package org.keyhaven.jca.adapter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stand-in for one Keyhaven listener: an HTTPS server on 127.0.0.1 and an ephemeral port that requires a client
 * certificate from the test CA, records every request and answers what the test tells it to. Answers may be held
 * back until {@link #release()} to make the client time out.
 */
final class RemoteTestServer implements AutoCloseable {

    /** A request as received. */
    record Request(String method, String rawPath, String rawQuery, String body, String client) {
    }

    /** An answer to give. */
    record Answer(int status, String contentType, String body, boolean held) {

        static Answer json(String body) {
            return new Answer(200, "application/json", body, false);
        }

        static Answer problem(int status, String slug, String detail) {
            return new Answer(status, "application/problem+json", "{\"type\":\"https://keyhaven.org/problems/" + slug
                    + "\",\"title\":\"t\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}", false);
        }

        /** An answer that comes only after {@link RemoteTestServer#release()}. */
        Answer heldBack() {
            return new Answer(status, contentType, body, true);
        }
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Function<Request, Answer> answers = request -> Answer.json("{}");

    RemoteTestServer(RemoteTestPki.Identity identity, X509Certificate trustedCa)
            throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
        keys.init(identity.keyStore(), "test-only".toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", trustedCa);
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                // through SSLParameters: the JDK 17 server applies setNeedClientAuth, then undoes it with
                // setWantClientAuth(false) when it copies the plain HttpsParameters fields to the engine
                SSLParameters tls = context.getDefaultSSLParameters();
                tls.setNeedClientAuth(true);
                parameters.setSSLParameters(tls);
            }
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** This server as the retrieval and the encryption port of one {@code servers} entry. */
    String entry() {
        return "127.0.0.1:" + port() + ":" + port();
    }

    void answer(Function<Request, Answer> answers) {
        this.answers = answers;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void release() {
        released.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), body, client(exchange));
            requests.add(request);
            Answer answer = answers.apply(request);
            if (answer.held()) {
                released.await(30, TimeUnit.SECONDS);
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String client(HttpExchange exchange) {
        try {
            return ((HttpsExchange) exchange).getSSLSession().getPeerPrincipal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** Stops listening: new connections are refused. */
    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
