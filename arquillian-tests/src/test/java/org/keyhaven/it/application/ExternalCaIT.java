package org.keyhaven.it.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.keyhaven.it.application.ClientAudit.refusal;
import static org.keyhaven.it.application.ClientAudit.success;
import static org.keyhaven.it.support.AppClient.ENCRYPTION_PORT;
import static org.keyhaven.it.support.AppClient.RETRIEVAL_PORT;
import static org.keyhaven.it.support.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AppClient;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.TestCertificateAuthority;

/**
 * External CAs: a security administrator registers a CA made by the test; a crypto officer registers one of its
 * client certificates to a client, which then calls the application ports with it. The clientAuth extended key usage
 * is required unless the CA's policy says otherwise; a disabled CA's certificates are refused. Changes of the trusted
 * CAs reach the TLS trust store asynchronously, so where the TLS layer must follow, the tests wait for it (bounded);
 * the application layer refuses at once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExternalCaIT {

    private static final String CAS = "/api/v1/cas";
    private static final Duration TRUST_STORE_FOLLOWS = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void aCertificateOfARegisteredExternalCaIdentifiesTheClientItIsRegisteredTo() {
        Account admin = Fixtures.securityAdmin();
        Account officer = Fixtures.officer();
        TestCertificateAuthority external = TestCertificateAuthority.create("partner CA");
        String caName = ClientIdentities.uniqueName("partner");

        ApiResponse registered = admin.api().post(CAS, Json.createObjectBuilder().add("name", caName)
                .add("certificate", external.certificatePem()).build().toString());

        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        JsonObject ca = registered.object();
        assertThat(ca.getString("kind")).isEqualTo("EXTERNAL");
        assertThat(ca.getBoolean("requireClientAuthEku")).isTrue();
        assertThat(ca.getBoolean("enabled")).isTrue();
        assertThat(ca.getString("fingerprint")).isEqualTo(ClientIdentities.fingerprint(external.certificate()));
        assertThat(ca.getString("createdBy")).isEqualTo(admin.username());
        assertThat(admin.api().get(CAS).array()).extracting(c -> c.asJsonObject().getString("id"))
                .contains(ca.getString("id"));

        String keyId = Fixtures.aes("partner", true).getString("id");
        ClientCredentials internal = ClientIdentities.create(officer, "partner");
        ClientIdentities.grantKey(officer, internal, keyId, "retrieve", "encrypt");
        ClientCredentials partner = registerExternal(officer, internal, external);

        awaitServed(partner, keyId);

        assertThat(AppClient.of(partner).crypto("encrypt", Json.createObjectBuilder().add("key", keyId)
                .add("plaintext", Fixtures.b64(new byte[] {1})).build()).status()).isEqualTo(200);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(partner, "key.retrieve", RETRIEVAL_PORT, 1),
                success(partner, "crypto.encrypt", ENCRYPTION_PORT, 1));
        assertThat(AuditTrail.about(Fixtures.auditor().api(), ca.getString("id")))
                .extracting(r -> r.getString("operation"), r -> r.getString("actor"), r -> r.getString("outcome"))
                .containsExactly(tuple("ca.register", admin.username(), "SUCCESS"));
    }

    @Test
    void aCertificateOfAnUnregisteredCaCanBeNeitherRegisteredNorUsed() {
        Account officer = Fixtures.officer();
        TestCertificateAuthority unknown = TestCertificateAuthority.create("unregistered CA");
        ClientCredentials internal = ClientIdentities.create(officer, "unregistered");
        KeyPair pair = ClientIdentities.ecKeyPair("secp256r1");
        X509Certificate certificate = unknown.issueClientCertificate(pair.getPublic(), "stranger", true);

        assertProblem(ClientIdentities.register(officer, internal.clientId(), certificate), 400,
                "invalid-certificate");
        assertThatThrownBy(() -> AppClient.withKey(pair.getPrivate(), List.of(certificate, unknown.certificate()))
                .retrieve("anything")).isInstanceOf(UncheckedIOException.class);
        assertThat(officer.api().get(ClientIdentities.CLIENTS + "/" + internal.clientId()).object()
                .getJsonArray("certificates")).hasSize(1);
    }

    @Test
    void aCertificateWithoutClientAuthUsageIsRefusedWhileTheCaRequiresItAndAcceptedWhileItDoesNot()
            throws Exception {
        Account admin = Fixtures.securityAdmin();
        Account officer = Fixtures.officer();
        TestCertificateAuthority external = TestCertificateAuthority.create("EKU CA");
        String caId = registerCa(admin, external);
        String keyId = Fixtures.aes("eku", true).getString("id");
        ClientCredentials internal = ClientIdentities.create(officer, "eku");
        ClientIdentities.grantKey(officer, internal, keyId, "retrieve");
        KeyPair pair = ClientIdentities.ecKeyPair("secp256r1");
        X509Certificate withoutUsage = external.issueClientCertificate(pair.getPublic(), internal.clientName(), false);
        assertThat(withoutUsage.getExtendedKeyUsage()).isNull();

        assertProblem(ClientIdentities.register(officer, internal.clientId(), withoutUsage), 400,
                "invalid-certificate");

        JsonObject relaxed = policy(admin, caId, false);
        assertThat(relaxed.getBoolean("requireClientAuthEku")).isFalse();
        ApiResponse registered = ClientIdentities.register(officer, internal.clientId(), withoutUsage);
        assertThat(registered.status()).as("%s", registered).isEqualTo(200);
        ClientCredentials partner = new ClientCredentials(internal.clientId(), internal.clientName(),
                ClientIdentities.fingerprint(withoutUsage), pair.getPrivate(),
                List.of(withoutUsage, external.certificate()));
        awaitServed(partner, keyId);

        assertThat(policy(admin, caId, true).getBoolean("requireClientAuthEku")).isTrue();

        assertProblem(AppClient.of(partner).retrieve(keyId), 403, "unknown-client");
        assertThat(AppClient.of(internal).retrieve(keyId).status()).as("the internal certificate").isEqualTo(200);
        assertThat(ClientAudit.about(internal.clientId())).extracting(ClientAudit::entry).containsExactly(
                refusal(partner, "client.authenticate", RETRIEVAL_PORT, null, "unknown-client"));
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(partner, "key.retrieve", RETRIEVAL_PORT, 1),
                success(internal, "key.retrieve", RETRIEVAL_PORT, 1));
        assertThat(AuditTrail.about(Fixtures.auditor().api(), caId))
                .extracting(r -> r.getString("operation"), r -> r.getString("actor"))
                .containsExactly(tuple("ca.register", admin.username()), tuple("ca.policy", admin.username()),
                        tuple("ca.policy", admin.username()));
    }

    @Test
    void theCertificatesOfADisabledCaAreRefusedAtOnceUntilItIsEnabledAgain() {
        Account admin = Fixtures.securityAdmin();
        Account officer = Fixtures.officer();
        TestCertificateAuthority external = TestCertificateAuthority.create("disabled CA");
        String caId = registerCa(admin, external);
        String keyId = Fixtures.aes("disabled-ca", true).getString("id");
        ClientCredentials internal = ClientIdentities.create(officer, "disabled-ca");
        ClientIdentities.grantKey(officer, internal, keyId, "retrieve");
        ClientCredentials partner = registerExternal(officer, internal, external);
        AppClient connected = AppClient.of(partner);
        awaitServed(partner, keyId);
        assertThat(connected.retrieve(keyId).status()).isEqualTo(200);

        assertThat(act(admin, caId, "disable").getBoolean("enabled")).isFalse();

        assertThat(howRefused(connected)).as("at once, on a connection opened before").isIn("unknown-client",
                "handshake");
        assertThat(howRefused(AppClient.of(partner))).as("at once, on a new connection").isIn("unknown-client",
                "handshake");
        assertThat(AppClient.of(internal).retrieve(keyId).status()).as("the internal certificate").isEqualTo(200);

        assertThat(act(admin, caId, "enable").getBoolean("enabled")).isTrue();

        awaitServed(partner, keyId);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(partner, "key.retrieve", RETRIEVAL_PORT, 1),
                success(partner, "key.retrieve", RETRIEVAL_PORT, 1),
                success(internal, "key.retrieve", RETRIEVAL_PORT, 1),
                success(partner, "key.retrieve", RETRIEVAL_PORT, 1));
        assertThat(ClientAudit.about(internal.clientId())).as("refusals that reached the application layer")
                .extracting(ClientAudit::entry).allSatisfy(entry -> assertThat(entry).isEqualTo(
                        refusal(partner, "client.authenticate", RETRIEVAL_PORT, null, "unknown-client")));
        assertThat(AuditTrail.about(Fixtures.auditor().api(), caId))
                .extracting(r -> r.getString("operation"), r -> r.getString("actor"))
                .containsExactly(tuple("ca.register", admin.username()), tuple("ca.disable", admin.username()),
                        tuple("ca.enable", admin.username()));
    }

    /**
     * The TLS trust store holds exactly the enabled CAs (TlsMaintenance): once a CA is disabled, the handshake itself
     * refuses its certificates, not only the application layer behind it.
     */
    @Test
    void aDisabledCaLeavesTheTlsTrustStore() {
        Account admin = Fixtures.securityAdmin();
        Account officer = Fixtures.officer();
        TestCertificateAuthority external = TestCertificateAuthority.create("dropped CA");
        String caId = registerCa(admin, external);
        String keyId = Fixtures.aes("dropped-ca", true).getString("id");
        ClientCredentials internal = ClientIdentities.create(officer, "dropped-ca");
        ClientIdentities.grantKey(officer, internal, keyId, "retrieve");
        ClientCredentials partner = registerExternal(officer, internal, external);
        awaitServed(partner, keyId);

        act(admin, caId, "disable");

        await().atMost(TRUST_STORE_FOLLOWS).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(howRefused(AppClient.of(partner))).as("the TLS layer follows").isEqualTo("handshake"));
        assertThat(AppClient.of(internal).retrieve(keyId).status()).as("the internal CA stays trusted").isEqualTo(200);
    }

    @Test
    void onlySecurityAdministratorsManageCasAndTheInternalCaStaysEnabled() {
        Account admin = Fixtures.securityAdmin();
        TestCertificateAuthority external = TestCertificateAuthority.create("refused CA");
        String body = Json.createObjectBuilder().add("name", ClientIdentities.uniqueName("refused"))
                .add("certificate", external.certificatePem()).build().toString();

        assertProblem(Fixtures.officer().api().post(CAS, body), 403, "forbidden");
        assertProblem(Fixtures.auditor().api().post(CAS, body), 403, "forbidden");
        JsonObject internalCa = admin.api().get(CAS).array().stream().map(c -> c.asJsonObject())
                .filter(c -> "INTERNAL".equals(c.getString("kind"))).findFirst().orElseThrow();
        assertThat(internalCa.getString("fingerprint"))
                .isEqualTo(ClientIdentities.fingerprint(ClientIdentities.internalCa()));
        assertProblem(admin.api().post(CAS + "/" + internalCa.getString("id") + "/disable"), 400, "invalid-request");
        assertThat(admin.api().get(CAS).array()).extracting(c -> c.asJsonObject().getString("fingerprint"))
                .doesNotContain(ClientIdentities.fingerprint(external.certificate()));
    }

    private static String registerCa(Account admin, TestCertificateAuthority ca) {
        ApiResponse registered = admin.api().post(CAS, Json.createObjectBuilder()
                .add("name", ClientIdentities.uniqueName("ca")).add("certificate", ca.certificatePem()).build()
                .toString());
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        return registered.object().getString("id");
    }

    /**
     * A fresh key and a certificate for it (with the clientAuth usage) from the external CA, registered to the
     * client; its credentials.
     */
    private static ClientCredentials registerExternal(Account officer, ClientCredentials client,
            TestCertificateAuthority ca) {
        KeyPair pair = ClientIdentities.ecKeyPair("secp256r1");
        X509Certificate certificate = ca.issueClientCertificate(pair.getPublic(), client.clientName(), true);
        ApiResponse registered = ClientIdentities.register(officer, client.clientId(), certificate);
        assertThat(registered.status()).as("%s", registered).isEqualTo(200);
        String fingerprint = ClientIdentities.fingerprint(certificate);
        assertThat(registered.object().getJsonArray("certificates")).anySatisfy(c -> {
            assertThat(c.asJsonObject().getString("fingerprint")).isEqualTo(fingerprint);
            assertThat(c.asJsonObject().getString("status")).isEqualTo("ACTIVE");
        });
        return new ClientCredentials(client.clientId(), client.clientName(), fingerprint, pair.getPrivate(),
                List.of(certificate, ca.certificate()));
    }

    private static JsonObject policy(Account admin, String caId, boolean requireClientAuthEku) {
        ApiResponse response = admin.api().put(CAS + "/" + caId + "/policy", Json.createObjectBuilder()
                .add("requireClientAuthEku", requireClientAuthEku).build().toString());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.object();
    }

    private static JsonObject act(Account admin, String caId, String action) {
        ApiResponse response = admin.api().post(CAS + "/" + caId + "/" + action);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.object();
    }

    /**
     * Waits (bounded) until the TLS trust store accepts the certificate's CA, with a new connection for each try
     * (only refused handshakes are retried), then retrieves the key once.
     */
    private static void awaitServed(ClientCredentials credentials, String keyId) {
        ApiResponse served = await().atMost(TRUST_STORE_FOLLOWS).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> AppClient.of(credentials).retrieve(keyId), response -> true);
        assertThat(served.status()).as("%s", served).isEqualTo(200);
    }

    /** How a request is refused: "handshake" when TLS refuses the certificate, else the problem type. */
    private static String howRefused(AppClient app) {
        try {
            ApiResponse response = app.retrieve("any-key");
            assertThat(response.status()).as("%s", response).isEqualTo(403);
            return response.problemType();
        } catch (UncheckedIOException e) {
            return "handshake";
        }
    }
}
