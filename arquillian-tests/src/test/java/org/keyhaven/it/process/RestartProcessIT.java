package org.keyhaven.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.PinnedTls;
import org.keyhaven.it.support.RunningServer;
import org.keyhaven.it.support.Suite;

/**
 * A stopped and restarted server (embedded H2 or PostgreSQL) comes back with every key, version, state and audit
 * record as before, unseals itself, keeps its TLS identity and does not hand out a new initial password.
 */
class RestartProcessIT {

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer("restart");

    @Test
    void keysVersionsStatesAndAuditSurviveARestart() throws Exception {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        String prefix = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String rotated = create(officer, prefix + "rotated", "{\"algorithm\":\"AES\",\"activate\":true,"
                + "\"exportable\":true,\"rotationPeriod\":\"P30D\",\"attributes\":{\"x-owner\":\"team\"}}");
        assertThat(officer.api().post("/api/v1/keys/" + rotated + "/rotate").status()).isEqualTo(200);
        String destroyed = create(officer, prefix + "destroyed", "{\"algorithm\":\"RSA\",\"length\":2048}");
        assertThat(officer.api().delete("/api/v1/keys/" + destroyed).status()).isEqualTo(200);
        create(officer, prefix + "compromised", "{\"algorithm\":\"EC\",\"curve\":\"P-256\",\"activate\":true}");
        String compromised = officer.api().get("/api/v1/keys/" + prefix + "compromised").string("id");
        assertThat(officer.api().post("/api/v1/keys/" + compromised + "/revoke",
                "{\"reason\":\"KEY_COMPROMISE\"}").status()).isEqualTo(200);

        JsonObject keysBefore = officer.api().get("/api/v1/keys?name=" + prefix).object();
        JsonObject verifyBefore = auditor.api().get("/api/v1/audit/verify").object();
        String auditBefore = auditor.api().get("/api/v1/audit?limit=1000").body();
        X509Certificate certificateBefore = PinnedTls.serverCertificate(Suite.port(Api.MANAGEMENT_PORT));
        assertThat(verifyBefore.getBoolean("intact")).isTrue();

        SERVER.process().stop();
        SERVER.process().start();
        PinnedTls.forgetAll();

        Api officerAgain = Api.management(officer.username(), officer.password());
        Api auditorAgain = Api.management(auditor.username(), auditor.password());
        assertThat(officerAgain.get("/api/v1/keys?name=" + prefix).object()).isEqualTo(keysBefore);
        assertThat(officerAgain.get("/api/v1/status").object().getJsonObject("seal").getBoolean("sealed")).isFalse();
        JsonObject verifyAfter = auditorAgain.get("/api/v1/audit/verify").object();
        assertThat(verifyAfter.getBoolean("intact")).as(verifyAfter.toString()).isTrue();
        assertThat(verifyAfter.getJsonNumber("lastSeq").longValue())
                .isGreaterThan(verifyBefore.getJsonNumber("lastSeq").longValue());
        String auditAfter = auditorAgain.get("/api/v1/audit?limit=1000").body();
        assertThat(auditAfter).startsWith(auditBefore.substring(0, auditBefore.lastIndexOf(']')));
        assertThat(PinnedTls.serverCertificate(Suite.port(Api.MANAGEMENT_PORT))).isEqualTo(certificateBefore);
        assertThat(Files.readAllLines(SERVER.process().serverLog()).stream()
                .filter(line -> line.contains("Keyhaven initial administrator password"))).hasSize(1);
        ApiResponse rotatedAgain = officerAgain.post("/api/v1/keys/" + rotated + "/rotate");
        assertThat(rotatedAgain.object().getInt("currentVersion")).isEqualTo(3);
    }

    private static String create(Account officer, String name, String rest) {
        ApiResponse created = officer.api().post("/api/v1/keys", "{\"name\":\"" + name + "\"," + rest.substring(1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.string("id");
    }
}
