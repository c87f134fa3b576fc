package org.keyhaven.jca.adapter;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.keyhaven.jca.adapter.RemoteServers.Retry;
import org.keyhaven.jca.adapter.RemoteServers.ServerFailure;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;

/**
 * The remote mode: each call is one HTTPS request, over mutual TLS as the factory's client, to the public API of a
 * Keyhaven server, with failover over the configured servers ({@link RemoteServers}). Key retrieval goes to
 * {@code GET /api/v1/keys/{idOrName}[?version=N]} on the retrieval port (6000), everything else to
 * {@code POST /api/v1/crypto/{encrypt|decrypt|sign|verify|mac|mac/verify|datakey|rewrap|random}} on the encryption
 * services port (6003), always with one JSON object (never a batch), byte arrays in base64.
 *
 * <p>Retries: retrieval, decrypt, sign, verify, mac, mac/verify and random change nothing and may run on the next
 * server after any server failure. encrypt, datakey and rewrap move on only when the failed server surely did not
 * carry the request out: it could not be connected to, the TLS handshake failed, or it answered 503 (sealed, busy,
 * suspended: refused before any work). After a timeout, another 5xx, an answer not understood or a connection lost
 * mid-request they end UNAVAILABLE, so an application never gets a second ciphertext (and a second audit record) for
 * a call it sees once. (Under TLS 1.3 a server that refuses the client certificate closes a connection the client
 * already considers open: that too reads as a connection lost.)
 *
 * <p>Request bodies are written as bytes ({@link RemoteJsonBody}) and wiped once answered; response bodies are wiped
 * once parsed, and decoded key material once copied into its holder. The JSON parser holds the base64 text of a
 * response as a string for the moment of parsing; the JSON API offers no other way. Messages and logs name only
 * servers, statuses and Keyhaven's own problem details, never request or response content.
 *
 * <p>{@link #valid()} does no network I/O: a server that went away is found by the next call, which fails over.
 */
final class RemoteTransport implements Transport {

    private static final String KEYS = "/api/v1/keys/";
    private static final String CRYPTO = "/api/v1/crypto/";
    private static final String ACCEPT = "application/json, application/problem+json";
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private final HttpClient http;
    private final RemoteServers retrieval;
    private final RemoteServers encryption;
    private final Duration requestTimeout;
    private volatile boolean closed;

    /** A reading of a successful answer; any runtime exception it throws means the answer was not Keyhaven's. */
    @FunctionalInterface
    private interface Answer<T> {
        T read(JsonObject json);
    }

    /**
     * A transport that shares its servers' breakers with every other transport of the same client and settings.
     *
     * @throws IllegalArgumentException when the CA file or the client's key cannot be used
     */
    RemoteTransport(ClientCredentials credentials, RemoteSettings settings) {
        this(credentials, settings,
                RemoteServers.shared(settings.retrievalEndpoints(), settings.breakerFailures(), settings.breakerOpen(),
                        credentials.fingerprint()),
                RemoteServers.shared(settings.encryptionEndpoints(), settings.breakerFailures(),
                        settings.breakerOpen(), credentials.fingerprint()));
    }

    RemoteTransport(ClientCredentials credentials, RemoteSettings settings, RemoteServers retrieval,
            RemoteServers encryption) {
        SSLContext tls = RemoteTls.context(credentials, settings.serverCaFile());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls)
                .sslParameters(RemoteTls.parameters(tls))
                .build();
        this.retrieval = retrieval;
        this.encryption = encryption;
        this.requestTimeout = settings.requestTimeout();
    }

    @Override
    public KeyMaterial getKey(String key, Integer version) throws KeyManagerException {
        checkOpen();
        if (key == null || key.isEmpty()) {
            throw new KeyManagerException(Reason.INVALID_REQUEST, "key: a key id or name is required");
        }
        String path = KEYS + pathSegment(key) + (version == null ? "" : "?version=" + version);
        return retrieval.call("getKey", Retry.ALWAYS, endpoint -> exchange(endpoint,
                request(endpoint, path).GET().build(), RemoteTransport::keyMaterial));
    }

    @Override
    public Ciphertext encrypt(String key, byte[] plaintext, byte[] aad) throws KeyManagerException {
        return crypto("encrypt", Retry.BEFORE_SEND_ONLY, new RemoteJsonBody().text("key", key)
                .bytes("plaintext", plaintext).bytes("aad", aad), RemoteTransport::ciphertext);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] aad) throws KeyManagerException {
        return crypto("decrypt", Retry.ALWAYS, new RemoteJsonBody().bytes("ciphertext", ciphertext).bytes("aad", aad),
                json -> bytes(json, "plaintext"));
    }

    @Override
    public Signature sign(String key, String algorithm, byte[] message) throws KeyManagerException {
        return crypto("sign", Retry.ALWAYS, new RemoteJsonBody().text("key", key).bytes("message", message)
                .text("algorithm", algorithm), RemoteTransport::signature);
    }

    @Override
    public boolean verify(String key, String algorithm, byte[] message, byte[] signature, Integer version)
            throws KeyManagerException {
        return crypto("verify", Retry.ALWAYS, version(new RemoteJsonBody().text("key", key).bytes("message", message)
                .bytes("signature", signature).text("algorithm", algorithm), version),
                json -> json.getBoolean("valid"));
    }

    @Override
    public MacValue mac(String key, byte[] message) throws KeyManagerException {
        return crypto("mac", Retry.ALWAYS, new RemoteJsonBody().text("key", key).bytes("message", message),
                RemoteTransport::macValue);
    }

    @Override
    public boolean verifyMac(String key, byte[] message, byte[] mac, Integer version) throws KeyManagerException {
        return crypto("mac/verify", Retry.ALWAYS, version(new RemoteJsonBody().text("key", key)
                .bytes("message", message).bytes("mac", mac), version), json -> json.getBoolean("valid"));
    }

    @Override
    public DataKey generateDataKey(String key, int bits, byte[] aad) throws KeyManagerException {
        return crypto("datakey", Retry.BEFORE_SEND_ONLY, new RemoteJsonBody().text("key", key).number("length", bits)
                .flag("includePlaintext", true).bytes("aad", aad), RemoteTransport::dataKey);
    }

    @Override
    public Ciphertext rewrap(byte[] ciphertext, byte[] aad) throws KeyManagerException {
        return crypto("rewrap", Retry.BEFORE_SEND_ONLY, new RemoteJsonBody().bytes("ciphertext", ciphertext)
                .bytes("aad", aad), RemoteTransport::ciphertext);
    }

    @Override
    public byte[] random(int length) throws KeyManagerException {
        return crypto("random", Retry.ALWAYS, new RemoteJsonBody().number("length", length),
                json -> bytes(json, "bytes"));
    }

    @Override
    public boolean valid() {
        return !closed;
    }

    /** Ends the transport; its HTTP client's connections close once unreferenced (Java 17 has no close). */
    @Override
    public void close() {
        closed = true;
    }

    private <T> T crypto(String operation, Retry retry, RemoteJsonBody json, Answer<T> answer)
            throws KeyManagerException {
        byte[] body = json.finish();
        try {
            checkOpen();
            String path = CRYPTO + operation;
            return encryption.call(operation, retry, endpoint -> exchange(endpoint, request(endpoint, path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), answer));
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private HttpRequest.Builder request(RemoteEndpoint endpoint, String path) {
        return HttpRequest.newBuilder(endpoint.uri(path)).timeout(requestTimeout).header("Accept", ACCEPT);
    }

    private <T> T exchange(RemoteEndpoint endpoint, HttpRequest request, Answer<T> answer)
            throws ServerFailure, KeyManagerException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw failure(e);
        }
        byte[] body = response.body();
        try {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return read(body, answer);
            }
            RemoteProblem problem = RemoteProblem.of(status, parseQuietly(body));
            if (status >= 400 && status < 500) {
                throw problem.refusal();
            }
            // 503 is Keyhaven's (and the container's) "not now": sealed, busy or suspended, refused before any work
            throw new ServerFailure(problem.label(), status != 503, null);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private static <T> T read(byte[] body, Answer<T> answer) throws ServerFailure {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            return answer.read(reader.readObject());
        } catch (RuntimeException e) {
            // parser, missing member, wrong type, bad base64: the message may quote the body, so it is not kept
            throw new ServerFailure("answer not understood", true, null);
        }
    }

    private static JsonValue parseQuietly(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What a failed exchange says about the server, and whether the request may have reached it. */
    static ServerFailure failure(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new ServerFailure("connect timed out", false, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ServerFailure("no answer in time", true, e);
        }
        if (causedBy(e, SSLHandshakeException.class)) {
            return new ServerFailure("TLS handshake failed", false, e);
        }
        if (causedBy(e, UnresolvedAddressException.class)) {
            return new ServerFailure("unknown host", false, e);
        }
        if (causedBy(e, ConnectException.class)) {
            return new ServerFailure("connection refused", false, e);
        }
        if (causedBy(e, SSLException.class)) {
            return new ServerFailure("TLS failure", true, e);
        }
        return new ServerFailure("connection lost", true, e);
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void checkOpen() throws KeyManagerException {
        if (closed) {
            throw new KeyManagerException(Reason.CONNECTION, "the Keyhaven connection is closed");
        }
    }

    private static KeyMaterial keyMaterial(JsonObject json) {
        byte[] material = bytes(json, "key");
        byte[] publicKey = json.containsKey("publicKey") ? bytes(json, "publicKey") : null;
        try {
            return new KeyMaterial(json.getString("id"), json.getString("name", null), json.getInt("version"),
                    json.getString("algorithm"), json.getString("format"), material, publicKey);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static Ciphertext ciphertext(JsonObject json) {
        return new Ciphertext(json.getString("keyId"), json.getInt("version"), bytes(json, "ciphertext"));
    }

    private static Signature signature(JsonObject json) {
        return new Signature(json.getString("keyId"), json.getInt("version"), json.getString("algorithm"),
                bytes(json, "signature"));
    }

    private static MacValue macValue(JsonObject json) {
        return new MacValue(json.getString("keyId"), json.getInt("version"), bytes(json, "mac"));
    }

    /** The body with an optional {@code version} member: left out when null (the key's current version). */
    private static RemoteJsonBody version(RemoteJsonBody body, Integer version) {
        return version == null ? body : body.number("version", version);
    }

    private static DataKey dataKey(JsonObject json) {
        byte[] plaintext = bytes(json, "plaintext");
        try {
            return new DataKey(plaintext, ciphertext(json));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static byte[] bytes(JsonObject json, String name) {
        return Base64.getDecoder().decode(json.getString(name));
    }

    /**
     * A key id or name as one path segment: every byte but RFC 3986's unreserved characters percent-encoded (a
     * {@code /} in a name becomes {@code %2F}, a space {@code %20}), and a name of only dots fully encoded so it is
     * not read as {@code .} or {@code ..}.
     */
    static String pathSegment(String text) {
        boolean dotsOnly = text.chars().allMatch(c -> c == '.');
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '~' || (c == '.' && !dotsOnly);
            if (unreserved) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
