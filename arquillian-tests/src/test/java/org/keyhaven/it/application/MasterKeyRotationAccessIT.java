package org.keyhaven.it.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AppClient;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.TestCertificateAuthority;

/**
 * Application access across a master key rotation: the internal CA's private key and every CA, client, certificate
 * and grant row are protected under the master key, so the rotation must carry them over before it retires the old
 * version. Afterwards existing clients (internal and external CA certificates) are still recognised and granted, the
 * internal CA still issues, and the rows can still be changed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MasterKeyRotationAccessIT {

    private static final String ROTATION = "/api/v1/master-key/rotation";

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void clientsCertificatesGrantsAndCasKeepWorkingAfterAMasterKeyRotation() {
        Account officer = Fixtures.officer();
        Account admin = Fixtures.securityAdmin();
        String keyId = Fixtures.aes("mk-rotation", true).getString("id");
        ClientCredentials internal = ClientIdentities.create(officer, "mk-rotation");
        ClientCredentials unused = ClientIdentities.issueAnother(officer, internal);
        ClientIdentities.grantKey(officer, internal, keyId, "retrieve", "encrypt", "decrypt");
        TestCertificateAuthority external = TestCertificateAuthority.create("rotation CA");
        ApiResponse ca = admin.api().post("/api/v1/cas", Json.createObjectBuilder()
                .add("name", ClientIdentities.uniqueName("rotation")).add("certificate", external.certificatePem())
                .build().toString());
        assertThat(ca.status()).as("%s", ca).isEqualTo(201);
        KeyPair pair = ClientIdentities.ecKeyPair("secp256r1");
        X509Certificate certificate = external.issueClientCertificate(pair.getPublic(), internal.clientName(), true);
        assertThat(ClientIdentities.register(officer, internal.clientId(), certificate).status()).isEqualTo(200);
        ClientCredentials partner = new ClientCredentials(internal.clientId(), internal.clientName(),
                ClientIdentities.fingerprint(certificate), pair.getPrivate(), List.of(certificate,
                        external.certificate()));
        awaitServed(partner, keyId);
        byte[] ciphertext = Fixtures.bytes(ok(AppClient.of(internal).crypto("encrypt", Json.createObjectBuilder()
                .add("key", keyId).add("plaintext", Fixtures.b64(new byte[] {4, 2})).build())), "ciphertext");
        int before = awaitNoRotation(officer.api());

        ApiResponse started = officer.api().post("/api/v1/master-key/rotate");

        assertThat(started.status()).as("%s", started).isEqualTo(202);
        awaitCompleted(officer.api(), before + 1);
        assertThat(ok(AppClient.of(unused).retrieve(keyId)).getString("id"))
                .as("a certificate first presented after the rotation").isEqualTo(keyId);
        assertThat(ok(AppClient.of(internal).retrieve(keyId)).getString("id")).isEqualTo(keyId);
        assertThat(Fixtures.bytes(ok(AppClient.of(internal).crypto("decrypt", Json.createObjectBuilder()
                .add("ciphertext", Fixtures.b64(ciphertext)).build())), "plaintext")).containsExactly(4, 2);
        assertThat(ok(AppClient.of(partner).retrieve(keyId)).getString("id")).isEqualTo(keyId);
        ClientCredentials issuedAfter = ClientIdentities.create(officer, "after-mk-rotation");
        assertThat(issuedAfter.chain().get(1)).isEqualTo(ClientIdentities.internalCa());
        assertThat(admin.api().get("/api/v1/cas").status()).isEqualTo(200);
        assertThat(ClientIdentities.revoke(officer, unused).getJsonArray("certificates")).hasSize(3);
        assertProblem(AppClient.of(unused).retrieve(keyId), 403, "client-revoked");
    }

    private static int awaitNoRotation(Api officer) {
        JsonObject progress = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(officer.get(ROTATION)), p -> !"running".equals(p.getString("state", "")));
        assertThat(progress.getString("state", "")).isNotEqualTo("failed");
        return ok(officer.get("/api/v1/status")).getJsonObject("seal").getInt("masterKeyVersion");
    }

    private static void awaitCompleted(Api officer, int toVersion) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonObject progress = ok(officer.get(ROTATION));
            assertThat(progress.getString("state")).as("%s", progress).isNotEqualTo("failed");
            return progress;
        }, progress -> "completed".equals(progress.getString("state")) && progress.getInt("toVersion") == toVersion);
    }

    private static void awaitServed(ClientCredentials credentials, String keyId) {
        ApiResponse served = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> AppClient.of(credentials).retrieve(keyId), response -> true);
        assertThat(served.status()).as("%s", served).isEqualTo(200);
    }

    private static JsonObject ok(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.object();
    }
}
