package org.keyhaven.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A client of one Keyhaven HTTPS port, as one caller (HTTP Basic credentials, or none). Requests go over TLS with
 * the server's certificate pinned.
 */
public final class Api {

    public static final int MANAGEMENT_PORT = 6001;

    private final int port;
    private final String authorization;
    private final HttpClient http;

    private Api(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder()
                .sslContext(PinnedTls.context(port))
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The management API (6001, plus the run's port offset) as an admin user. */
    public static Api management(String username, String password) {
        return new Api(Suite.port(MANAGEMENT_PORT), basic(username, password));
    }

    /** Any port (default number; the run's offset is added) without credentials. */
    public static Api anonymous(int defaultPort) {
        return new Api(Suite.port(defaultPort), null);
    }

    /** Any port (default number; the run's offset is added) with an arbitrary Authorization header, or none. */
    public static Api withAuthorization(int defaultPort, String authorization) {
        return new Api(Suite.port(defaultPort), authorization);
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    public ApiResponse post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public ApiResponse post(String path) {
        return post(path, null);
    }

    public ApiResponse put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method, body and content type: for hostile-input tests. */
    public ApiResponse send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private ApiResponse send(HttpRequest.Builder builder) {
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
}
