package org.keyhaven.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.keyhaven.it.support.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;

/**
 * Sealing through the API: a security administrator seals and unseals; while sealed every key operation answers 503
 * {@code sealed} and is audited once the trail can be written again; nobody else may seal or unseal. Every test
 * unseals afterwards, whatever happened, so that no other test finds the server sealed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SealIT {

    private Account securityAdmin;
    private Account officer;
    private Account auditor;
    private String keyId;

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @BeforeEach
    void accountsAndAKey() {
        securityAdmin = Accounts.securityAdmin();
        officer = Accounts.cryptoOfficer();
        auditor = Accounts.auditor();
        keyId = Keys.createAes(officer.api(), Keys.uniqueName("seal"), true).getString("id");
    }

    @AfterEach
    void alwaysUnseal() {
        Api unsealer = securityAdmin != null ? securityAdmin.api() : Accounts.admin().api();
        ApiResponse unsealed = unsealer.post("/api/v1/unseal");
        if (unsealed.status() != 200) {
            unsealed = Accounts.admin().api().post("/api/v1/unseal");
        }
        assertThat(unsealed.status()).as("unsealing after the test: %s", unsealed).isEqualTo(200);
        assertThat(sealed(Accounts.admin().api())).isFalse();
    }

    @Test
    void whileSealedEveryKeyOperationAnswers503Sealed() {
        String prefix = Keys.uniquePrefix("sealed");

        ApiResponse seal = securityAdmin.api().post("/api/v1/seal");

        assertThat(seal.status()).as("%s", seal).isEqualTo(200);
        assertThat(seal.object().getBoolean("sealed")).isTrue();
        assertThat(sealed(securityAdmin.api())).isTrue();
        assertThat(sealed(auditor.api())).isTrue();
        assertProblem(officer.api().get(Keys.path(keyId)), 503, "sealed");
        assertProblem(auditor.api().get(Keys.path(keyId)), 503, "sealed");
        assertProblem(officer.api().get(Keys.BASE), 503, "sealed");
        assertProblem(officer.api().post(Keys.path(keyId, "rotate")), 503, "sealed");
        assertProblem(officer.api().post(Keys.path(keyId, "deactivate")), 503, "sealed");
        assertProblem(officer.api().post(Keys.BASE, Keys.aes(prefix + "key").build().toString()), 503, "sealed");
        assertProblem(officer.api().post("/api/v1/master-key/rotate"), 503, "sealed");

        unseal();
        JsonObject key = Keys.get(officer.api(), keyId);
        assertThat(key.getString("state")).isEqualTo("ACTIVE");
        assertThat(key.getInt("currentVersion")).isEqualTo(1);
        assertThat(Keys.count(officer.api(), prefix)).isZero();
    }

    @Test
    void unsealingRestoresEveryKeyOperationUnderTheSameMasterKey() {
        int masterKeyVersion = masterKeyVersion(securityAdmin.api());
        assertThat(securityAdmin.api().post("/api/v1/seal").status()).isEqualTo(200);

        ApiResponse unsealed = securityAdmin.api().post("/api/v1/unseal");

        assertThat(unsealed.status()).as("%s", unsealed).isEqualTo(200);
        assertThat(unsealed.object().getBoolean("sealed")).isFalse();
        assertThat(unsealed.object().getInt("masterKeyVersion")).isEqualTo(masterKeyVersion);
        assertThat(sealed(officer.api())).isFalse();
        assertThat(Keys.get(auditor.api(), keyId).getString("state")).isEqualTo("ACTIVE");
        assertThat(Keys.act(officer.api(), keyId, "rotate").getInt("currentVersion")).isEqualTo(2);
        assertThat(Keys.createAes(officer.api(), Keys.uniqueName("after-unseal"), true).getString("state"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void aKeyOperationRefusedWhileSealedIsInTheAuditAfterUnseal() {
        long head = AuditTrail.head(auditor.api());
        assertThat(securityAdmin.api().post("/api/v1/seal").status()).isEqualTo(200);
        assertProblem(officer.api().post(Keys.path(keyId, "rotate")), 503, "sealed");

        unseal();

        List<JsonObject> since = AuditTrail.after(auditor.api(), head);
        assertThat(refusedRotation(since)).as("records since the seal: %s", since).hasValueSatisfying(record -> {
            assertThat(record.getString("outcome")).isEqualTo("FAILED");
            assertThat(record.getString("reason")).isEqualTo("sealed");
        });
        assertThat(since).extracting(r -> r.getString("operation"), r -> r.getString("actor"))
                .contains(tuple("seal.seal", securityAdmin.username()), tuple("seal.unseal", securityAdmin.username()));
    }

    @Test
    void aKeyOperationRefusedWhileSealedIsAuditedWithTheKeyItConcerned() {
        long head = AuditTrail.head(auditor.api());
        assertThat(securityAdmin.api().post("/api/v1/seal").status()).isEqualTo(200);
        assertProblem(officer.api().post(Keys.path(keyId, "rotate")), 503, "sealed");

        unseal();

        assertThat(refusedRotation(AuditTrail.after(auditor.api(), head))).hasValueSatisfying(record ->
                assertThat(record.getString("objectId", null)).as("object of %s", record).isEqualTo(keyId));
    }

    @Test
    void cryptoOfficersAndAuditorsCanNeitherSealNorUnseal() {
        for (Account other : List.of(officer, auditor)) {
            assertProblem(other.api().post("/api/v1/seal"), 403, "forbidden");
            assertThat(sealed(securityAdmin.api())).as("sealed after %s tried", other.username()).isFalse();
        }
        assertThat(Keys.get(officer.api(), keyId).getString("state")).isEqualTo("ACTIVE");

        assertThat(securityAdmin.api().post("/api/v1/seal").status()).isEqualTo(200);
        for (Account other : List.of(officer, auditor)) {
            assertProblem(other.api().post("/api/v1/unseal"), 403, "forbidden");
            assertThat(sealed(securityAdmin.api())).as("sealed after %s tried to unseal", other.username()).isTrue();
        }
    }

    private Optional<JsonObject> refusedRotation(List<JsonObject> records) {
        return records.stream().filter(r -> r.getString("operation").equals("key.rotate")
                && r.getString("actor").equals(officer.username())).findFirst();
    }

    private void unseal() {
        ApiResponse unsealed = securityAdmin.api().post("/api/v1/unseal");
        assertThat(unsealed.status()).as("%s", unsealed).isEqualTo(200);
        assertThat(unsealed.object().getBoolean("sealed")).isFalse();
    }

    private static boolean sealed(Api api) {
        ApiResponse status = api.get("/api/v1/status");
        assertThat(status.status()).as("%s", status).isEqualTo(200);
        return status.object().getJsonObject("seal").getBoolean("sealed");
    }

    private static int masterKeyVersion(Api api) {
        ApiResponse status = api.get("/api/v1/status");
        assertThat(status.status()).as("%s", status).isEqualTo(200);
        return status.object().getJsonObject("seal").getInt("masterKeyVersion");
    }
}
