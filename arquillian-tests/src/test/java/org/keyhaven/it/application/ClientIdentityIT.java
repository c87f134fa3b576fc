package org.keyhaven.it.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.keyhaven.it.application.ClientAudit.refusal;
import static org.keyhaven.it.application.ClientAudit.success;
import static org.keyhaven.it.support.AppClient.ENCRYPTION_PORT;
import static org.keyhaven.it.support.AppClient.RETRIEVAL_PORT;
import static org.keyhaven.it.support.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AppClient;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;
import org.keyhaven.it.support.PinnedTls;
import org.keyhaven.it.support.Suite;
import org.keyhaven.it.support.TestCertificateAuthority;

/**
 * Application clients and the certificates that identify them, end to end: the internal CA issues a certificate for
 * a key the application generated (CSR) or for a key it generates itself (PKCS#12 with a one-time password); the
 * application then calls key retrieval (6000) and the encryption services (6003) over mutual TLS from outside the
 * server. Grants default to deny; revoking a certificate or disabling a client takes effect at the next request; a
 * handshake without a certificate or with one from an unknown CA is refused; each port serves its own function only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientIdentityIT {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"EC, secp256r1", "EC, secp384r1", "RSA, 2048"})
    void aCsrOfTheApplicationsOwnKeyIsCertifiedByTheInternalCaAndIdentifiesTheClientOnBothPorts(String type,
            String parameter) throws Exception {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("csr", true).getString("id");
        KeyPair pair = type.equals("EC") ? ClientIdentities.ecKeyPair(parameter)
                : ClientIdentities.rsaKeyPair(Integer.parseInt(parameter));
        String name = ClientIdentities.uniqueName("csr");

        ApiResponse created = officer.api().post(ClientIdentities.CLIENTS, Json.createObjectBuilder()
                .add("name", name).add("csr", ClientIdentities.csr(pair, "ignored subject")).build().toString());

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonObject issued = created.object();
        assertThat(issued.keySet()).as("a CSR answer has no PKCS#12").doesNotContain("pkcs12", "pkcs12Password");
        JsonObject client = issued.getJsonObject("client");
        assertThat(client.getString("name")).isEqualTo(name);
        assertThat(client.getString("status")).isEqualTo("ACTIVE");
        assertThat(client.getJsonArray("grants")).isEmpty();
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .endsWith(ClientIdentities.CLIENTS + "/" + client.getString("id"));
        List<X509Certificate> chain = ClientIdentities.certificates(issued.getString("certificateChain"));
        X509Certificate ca = ClientIdentities.internalCa();
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1)).isEqualTo(ca);
        X509Certificate leaf = chain.get(0);
        leaf.verify(ca.getPublicKey());
        assertThat(leaf.getPublicKey()).isEqualTo(pair.getPublic());
        assertThat(leaf.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(leaf.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=" + name).doesNotContain("ignored");
        assertThat(issued.getString("fingerprint")).isEqualTo(ClientIdentities.fingerprint(leaf));
        assertThat(client.getJsonArray("certificates")).singleElement().satisfies(certificate -> {
            assertThat(certificate.asJsonObject().getString("fingerprint"))
                    .isEqualTo(ClientIdentities.fingerprint(leaf));
            assertThat(certificate.asJsonObject().getString("status")).isEqualTo("ACTIVE");
        });

        ClientCredentials credentials = ClientIdentities.credentials(issued, pair.getPrivate());
        ClientIdentities.grantKey(officer, credentials, keyId, "retrieve", "encrypt");
        AppClient app = AppClient.of(credentials);
        ApiResponse retrieved = app.retrieve(keyId);
        ApiResponse encrypted = app.crypto("encrypt", Json.createObjectBuilder().add("key", keyId)
                .add("plaintext", Fixtures.b64("hello".getBytes(StandardCharsets.UTF_8))).build());

        assertThat(retrieved.status()).as("%s", retrieved).isEqualTo(200);
        assertThat(retrieved.object().getString("id")).isEqualTo(keyId);
        assertThat(encrypted.status()).as("%s", encrypted).isEqualTo(200);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(credentials, "key.retrieve", RETRIEVAL_PORT, 1),
                success(credentials, "crypto.encrypt", ENCRYPTION_PORT, 1));
        assertThat(AuditTrail.about(Fixtures.auditor().api(), credentials.clientId()))
                .filteredOn(record -> "SUCCESS".equals(record.getString("outcome")))
                .extracting(record -> record.getString("operation"), record -> record.getString("actor"))
                .containsExactly(tuple("client.create", officer.username()),
                        tuple("client.certificate.issue", officer.username()),
                        tuple("client.grants", officer.username()));
    }

    @Test
    void withoutACsrKeyhavenGeneratesTheKeyAndHandsItOutOnceAsAPkcs12UnderAOneTimePassword() throws Exception {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("pkcs12", true).getString("id");
        String name = ClientIdentities.uniqueName("pkcs12");

        JsonObject issued = ClientIdentities.createWithPkcs12(officer, name);

        String password = issued.getString("pkcs12Password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).matches("[a-zA-Z0-9]+");
        ClientCredentials credentials = ClientIdentities.fromPkcs12(issued);
        assertThat(credentials.clientName()).isEqualTo(name);
        assertThat(credentials.chain()).containsExactlyElementsOf(
                ClientIdentities.certificates(issued.getString("certificateChain")));
        assertThat(credentials.chain().get(1)).isEqualTo(ClientIdentities.internalCa());
        assertThat(credentials.certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(ClientIdentities.fingerprint(credentials.certificate())).isEqualTo(credentials.fingerprint());
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(credentials.privateKey());
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(credentials.certificate().getPublicKey());
        signature.update(new byte[] {1, 2, 3});
        assertThat(signature.verify(signed)).as("the bundled key belongs to the bundled certificate").isTrue();
        KeyStore wrongPassword = KeyStore.getInstance("PKCS12");
        assertThatThrownBy(() -> wrongPassword.load(new ByteArrayInputStream(
                Base64.getDecoder().decode(issued.getString("pkcs12"))), "not the password".toCharArray()))
                .as("the PKCS#12 is protected by its password").isInstanceOf(IOException.class);

        ApiResponse later = officer.api().get(ClientIdentities.CLIENTS + "/" + credentials.clientId());
        assertThat(later.status()).as("%s", later).isEqualTo(200);
        assertThat(later.object().keySet()).doesNotContain("pkcs12", "pkcs12Password");
        assertThat(later.body()).doesNotContain(password).doesNotContain(issued.getString("pkcs12").substring(0, 40));

        ClientIdentities.grantKey(officer, credentials, keyId, "retrieve", "encrypt");
        AppClient app = AppClient.of(credentials);
        assertThat(app.retrieve(keyId).status()).isEqualTo(200);
        assertThat(app.crypto("encrypt", Json.createObjectBuilder().add("key", keyId)
                .add("plaintext", Fixtures.b64(new byte[16])).build()).status()).isEqualTo(200);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(credentials, "key.retrieve", RETRIEVAL_PORT, 1),
                success(credentials, "crypto.encrypt", ENCRYPTION_PORT, 1));
    }

    @Test
    void theInternalCaCertificateIsPublicAndIssuedTheServersTlsCertificateOnEveryPort() throws Exception {
        ApiResponse pem = Api.anonymous(Api.MANAGEMENT_PORT).get("/ca.pem");

        assertThat(pem.status()).as("%s", pem).isEqualTo(200);
        assertThat(pem.contentType()).startsWith("application/x-pem-file");
        List<X509Certificate> published = ClientIdentities.certificates(pem.body());
        assertThat(published).hasSize(1);
        X509Certificate ca = published.get(0);
        assertThat(ca.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);
        ca.verify(ca.getPublicKey());

        ClientCredentials credentials = ClientIdentities.create(Fixtures.officer(), "tls");
        for (X509Certificate server : List.of(PinnedTls.serverCertificate(Suite.port(Api.MANAGEMENT_PORT)),
                AppClient.of(credentials).serverChain(RETRIEVAL_PORT).get(0),
                AppClient.of(credentials).serverChain(ENCRYPTION_PORT).get(0))) {
            server.verify(ca.getPublicKey());
            assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
            assertThat(server.getExtendedKeyUsage()).contains(SERVER_AUTH);
            assertThat(server.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
                    .contains("localhost", "127.0.0.1");
        }
    }

    @Test
    void grantsDefaultToDenyAndARefusalDoesNotRevealWhetherTheKeyExists() {
        Account officer = Fixtures.officer();
        JsonObject key = Fixtures.aes("deny", true);
        String keyId = key.getString("id");
        ClientCredentials credentials = ClientIdentities.create(officer, "deny");
        AppClient app = AppClient.of(credentials);

        assertProblem(app.retrieve(keyId), 403, "not-granted");
        assertProblem(app.retrieve(key.getString("name")), 403, "not-granted");
        assertProblem(app.crypto("encrypt", encrypt(keyId)), 403, "not-granted");
        String missing = Keys.uniqueName("no-such-key");
        assertProblem(app.retrieve(missing), 403, "not-granted");

        ClientIdentities.grantKey(officer, credentials, keyId, "encrypt");

        assertProblem(app.retrieve(keyId), 403, "not-granted");
        assertThat(app.crypto("encrypt", encrypt(keyId)).status()).isEqualTo(200);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                refusal(credentials, "key.retrieve", RETRIEVAL_PORT, 1, "not-granted"),
                refusal(credentials, "key.retrieve", RETRIEVAL_PORT, 1, "not-granted"),
                refusal(credentials, "crypto.encrypt", ENCRYPTION_PORT, 1, "not-granted"),
                refusal(credentials, "key.retrieve", RETRIEVAL_PORT, 1, "not-granted"),
                success(credentials, "crypto.encrypt", ENCRYPTION_PORT, 1));
        assertThat(ClientAudit.about(missing)).extracting(ClientAudit::entry).containsExactly(
                refusal(credentials, "key.retrieve", RETRIEVAL_PORT, null, "not-granted"));
    }

    @Test
    void aRevokedCertificateIsRefusedFromTheNextRequestWhileTheClientsOtherCertificateStillWorks() {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("revoke", true).getString("id");
        ClientCredentials first = ClientIdentities.create(officer, "revoke");
        ClientCredentials second = ClientIdentities.issueAnother(officer, first);
        ClientIdentities.grantKey(officer, first, keyId, "retrieve");
        AppClient connected = AppClient.of(first);
        assertThat(connected.retrieve(keyId).status()).isEqualTo(200);
        assertThat(connected.crypto("random", Json.createObjectBuilder().add("length", 8).build()).status())
                .isEqualTo(200);

        JsonObject revoked = ClientIdentities.revoke(officer, first);

        assertThat(revoked.getString("status")).as("the client itself stays active").isEqualTo("ACTIVE");
        assertThat(revoked.getJsonArray("certificates")).extracting(c -> c.asJsonObject().getString("fingerprint"),
                c -> c.asJsonObject().getString("status")).containsExactlyInAnyOrder(
                        tuple(first.fingerprint(), "REVOKED"), tuple(second.fingerprint(), "ACTIVE"));
        assertProblem(connected.retrieve(keyId), 403, "client-revoked");
        assertProblem(connected.crypto("random", Json.createObjectBuilder().add("length", 8).build()), 403,
                "client-revoked");
        assertProblem(AppClient.of(first).retrieve(keyId), 403, "client-revoked");
        assertThat(AppClient.of(second).retrieve(keyId).status()).as("the other certificate").isEqualTo(200);
        assertThat(ClientAudit.about(first.clientId())).extracting(ClientAudit::entry).containsExactly(
                refusal(first, "client.authenticate", RETRIEVAL_PORT, null, "client-revoked"),
                refusal(first, "client.authenticate", ENCRYPTION_PORT, null, "client-revoked"),
                refusal(first, "client.authenticate", RETRIEVAL_PORT, null, "client-revoked"));
        assertThat(ClientAudit.about(first.clientId())).allSatisfy(record ->
                assertThat(record.getString("details")).contains(first.fingerprint()));
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(first, "key.retrieve", RETRIEVAL_PORT, 1),
                success(second, "key.retrieve", RETRIEVAL_PORT, 1));
    }

    @Test
    void aDisabledClientIsRefusedOnBothPortsAndServedAgainOnceEnabled() {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("disable", true).getString("id");
        ClientCredentials credentials = ClientIdentities.create(officer, "disable");
        ClientIdentities.grantKey(officer, credentials, keyId, "retrieve", "encrypt");
        AppClient app = AppClient.of(credentials);
        assertThat(app.retrieve(keyId).status()).isEqualTo(200);

        assertThat(ClientIdentities.disable(officer, credentials.clientId()).getString("status"))
                .isEqualTo("DISABLED");

        assertProblem(app.retrieve(keyId), 403, "client-revoked");
        assertProblem(app.crypto("encrypt", encrypt(keyId)), 403, "client-revoked");

        assertThat(ClientIdentities.enable(officer, credentials.clientId()).getString("status")).isEqualTo("ACTIVE");

        assertThat(app.retrieve(keyId).status()).isEqualTo(200);
        assertThat(app.crypto("encrypt", encrypt(keyId)).status()).isEqualTo(200);
        assertThat(ClientAudit.about(credentials.clientId())).extracting(ClientAudit::entry).containsExactly(
                refusal(credentials, "client.authenticate", RETRIEVAL_PORT, null, "client-revoked"),
                refusal(credentials, "client.authenticate", ENCRYPTION_PORT, null, "client-revoked"));
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(credentials, "key.retrieve", RETRIEVAL_PORT, 1),
                success(credentials, "key.retrieve", RETRIEVAL_PORT, 1),
                success(credentials, "crypto.encrypt", ENCRYPTION_PORT, 1));
        assertThat(AuditTrail.about(Fixtures.auditor().api(), credentials.clientId()))
                .extracting(record -> record.getString("operation"), record -> record.getString("actor"))
                .contains(tuple("client.disable", officer.username()), tuple("client.enable", officer.username()));
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {RETRIEVAL_PORT, ENCRYPTION_PORT})
    void aConnectionWithoutAClientCertificateIsRefusedInTheHandshake(int port) {
        assertThatThrownBy(() -> AppClient.withoutCertificate().get(port, "/openapi"))
                .isInstanceOf(UncheckedIOException.class);

        ClientCredentials credentials = ClientIdentities.create(Fixtures.officer(), "with-certificate");
        assertThat(AppClient.of(credentials).get(port, "/openapi").status()).as("the same request with a certificate")
                .isEqualTo(200);
        assertThat(AppClient.withoutCertificate().get(Api.MANAGEMENT_PORT, "/openapi").status())
                .as("the management port needs no client certificate").isEqualTo(200);
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {RETRIEVAL_PORT, ENCRYPTION_PORT})
    void aCertificateFromACaKeyhavenDoesNotKnowIsRefusedInTheHandshake(int port) {
        TestCertificateAuthority unknown = TestCertificateAuthority.create("unknown CA");
        KeyPair pair = ClientIdentities.ecKeyPair("secp256r1");
        X509Certificate certificate = unknown.issueClientCertificate(pair.getPublic(), "stranger", true);
        long before = ClientAudit.head();

        assertThatThrownBy(() -> AppClient.withKey(pair.getPrivate(), List.of(certificate, unknown.certificate()))
                .get(port, "/openapi")).isInstanceOf(UncheckedIOException.class);

        assertThat(AuditTrail.after(Fixtures.auditor().api(), before)).as("nothing reached the application")
                .noneSatisfy(record -> assertThat(record.getString("details", ""))
                        .contains(ClientIdentities.fingerprint(certificate)));
    }

    /** A request for another port's function, made by a client that is granted everything on the key. */
    static Stream<Arguments> foreignPaths() {
        String plaintext = "{\"key\":\"{key}\",\"plaintext\":\"aGVsbG8=\"}";
        return Stream.of(
                Arguments.of(RETRIEVAL_PORT, "POST", "/api/v1/crypto/encrypt", plaintext),
                Arguments.of(RETRIEVAL_PORT, "POST", "/api/v1/crypto/random", "{\"length\":8}"),
                Arguments.of(ENCRYPTION_PORT, "GET", "/api/v1/keys/{key}", null),
                Arguments.of(RETRIEVAL_PORT, "GET", "/api/v1/keys?limit=5", null),
                Arguments.of(ENCRYPTION_PORT, "GET", "/api/v1/keys?limit=5", null),
                Arguments.of(RETRIEVAL_PORT, "POST", "/api/v1/keys", "{\"name\":\"{name}\",\"algorithm\":\"AES\"}"),
                Arguments.of(ENCRYPTION_PORT, "POST", "/api/v1/keys", "{\"name\":\"{name}\",\"algorithm\":\"AES\"}"),
                Arguments.of(RETRIEVAL_PORT, "POST", "/api/v1/keys/{key}/rotate", null),
                Arguments.of(ENCRYPTION_PORT, "POST", "/api/v1/keys/{key}/rotate", null),
                Arguments.of(RETRIEVAL_PORT, "GET", "/api/v1/clients", null),
                Arguments.of(ENCRYPTION_PORT, "GET", "/api/v1/clients", null),
                Arguments.of(RETRIEVAL_PORT, "GET", "/api/v1/cas", null),
                Arguments.of(ENCRYPTION_PORT, "GET", "/api/v1/cas", null),
                Arguments.of(RETRIEVAL_PORT, "GET", "/api/v1/users/me", null),
                Arguments.of(ENCRYPTION_PORT, "GET", "/api/v1/users/me", null),
                Arguments.of(RETRIEVAL_PORT, "GET", "/api/v1/audit", null),
                Arguments.of(ENCRYPTION_PORT, "GET", "/api/v1/audit", null),
                Arguments.of(RETRIEVAL_PORT, "GET", "/api/v1/status", null),
                Arguments.of(ENCRYPTION_PORT, "GET", "/api/v1/status", null),
                Arguments.of(RETRIEVAL_PORT, "GET", "/ca.pem", null),
                Arguments.of(ENCRYPTION_PORT, "GET", "/ca.pem", null),
                Arguments.of(Api.MANAGEMENT_PORT, "POST", "/api/v1/crypto/encrypt", plaintext),
                Arguments.of(Api.MANAGEMENT_PORT, "POST", "/api/v1/crypto/random", "{\"length\":8}"));
    }

    @ParameterizedTest(name = "{1} {2} on port {0}")
    @MethodSource("foreignPaths")
    void eachPortAnswersOnlyItsOwnFunction(int port, String method, String path, String body) {
        Account officer = Fixtures.officer();
        JsonObject key = Fixtures.aes("ports", true);
        String keyId = key.getString("id");
        ClientCredentials credentials = ClientIdentities.create(officer, "ports");
        ClientIdentities.grantKey(officer, credentials, keyId, "retrieve", "encrypt", "decrypt", "datakey");
        String resolvedPath = path.replace("{key}", keyId);
        byte[] resolvedBody = body == null ? null
                : body.replace("{key}", keyId).replace("{name}", Keys.uniqueName("ports-created"))
                        .getBytes(StandardCharsets.UTF_8);
        long keysBefore = Keys.count(officer.api(), "ports-created");

        ApiResponse response = port == Api.MANAGEMENT_PORT
                ? officer.api().send(method, resolvedPath, body == null ? null : "application/json", resolvedBody)
                : AppClient.of(credentials).send(port, method, resolvedPath, body == null ? null : "application/json",
                        resolvedBody);

        assertProblem(response, 404, "not-found");
        assertThat(Keys.get(officer.api(), keyId).getInt("currentVersion")).as("no rotation").isEqualTo(1);
        assertThat(Keys.count(officer.api(), "ports-created")).as("no key created").isEqualTo(keysBefore);
        AppClient app = AppClient.of(credentials);
        assertThat(app.retrieve(keyId).status()).as("retrieval on its own port").isEqualTo(200);
        assertThat(app.crypto("encrypt", encrypt(keyId)).status()).as("encryption on its own port").isEqualTo(200);
    }

    private static JsonValue encrypt(String keyId) {
        return Json.createObjectBuilder().add("key", keyId).add("plaintext", Fixtures.b64(new byte[] {42})).build();
    }
}
