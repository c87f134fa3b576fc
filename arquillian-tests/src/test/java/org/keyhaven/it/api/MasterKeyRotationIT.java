package org.keyhaven.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.keyhaven.it.support.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
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
 * Master key rotation through the API: a crypto officer starts it, it re-wraps everything in the background, and
 * afterwards every key (destroyed ones included) is still readable and usable, new keys can be created and the audit
 * chain verifies as before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MasterKeyRotationIT {

    private static final String ROTATE = "/api/v1/master-key/rotate";
    private static final String PROGRESS = "/api/v1/master-key/rotation";

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void afterARotationEveryKeyIsReadableAndUsableAndTheAuditStillVerifies() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        List<JsonObject> keys = someKeysIncludingADestroyedOne(officer.api());
        int before = masterKeyVersion(officer.api());
        JsonObject verifiedBefore = AuditTrail.verify(auditor.api());

        ApiResponse started = officer.api().post(ROTATE);

        assertThat(started.status()).as("%s", started).isEqualTo(202);
        assertThat(started.object().getInt("fromVersion")).isEqualTo(before);
        assertThat(started.object().getInt("toVersion")).isEqualTo(before + 1);
        assertThat(started.object().getString("requestedBy")).isEqualTo(officer.username());
        // "done" counts what the job re-wrapped; rows that other writers (the lifecycle timer) re-protect meanwhile
        // are not counted, so it may end below "total"
        JsonObject finished = awaitCompleted(officer.api(), before + 1);
        assertThat(finished.getJsonNumber("done").longValue()).isPositive();
        assertThat(masterKeyVersion(officer.api())).isEqualTo(before + 1);

        for (JsonObject key : keys) {
            assertThat(metadata(Keys.get(officer.api(), key.getString("id"))))
                    .as("key %s after the rotation", key.getString("name")).isEqualTo(metadata(key));
        }
        JsonObject active = keys.get(0);
        assertThat(Keys.act(officer.api(), active.getString("id"), "rotate").getInt("currentVersion")).isEqualTo(3);
        JsonObject fresh = Keys.createAes(officer.api(), Keys.uniqueName("after-master-rotation"), true);
        assertThat(Keys.get(auditor.api(), fresh.getString("id"))).isEqualTo(fresh);

        List<JsonObject> records = AuditTrail.about(auditor.api(), "master-key").stream()
                .filter(r -> r.getInt("objectVersion", -1) == before + 1).toList();
        assertThat(records).extracting(r -> r.getString("operation"), r -> r.getString("outcome"),
                r -> r.getString("actor")).containsExactly(
                        tuple("master-key.rotate", "SUCCESS", officer.username()),
                        tuple("master-key.rotate.complete", "SUCCESS", officer.username()));
        assertNoNewChainProblems(verifiedBefore, AuditTrail.verify(auditor.api()));
    }

    @Test
    void aSecondStartWhileOneRunsIsRefusedOrCompletesCleanly() {
        Account officer = Accounts.cryptoOfficer();
        Account other = Accounts.cryptoOfficer();
        List<JsonObject> keys = someKeysIncludingADestroyedOne(officer.api());
        int before = masterKeyVersion(officer.api());

        List<ApiResponse> starts = concurrently(List.of(officer.api(), other.api()));

        List<ApiResponse> accepted = starts.stream().filter(r -> r.status() == 202).toList();
        assertThat(accepted).as("answers %s", starts).isNotEmpty();
        starts.stream().filter(r -> r.status() != 202)
                .forEach(refused -> assertProblem(refused, 409, "operation-in-progress"));
        int rotations = accepted.size();
        awaitCompleted(officer.api(), before + rotations);
        assertThat(masterKeyVersion(officer.api())).isEqualTo(before + rotations);
        for (JsonObject key : keys) {
            assertThat(metadata(Keys.get(officer.api(), key.getString("id")))).isEqualTo(metadata(key));
        }
        assertThat(Keys.act(officer.api(), keys.get(0).getString("id"), "rotate").getInt("currentVersion"))
                .isEqualTo(3);
    }

    @Test
    void auditorsCannotStartAMasterKeyRotation() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        int before = masterKeyVersion(officer.api());
        long head = AuditTrail.head(auditor.api());

        assertProblem(auditor.api().post(ROTATE), 403, "forbidden");

        assertThat(masterKeyVersion(officer.api())).isEqualTo(before);
        assertThat(AuditTrail.after(auditor.api(), head)).anySatisfy(record -> {
            assertThat(record.getString("operation")).isEqualTo("master-key.rotate");
            assertThat(record.getString("actor")).isEqualTo(auditor.username());
            assertThat(record.getString("outcome")).isEqualTo("DENIED");
        });
    }

    /** An Active key rotated once, a Pre-Active RSA key, an Active EC key and a destroyed HMAC key. */
    private static List<JsonObject> someKeysIncludingADestroyedOne(Api officer) {
        List<JsonObject> keys = new ArrayList<>();
        String active = Keys.createAes(officer, Keys.uniqueName("mk-aes"), true).getString("id");
        keys.add(Keys.act(officer, active, "rotate"));
        keys.add(Keys.create(officer, Keys.request(Keys.uniqueName("mk-rsa"), "RSA").add("length", 2048)));
        keys.add(Keys.create(officer, Keys.request(Keys.uniqueName("mk-ec"), "EC").add("curve", "P-384")
                .add("activate", true)));
        String destroyed = Keys.create(officer, Keys.request(Keys.uniqueName("mk-hmac"), "HMAC-SHA256"))
                .getString("id");
        ApiResponse destroy = officer.delete(Keys.path(destroyed));
        assertThat(destroy.status()).as("%s", destroy).isEqualTo(200);
        keys.add(Keys.get(officer, destroyed));
        assertThat(keys.get(3).getString("state")).isEqualTo("DESTROYED");
        return keys;
    }

    /**
     * A key's metadata but for {@code updatedAt}, which the re-wrap of a master key rotation touches (the row is
     * re-protected under the new master key).
     */
    private static JsonObject metadata(JsonObject key) {
        return Json.createObjectBuilder(key).remove("updatedAt").build();
    }

    private static int masterKeyVersion(Api api) {
        ApiResponse status = api.get("/api/v1/status");
        assertThat(status.status()).as("%s", status).isEqualTo(200);
        return status.object().getJsonObject("seal").getInt("masterKeyVersion");
    }

    private static JsonObject awaitCompleted(Api api, int toVersion) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    ApiResponse progress = api.get(PROGRESS);
                    assertThat(progress.status()).as("%s", progress).isEqualTo(200);
                    assertThat(progress.object().getString("state")).as("%s", progress).isNotEqualTo("failed");
                    return progress.object();
                }, progress -> "completed".equals(progress.getString("state"))
                        && progress.getInt("toVersion") == toVersion);
    }

    /** Whatever the trail looked like before (other tests may tamper with it on purpose), nothing new is wrong. */
    private static void assertNoNewChainProblems(JsonObject before, JsonObject after) {
        assertThat(after.getJsonNumber("lastSeq").longValue()).isGreaterThan(before.getJsonNumber("lastSeq").longValue());
        assertThat(after.getJsonNumber("problemCount").longValue()).as("%s", after)
                .isEqualTo(before.getJsonNumber("problemCount").longValue());
        assertThat(after.getJsonNumber("refusedRecords").longValue()).as("%s", after)
                .isEqualTo(before.getJsonNumber("refusedRecords").longValue());
        assertThat(after.getBoolean("intact")).as("%s", after).isEqualTo(before.getBoolean("intact"));
        long lastBefore = before.getJsonNumber("lastSeq").longValue();
        assertThat(after.getJsonArray("problems").getValuesAs(JsonValue::asJsonObject))
                .noneMatch(problem -> problem.getJsonNumber("seq").longValue() > lastBefore);
    }

    /** Starts a rotation as each caller at the same moment. */
    private static List<ApiResponse> concurrently(List<Api> callers) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        try {
            List<CompletableFuture<ApiResponse>> calls = callers.stream()
                    .map(api -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                        return api.post(ROTATE);
                    }, pool)).toList();
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
