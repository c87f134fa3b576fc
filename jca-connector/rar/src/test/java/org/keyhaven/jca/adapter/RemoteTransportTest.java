package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keyhaven.jca.adapter.RemoteTestServer.Answer;
import org.keyhaven.jca.adapter.RemoteTestServer.Request;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;

/**
 * The remote transport against real HTTPS servers on 127.0.0.1 that demand the client's certificate: the requests
 * each operation sends and how it reads the answers, failover past stopped and sealed servers, refusals that end the
 * call, the retry rule for encrypt, the circuit breaker, and the server certificate checks.
 */
class RemoteTransportTest {

    private static final String PLAINTEXT = "card 4111";

    @TempDir
    static Path folder;

    private static RemoteTestPki pki;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void makePki() throws Exception {
        pki = new RemoteTestPki(folder);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void getKeySendsTheNameAsOnePathSegmentOverMutualTls() throws Exception {
        RemoteTestServer server = server(pki.server);
        server.answer(request -> Answer.json("{\"id\":\"0b5f\",\"name\":\"orders/customer data\",\"version\":2,"
                + "\"algorithm\":\"AES\",\"length\":256,\"format\":\"RAW\",\"key\":\"" + b64("0123456789abcdef")
                + "\"}"));

        KeyMaterial key = transport(server).getKey("orders/customer data", 2);

        Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/api/v1/keys/orders%2Fcustomer%20data");
        assertThat(request.rawQuery()).isEqualTo("version=2");
        assertThat(request.client()).isEqualTo("CN=orders-app");
        assertThat(key.id()).isEqualTo("0b5f");
        assertThat(key.name()).isEqualTo("orders/customer data");
        assertThat(key.version()).isEqualTo(2);
        assertThat(key.algorithm()).isEqualTo("AES");
        assertThat(key.format()).isEqualTo("RAW");
        assertThat(key.encoded()).asString(StandardCharsets.US_ASCII).isEqualTo("0123456789abcdef");
        assertThat(key.publicKey()).isNull();
    }

    @Test
    void getKeyWithoutVersionAsksForTheCurrentOneAndReadsAPublicKey() throws Exception {
        RemoteTestServer server = server(pki.server);
        server.answer(request -> Answer.json("{\"id\":\"7a\",\"name\":\"signer\",\"version\":1,\"algorithm\":\"EC\","
                + "\"curve\":\"P-256\",\"format\":\"PKCS8\",\"key\":\"" + b64("private") + "\",\"publicKey\":\""
                + b64("public") + "\"}"));

        KeyMaterial key = transport(server).getKey("signer", null);

        assertThat(server.requests().get(0).rawQuery()).isNull();
        assertThat(key.format()).isEqualTo("PKCS8");
        assertThat(key.publicKey()).asString(StandardCharsets.US_ASCII).isEqualTo("public");
    }

    @Test
    void encryptPostsOneObjectAndReadsTheCiphertext() throws Exception {
        RemoteTestServer server = answering("{\"keyId\":\"0b5f\",\"version\":3,\"ciphertext\":\"" + b64("ct") + "\"}");

        Ciphertext ciphertext = transport(server).encrypt("orders/customer-data", bytes(PLAINTEXT), bytes("order 42"));

        assertRequest(server, "/api/v1/crypto/encrypt", Json.createObjectBuilder().add("key", "orders/customer-data")
                .add("plaintext", b64(PLAINTEXT)).add("aad", b64("order 42")).build());
        assertThat(ciphertext).isEqualTo(new Ciphertext("0b5f", 3, bytes("ct")));
    }

    @Test
    void decryptLeavesOutAnAbsentAad() throws Exception {
        RemoteTestServer server = answering("{\"keyId\":\"0b5f\",\"version\":3,\"plaintext\":\"" + b64(PLAINTEXT)
                + "\"}");

        byte[] plaintext = transport(server).decrypt(bytes("ct"), null);

        assertRequest(server, "/api/v1/crypto/decrypt",
                Json.createObjectBuilder().add("ciphertext", b64("ct")).build());
        assertThat(plaintext).asString(StandardCharsets.UTF_8).isEqualTo(PLAINTEXT);
    }

    @Test
    void signAndVerifyNameTheirAlgorithm() throws Exception {
        RemoteTestServer server = server(pki.server);
        server.answer(request -> request.rawPath().endsWith("/sign")
                ? Answer.json("{\"keyId\":\"s\",\"version\":1,\"algorithm\":\"ECDSA-SHA256\",\"signature\":\""
                        + b64("sig") + "\"}")
                : Answer.json("{\"keyId\":\"s\",\"version\":1,\"valid\":true}"));
        RemoteTransport transport = transport(server);

        Signature signature = transport.sign("signer", "ECDSA-SHA256", bytes("message"));
        boolean valid = transport.verify("signer", null, bytes("message"), signature.bytes(), null);

        assertThat(signature.bytes()).asString(StandardCharsets.US_ASCII).isEqualTo("sig");
        assertThat(valid).isTrue();
        assertThat(server.requests()).extracting(Request::rawPath)
                .containsExactly("/api/v1/crypto/sign", "/api/v1/crypto/verify");
        assertThat(json(server.requests().get(0))).isEqualTo(Json.createObjectBuilder().add("key", "signer")
                .add("message", b64("message")).add("algorithm", "ECDSA-SHA256").build());
        assertThat(json(server.requests().get(1))).isEqualTo(Json.createObjectBuilder().add("key", "signer")
                .add("message", b64("message")).add("signature", b64("sig")).build());
    }

    @Test
    void macAndMacVerifyUseTheirOwnPaths() throws Exception {
        RemoteTestServer server = server(pki.server);
        server.answer(request -> request.rawPath().endsWith("/verify")
                ? Answer.json("{\"keyId\":\"m\",\"version\":1,\"valid\":false}")
                : Answer.json("{\"keyId\":\"m\",\"version\":1,\"mac\":\"" + b64("tag") + "\"}"));
        RemoteTransport transport = transport(server);

        MacValue mac = transport.mac("hmac", bytes("message"));
        boolean valid = transport.verifyMac("hmac", bytes("message"), bytes("bad"), null);

        assertThat(mac.bytes()).asString(StandardCharsets.US_ASCII).isEqualTo("tag");
        assertThat(valid).isFalse();
        assertThat(server.requests()).extracting(Request::rawPath)
                .containsExactly("/api/v1/crypto/mac", "/api/v1/crypto/mac/verify");
        assertThat(json(server.requests().get(1))).isEqualTo(Json.createObjectBuilder().add("key", "hmac")
                .add("message", b64("message")).add("mac", b64("bad")).build());
    }

    @Test
    void signAndMacReadTheKeyAndVersionThatMadeThem() throws Exception {
        RemoteTestServer server = server(pki.server);
        server.answer(request -> request.rawPath().endsWith("/sign")
                ? Answer.json("{\"keyId\":\"0b5f\",\"version\":4,\"algorithm\":\"Ed25519\",\"signature\":\""
                        + b64("sig") + "\"}")
                : Answer.json("{\"keyId\":\"7a\",\"version\":2,\"mac\":\"" + b64("tag") + "\"}"));
        RemoteTransport transport = transport(server);

        Signature signature = transport.sign("signer", null, bytes("message"));
        MacValue mac = transport.mac("hmac", bytes("message"));

        assertThat(signature).isEqualTo(new Signature("0b5f", 4, "Ed25519", bytes("sig")));
        assertThat(mac).isEqualTo(new MacValue("7a", 2, bytes("tag")));
        assertThat(json(server.requests().get(0))).isEqualTo(Json.createObjectBuilder().add("key", "signer")
                .add("message", b64("message")).build());
    }

    @Test
    void aSignAnswerWithoutItsVersionIsNotUnderstood() throws Exception {
        RemoteTestServer server = answering("{\"keyId\":\"0b5f\",\"algorithm\":\"Ed25519\",\"signature\":\""
                + b64("sig") + "\"}");

        KeyManagerException failure = catchThrowableOfType(KeyManagerException.class,
                () -> transport(server).sign("signer", null, bytes("message")));

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure).hasMessageContaining("answer not understood");
    }

    @Test
    void verifyAndMacVerifySendTheVersionWhenGiven() throws Exception {
        RemoteTestServer server = answering("{\"keyId\":\"s\",\"version\":1,\"valid\":true}");
        RemoteTransport transport = transport(server);

        transport.verify("signer", "Ed25519", bytes("message"), bytes("sig"), 1);
        transport.verifyMac("hmac", bytes("message"), bytes("tag"), 3);

        assertThat(server.requests()).extracting(Request::rawPath)
                .containsExactly("/api/v1/crypto/verify", "/api/v1/crypto/mac/verify");
        assertThat(json(server.requests().get(0))).isEqualTo(Json.createObjectBuilder().add("key", "signer")
                .add("message", b64("message")).add("signature", b64("sig")).add("algorithm", "Ed25519")
                .add("version", 1).build());
        assertThat(json(server.requests().get(1))).isEqualTo(Json.createObjectBuilder().add("key", "hmac")
                .add("message", b64("message")).add("mac", b64("tag")).add("version", 3).build());
    }

    @Test
    void verifyAndMacVerifyLeaveOutAnAbsentVersion() throws Exception {
        RemoteTestServer server = answering("{\"keyId\":\"s\",\"version\":1,\"valid\":false}");
        RemoteTransport transport = transport(server);

        assertThat(transport.verify("signer", null, bytes("message"), bytes("sig"), null)).isFalse();
        assertThat(transport.verifyMac("hmac", bytes("message"), bytes("tag"), null)).isFalse();

        assertThat(server.requests()).map(RemoteTransportTest::json)
                .allSatisfy(body -> assertThat(body).doesNotContainKey("version"));
    }

    @Test
    void aDataKeyAsksForItsPlaintextAndLength() throws Exception {
        RemoteTestServer server = answering("{\"keyId\":\"0b5f\",\"version\":2,\"ciphertext\":\"" + b64("wrapped")
                + "\",\"plaintext\":\"" + b64("data key") + "\"}");

        DataKey dataKey = transport(server).generateDataKey("orders/customer-data", 128, null);

        assertRequest(server, "/api/v1/crypto/datakey", Json.createObjectBuilder().add("key", "orders/customer-data")
                .add("length", 128).add("includePlaintext", true).build());
        assertThat(dataKey.plaintext()).asString(StandardCharsets.US_ASCII).isEqualTo("data key");
        assertThat(dataKey.wrapped()).isEqualTo(new Ciphertext("0b5f", 2, bytes("wrapped")));
    }

    @Test
    void rewrapAndRandom() throws Exception {
        RemoteTestServer server = server(pki.server);
        server.answer(request -> request.rawPath().endsWith("/random")
                ? Answer.json("{\"bytes\":\"" + b64("random!") + "\"}")
                : Answer.json("{\"keyId\":\"0b5f\",\"version\":4,\"ciphertext\":\"" + b64("new") + "\"}"));
        RemoteTransport transport = transport(server);

        Ciphertext rewrapped = transport.rewrap(bytes("old"), bytes("order 42"));
        byte[] random = transport.random(7);

        assertThat(rewrapped).isEqualTo(new Ciphertext("0b5f", 4, bytes("new")));
        assertThat(random).asString(StandardCharsets.US_ASCII).isEqualTo("random!");
        assertThat(json(server.requests().get(0))).isEqualTo(Json.createObjectBuilder()
                .add("ciphertext", b64("old")).add("aad", b64("order 42")).build());
        assertThat(server.requests().get(1).rawPath()).isEqualTo("/api/v1/crypto/random");
        assertThat(json(server.requests().get(1))).isEqualTo(Json.createObjectBuilder().add("length", 7).build());
    }

    @Test
    void aStoppedFirstServerIsPassedOverForTheSecond() throws Exception {
        RemoteTestServer first = server(pki.server);
        RemoteTestServer second = answering("{\"bytes\":\"" + b64("ok") + "\"}");
        RemoteTransport transport = transport(first, second);
        first.close();

        byte[] random = transport.random(2);

        assertThat(random).asString(StandardCharsets.US_ASCII).isEqualTo("ok");
        assertThat(second.requests()).hasSize(1);
    }

    @Test
    void withEveryServerStoppedTheCallIsUnavailableAndSaysWhy() throws Exception {
        RemoteTestServer first = server(pki.server);
        RemoteTestServer second = server(pki.server);
        RemoteTransport transport = transport(first, second);
        first.close();
        second.close();

        KeyManagerException failure = failure(() -> transport.encrypt("k", bytes(PLAINTEXT), null));

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("no Keyhaven server reachable: 127.0.0.1:" + first.port()
                + " (connection refused), 127.0.0.1:" + second.port() + " (connection refused)");
    }

    @Test
    void aRefusalIsTheAnswerAndNoOtherServerIsAsked() throws Exception {
        RemoteTestServer first = server(pki.server);
        first.answer(request -> Answer.problem(403, "not-granted", "key orders/x: encrypt is not granted"));
        RemoteTestServer second = answering("{}");

        KeyManagerException failure = failure(() -> transport(first, second).encrypt("orders/x", bytes("p"), null));

        assertThat(failure.reason()).isEqualTo(Reason.NOT_GRANTED);
        assertThat(failure.getMessage()).isEqualTo("key orders/x: encrypt is not granted");
        assertThat(second.requests()).isEmpty();
    }

    @Test
    void aMissingKeyIsNotFound() throws Exception {
        RemoteTestServer server = server(pki.server);
        server.answer(request -> Answer.problem(404, "key-not-found", "no key 'gone'"));

        KeyManagerException failure = failure(() -> transport(server).getKey("gone", null));

        assertThat(failure.reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(failure.getMessage()).isEqualTo("no key 'gone'");
    }

    @Test
    void aSealedServerIsPassedOverEvenForEncrypt() throws Exception {
        RemoteTestServer first = server(pki.server);
        first.answer(request -> Answer.problem(503, "sealed", "Keyhaven is sealed"));
        RemoteTestServer second = answering("{\"keyId\":\"k\",\"version\":1,\"ciphertext\":\"" + b64("ct") + "\"}");

        Ciphertext ciphertext = transport(first, second).encrypt("k", bytes(PLAINTEXT), null);

        assertThat(ciphertext.bytes()).asString(StandardCharsets.US_ASCII).isEqualTo("ct");
        assertThat(first.requests()).hasSize(1);
        assertThat(second.requests()).hasSize(1);
    }

    @Test
    void anEncryptThatTimedOutIsNotRepeatedOnAnotherServer() throws Exception {
        RemoteTestServer first = server(pki.server);
        first.answer(request -> Answer.json("{}").heldBack());
        RemoteTestServer second = answering("{\"keyId\":\"k\",\"version\":1,\"ciphertext\":\"" + b64("ct") + "\"}");
        RemoteTransport transport = transport(settings(300, 3, first, second));

        KeyManagerException failure = failure(() -> transport.encrypt("k", bytes(PLAINTEXT), null));

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("no Keyhaven server reachable: 127.0.0.1:" + first.port()
                + " (no answer in time; encrypt is not repeated on another server once the request was sent)");
        assertThat(second.requests()).isEmpty();
    }

    @Test
    void aDecryptThatTimedOutIsRepeatedOnTheNextServer() throws Exception {
        RemoteTestServer first = server(pki.server);
        first.answer(request -> Answer.json("{}").heldBack());
        RemoteTestServer second = answering("{\"keyId\":\"k\",\"version\":1,\"plaintext\":\"" + b64(PLAINTEXT) + "\"}");
        RemoteTransport transport = transport(settings(300, 3, first, second));

        byte[] plaintext = transport.decrypt(bytes("ct"), null);

        assertThat(plaintext).asString(StandardCharsets.UTF_8).isEqualTo(PLAINTEXT);
        assertThat(first.requests()).hasSize(1);
        assertThat(second.requests()).hasSize(1);
    }

    @Test
    void anAnswerThatIsNotKeyhavensIsAServerFailureAndIsNotQuoted() throws Exception {
        RemoteTestServer first = answering("{\"plaintext\": secret-looking garbage");
        RemoteTestServer second = answering("{\"keyId\":\"k\",\"version\":1,\"plaintext\":\"" + b64(PLAINTEXT) + "\"}");
        RemoteTestServer third = answering("not json either");
        RemoteTransport transport = transport(first, third);

        assertThat(transport(first, second).decrypt(bytes("ct"), null)).asString(StandardCharsets.UTF_8)
                .isEqualTo(PLAINTEXT);
        KeyManagerException failure = failure(() -> transport.decrypt(bytes("ct"), null));

        assertThat(failure.getMessage()).isEqualTo("no Keyhaven server reachable: 127.0.0.1:" + first.port()
                + " (answer not understood), 127.0.0.1:" + third.port() + " (answer not understood)")
                .doesNotContain("garbage");
    }

    @Test
    void theBreakerSkipsAFailedServerOnTheNextCall() throws Exception {
        RemoteTestServer first = server(pki.server);
        first.answer(request -> Answer.problem(503, "server-busy", "busy"));
        RemoteTestServer second = answering("{\"bytes\":\"" + b64("ok") + "\"}");
        RemoteSettings settings = settings(5000, 1, first, second);
        RemoteServers encryption = servers(settings.encryptionEndpoints(), settings);
        RemoteTransport transport = transport(settings, encryption);

        transport.random(2);
        transport.random(2);

        assertThat(first.requests()).hasSize(1);
        assertThat(second.requests()).hasSize(2);
        assertThat(encryption.state(0)).isEqualTo(RemoteBreaker.State.OPEN);
        assertThat(encryption.state(1)).isEqualTo(RemoteBreaker.State.CLOSED);
    }

    @Test
    void aServerCertificateForAnotherHostIsRefused() throws Exception {
        RemoteTestServer server = server(pki.wrongHostServer);

        KeyManagerException failure = failure(() -> transport(server).random(2));

        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("no Keyhaven server reachable: 127.0.0.1:" + server.port()
                + " (TLS handshake failed)");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aServerCertificateFromAnotherCaIsRefused() throws Exception {
        RemoteTestServer server = server(pki.untrustedServer);

        KeyManagerException failure = failure(() -> transport(server).encrypt("k", bytes(PLAINTEXT), null));

        assertThat(failure.getMessage()).endsWith("(TLS handshake failed)");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aServerThatDoesNotTrustTheClientCertificateIsNotReached() throws Exception {
        RemoteTestServer server = answering("{\"bytes\":\"" + b64("ok") + "\"}");
        RemoteSettings settings = settings(5000, 3, server);
        RemoteTransport transport = new RemoteTransport(pki.untrustedServer.credentials(), settings,
                servers(settings.retrievalEndpoints(), settings), servers(settings.encryptionEndpoints(), settings));
        opened.add(transport);

        KeyManagerException failure = failure(() -> transport.random(2));

        // under TLS 1.3 the client has finished its handshake before the server checks the client's certificate:
        // the refusal arrives as a closed connection, indistinguishable from a server lost mid-request
        assertThat(failure.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("no Keyhaven server reachable: 127.0.0.1:" + server.port()
                + " (connection lost)");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anInternalErrorEndsAnEncryptButNotADecrypt() throws Exception {
        RemoteTestServer first = server(pki.server);
        first.answer(request -> Answer.problem(500, "internal-error", "internal error; incident 42"));
        RemoteTestServer second = answering("{\"keyId\":\"k\",\"version\":1,\"plaintext\":\"" + b64(PLAINTEXT)
                + "\"}");
        RemoteTransport transport = transport(first, second);

        KeyManagerException failure = failure(() -> transport.encrypt("k", bytes(PLAINTEXT), null));
        byte[] plaintext = transport.decrypt(bytes("ct"), null);

        assertThat(failure.getMessage()).isEqualTo("no Keyhaven server reachable: 127.0.0.1:" + first.port()
                + " (HTTP 500 internal-error; encrypt is not repeated on another server once the request was sent)");
        assertThat(plaintext).asString(StandardCharsets.UTF_8).isEqualTo(PLAINTEXT);
        assertThat(second.requests()).extracting(Request::rawPath).containsExactly("/api/v1/crypto/decrypt");
    }

    @Test
    void aClosedTransportIsInvalidAndCallsNothing() throws Exception {
        RemoteTestServer server = answering("{}");
        RemoteTransport transport = transport(server);
        assertThat(transport.valid()).isTrue();

        transport.close();

        assertThat(transport.valid()).isFalse();
        assertThat(failure(() -> transport.random(1)).reason()).isEqualTo(Reason.CONNECTION);
        assertThat(failure(() -> transport.getKey("k", null)).reason()).isEqualTo(Reason.CONNECTION);
        assertThat(server.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static KeyManagerException failure(Call call) {
        KeyManagerException failure = catchThrowableOfType(KeyManagerException.class, call::run);
        assertThat(failure).as("a KeyManagerException").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(b64(PLAINTEXT)).doesNotContain(PLAINTEXT)
                .doesNotContain("Exception");
        return failure;
    }

    private RemoteTestServer server(RemoteTestPki.Identity identity) throws Exception {
        RemoteTestServer server = new RemoteTestServer(identity, pki.ca);
        opened.add(server);
        return server;
    }

    private RemoteTestServer answering(String json) throws Exception {
        RemoteTestServer server = server(pki.server);
        server.answer(request -> Answer.json(json));
        return server;
    }

    private static RemoteSettings settings(int requestTimeoutMillis, int breakerFailures, RemoteTestServer... servers) {
        List<String> entries = new ArrayList<>();
        for (RemoteTestServer server : servers) {
            entries.add(server.entry());
        }
        return RemoteSettings.of(String.join(",", entries), pki.caPem.toString(), 2000, requestTimeoutMillis,
                breakerFailures, 30);
    }

    private RemoteTransport transport(RemoteTestServer... servers) throws Exception {
        return transport(settings(5000, 3, servers));
    }

    private RemoteTransport transport(RemoteSettings settings) throws Exception {
        return transport(settings, servers(settings.encryptionEndpoints(), settings));
    }

    private RemoteTransport transport(RemoteSettings settings, RemoteServers encryption) throws Exception {
        RemoteTransport transport = new RemoteTransport(pki.client.credentials(), settings,
                servers(settings.retrievalEndpoints(), settings), encryption);
        opened.add(transport);
        return transport;
    }

    private static RemoteServers servers(List<RemoteEndpoint> endpoints, RemoteSettings settings) {
        return new RemoteServers(endpoints, settings.breakerFailures(), settings.breakerOpen(), System::nanoTime);
    }

    private static void assertRequest(RemoteTestServer server, String path, JsonObject body) {
        assertThat(server.requests()).hasSize(1);
        Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo(path);
        assertThat(json(request)).isEqualTo(body);
    }

    private static JsonObject json(Request request) {
        return Json.createReader(new StringReader(request.body())).readObject();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(bytes(text));
    }
}
