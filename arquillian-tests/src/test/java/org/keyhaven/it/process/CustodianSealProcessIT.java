package org.keyhaven.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.PinnedTls;
import org.keyhaven.it.support.RunningServer;

/**
 * Custodian mode on a server of its own: it starts sealed and stays sealed (key APIs answer 503) until a security
 * administrator splits the unseal key among three custodians and two of them submit their shares, without a login;
 * wrong and repeated shares are refused; a restart seals it again, and two other custodians unseal it. The audit
 * trail has every step and never a share.
 */
class CustodianSealProcessIT {

    private static final String SHARES = "/api/v1/unseal/shares";

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer("custodian", Map.of("KEYHAVEN_SEAL_MODE", "custodian"));

    @Test
    void custodiansUnsealAServerThatStartsSealedAndIsSealedAgainAfterARestart() {
        Api custodian = Api.anonymous(Api.MANAGEMENT_PORT);
        JsonObject before = custodian.get(SHARES).object();
        assertThat(before.getBoolean("sealed")).isTrue();
        assertThat(before.getString("mode")).isEqualTo("custodian");
        Account admin = Accounts.admin();
        Account officer = Accounts.cryptoOfficer();
        assertSealed(officer.api().post("/api/v1/keys", "{\"name\":\"custodian-early\",\"algorithm\":\"AES\"}"));
        assertRefused(custodian.post(SHARES, share("1-" + "0".repeat(64))), 400, "invalid-request");

        ApiResponse init = admin.api().post("/api/v1/seal/init", "{\"shares\":3,\"threshold\":2}");

        assertThat(init.status()).as("%s", init).isEqualTo(200);
        List<String> shares = init.object().getJsonArray("shares").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertThat(shares).hasSize(3).doesNotHaveDuplicates();
        assertRefused(admin.api().post("/api/v1/seal/init", "{\"shares\":3,\"threshold\":2}"), 409,
                "operation-in-progress");
        assertSealed(officer.api().post("/api/v1/keys", "{\"name\":\"custodian-early\",\"algorithm\":\"AES\"}"));

        String wrong = shares.get(0).substring(0, shares.get(0).length() - 1)
                + (shares.get(0).endsWith("0") ? "1" : "0");
        assertRefused(custodian.post(SHARES, share(wrong)), 400, "invalid-share");
        JsonObject first = custodian.post(SHARES, share(shares.get(0))).object();
        assertThat(first.getBoolean("sealed")).isTrue();
        assertThat(first.getInt("sharesSubmitted")).isOne();
        assertThat(first.getInt("sharesNeeded")).isEqualTo(2);
        assertRefused(custodian.post(SHARES, share(shares.get(0))), 400, "invalid-share");
        JsonObject second = custodian.post(SHARES, share(shares.get(2))).object();
        assertThat(second.getBoolean("sealed")).as("%s", second).isFalse();
        awaitCertificateFromTheInternalCa();
        Api officerApi = Api.management(officer.username(), officer.password());

        ApiResponse created = officerApi.post("/api/v1/keys",
                "{\"name\":\"custodian-key\",\"algorithm\":\"AES\",\"activate\":true}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String keyId = created.string("id");
        List<String> renewed = rekeyUnderDualControl();

        SERVER.process().stop();
        SERVER.process().start();
        PinnedTls.forgetAll();

        Api officerAgain = Api.management(officer.username(), officer.password());
        assertSealed(officerAgain.get("/api/v1/keys/" + keyId));
        Api custodianAgain = Api.anonymous(Api.MANAGEMENT_PORT);
        assertRefused(custodianAgain.post(SHARES, share(shares.get(1))), 400, "invalid-share");
        assertThat(custodianAgain.post(SHARES, share(renewed.get(1))).object().getBoolean("sealed")).isTrue();
        assertThat(custodianAgain.post(SHARES, share(renewed.get(2))).object().getBoolean("sealed")).isFalse();
        assertThat(officerAgain.get("/api/v1/keys/" + keyId).object().getString("state")).isEqualTo("ACTIVE");

        Account auditor = Accounts.auditor();
        List<JsonObject> trail = AuditTrail.after(auditor.api(), 0);
        assertThat(AuditTrail.operations(trail)).contains("seal.init", "seal.share", "seal.unseal");
        assertThat(trail.toString()).doesNotContain(shares.get(0).substring(2)).doesNotContain(shares.get(1)
                .substring(2)).doesNotContain(shares.get(2).substring(2));
        assertThat(AuditTrail.verify(auditor.api()).getBoolean("intact")).isTrue();
    }

    /**
     * New shares, asked for by one security administrator and approved by another, who receives them once; the
     * request keeps no share.
     */
    private static List<String> rekeyUnderDualControl() {
        Account admin = Accounts.admin();
        Account otherAdmin = Accounts.securityAdmin();
        assertThat(admin.api().put("/api/v1/approvals/policy", "{\"quorum\":{\"SEAL_REKEY\":1}}").status())
                .isEqualTo(200);
        ApiResponse requested = admin.api().post("/api/v1/seal/rekey", "{\"shares\":3,\"threshold\":2}");
        assertThat(requested.status()).as("%s", requested).isEqualTo(202);
        String id = requested.string("id");
        ApiResponse approved = otherAdmin.api().post("/api/v1/approvals/" + id + "/approve");
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        List<String> renewed = approved.object().getJsonArray("handover").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertThat(renewed).hasSize(3);
        assertThat(admin.api().get("/api/v1/approvals/" + id).body()).doesNotContain(renewed.get(0).substring(2));
        return renewed;
    }

    /**
     * Sealed at its first start, the server has no internal CA yet and serves a provisional self-signed certificate;
     * once unsealed the CA issues the real one. Waits for it, then forgets the pinned certificates.
     */
    private static void awaitCertificateFromTheInternalCa() {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (true) {
            java.security.cert.X509Certificate presented = PinnedTls.serverCertificate(
                    org.keyhaven.it.support.Suite.port(Api.MANAGEMENT_PORT));
            if (!presented.getIssuerX500Principal().equals(presented.getSubjectX500Principal())) {
                break;
            }
            assertThat(java.time.Instant.now()).as("a certificate from the internal CA").isBefore(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(250).toNanos());
        }
        Accounts.useServer(SERVER.process().serverLog());
    }

    private static String share(String text) {
        return "{\"share\":\"" + text + "\"}";
    }

    private static void assertSealed(ApiResponse response) {
        assertRefused(response, 503, "sealed");
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static void assertRefused(ApiResponse response, int status, String problem) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.problemType()).as("%s", response).isEqualTo(problem);
    }
}
