package org.keyhaven.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;

/**
 * What keys do by themselves (the test server runs the lifecycle timer every 2 s and allows rotation periods from
 * 2 s): activation and deactivation dates take effect, rotation periods rotate, and each of these is audited with
 * the actor {@code system}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchedulerIT {

    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void aKeyActivatesByItselfWhenItsActivationDateComes() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        Instant activation = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        JsonObject created = Keys.create(officer.api(), Keys.aes(Keys.uniqueName("dated"))
                .add("activationDate", activation.toString()));
        String id = created.getString("id");
        assertThat(created.getString("state")).isEqualTo("PRE_ACTIVE");

        await().atMost(AT_MOST).pollInterval(POLL)
                .until(() -> Keys.state(officer.api(), id), "ACTIVE"::equals);

        assertThat(Instant.now()).isAfterOrEqualTo(activation);
        assertThat(Instant.parse(Keys.get(officer.api(), id).getString("activationDate"))).isEqualTo(activation);
        assertThat(AuditTrail.about(auditor.api(), id)).filteredOn(r -> r.getString("operation").equals("key.activate"))
                .extracting(r -> r.getString("actor"), r -> r.getString("actorType"), r -> r.getString("outcome"))
                .containsExactly(tuple("system", "SYSTEM", "SUCCESS"));
    }

    @Test
    void anActiveKeyDeactivatesByItselfWhenItsDeactivationDateComes() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        Instant deactivation = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        JsonObject created = Keys.create(officer.api(), Keys.aes(Keys.uniqueName("expiring"))
                .add("activate", true).add("deactivationDate", deactivation.toString()));
        String id = created.getString("id");
        assertThat(created.getString("state")).isEqualTo("ACTIVE");

        await().atMost(AT_MOST).pollInterval(POLL)
                .until(() -> Keys.state(officer.api(), id), "DEACTIVATED"::equals);

        assertThat(Instant.now()).isAfterOrEqualTo(deactivation);
        List<JsonObject> deactivations = AuditTrail.about(auditor.api(), id).stream()
                .filter(r -> r.getString("operation").equals("key.deactivate")).toList();
        assertThat(deactivations).singleElement().satisfies(record -> {
            assertThat(record.getString("actor")).isEqualTo("system");
            assertThat(record.getString("actorType")).isEqualTo("SYSTEM");
            assertThat(record.getString("outcome")).isEqualTo("SUCCESS");
            assertThat(record.getString("details")).contains("trigger=date", "state=DEACTIVATED");
        });
    }

    @Test
    void aDeactivationDateSetByPolicyDeactivatesTheKey() {
        Account officer = Accounts.cryptoOfficer();
        String id = Keys.createAes(officer.api(), Keys.uniqueName("policy-expiring"), true).getString("id");
        Instant deactivation = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);

        ApiResponse changed = officer.api().put(Keys.path(id, "policy"), Json.createObjectBuilder()
                .add("deactivationDate", deactivation.toString()).build().toString());

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.object().getString("state")).isEqualTo("ACTIVE");
        await().atMost(AT_MOST).pollInterval(POLL)
                .until(() -> Keys.state(officer.api(), id), "DEACTIVATED"::equals);
    }

    @Test
    void anActiveKeyWithARotationPeriodRotatesByItself() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        JsonObject created = Keys.create(officer.api(), Keys.aes(Keys.uniqueName("self-rotating"))
                .add("activate", true).add("rotationPeriod", "PT3S"));
        String id = created.getString("id");
        assertThat(created.getString("rotationPeriod")).isEqualTo("PT3S");
        assertThat(created.getString("nextRotation", null)).isNotNull();

        await().atMost(AT_MOST).pollInterval(POLL)
                .until(() -> Keys.get(officer.api(), id).getInt("currentVersion"), version -> version >= 2);

        JsonObject rotated = Keys.get(officer.api(), id);
        assertThat(rotated.getString("state")).isEqualTo("ACTIVE");
        assertThat(rotated.getJsonArray("versions")).hasSize(rotated.getInt("currentVersion"));
        List<JsonObject> rotations = AuditTrail.about(auditor.api(), id).stream()
                .filter(r -> r.getString("operation").equals("key.rotate")).toList();
        assertThat(rotations).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getString("actor")).isEqualTo("system");
            assertThat(r.getString("actorType")).isEqualTo("SYSTEM");
            assertThat(r.getString("outcome")).isEqualTo("SUCCESS");
            assertThat(r.getString("details")).contains("trigger=schedule");
        });
        assertThat(rotations.get(0).getInt("objectVersion")).isEqualTo(2);
    }

    @Test
    void aPreActiveKeyWithARotationPeriodDoesNotRotate() {
        Account officer = Accounts.cryptoOfficer();
        String id = Keys.create(officer.api(), Keys.aes(Keys.uniqueName("waiting"))
                .add("rotationPeriod", "PT3S")).getString("id");

        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).pollInterval(POLL)
                .until(() -> Keys.get(officer.api(), id).getInt("currentVersion"), version -> version == 1);
    }

    @Test
    void removingTheRotationPeriodStopsScheduledRotation() {
        Account officer = Accounts.cryptoOfficer();
        String id = Keys.create(officer.api(), Keys.aes(Keys.uniqueName("stopped"))
                .add("activate", true).add("rotationPeriod", "PT3S")).getString("id");
        await().atMost(AT_MOST).pollInterval(POLL)
                .until(() -> Keys.get(officer.api(), id).getInt("currentVersion"), version -> version >= 2);

        ApiResponse never = officer.api().put(Keys.path(id, "policy"), "{\"rotationPeriod\":\"none\"}");
        assertThat(never.status()).as("%s", never).isEqualTo(200);
        int version = never.object().getInt("currentVersion");

        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).pollInterval(POLL)
                .until(() -> Keys.get(officer.api(), id).getInt("currentVersion"), current -> current == version);
    }
}
