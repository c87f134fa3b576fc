package org.keyhaven.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.keyhaven.it.support.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;
import org.keyhaven.it.support.Suite;

/**
 * The key lifecycle through the management API over TLS, as a crypto officer: every algorithm, every transition,
 * lookups, listing, policy and attributes; and for each change an audit record an auditor can read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyLifecycleIT {

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @ParameterizedTest(name = "{0} {1}{2} (activate={6})")
    @CsvSource({
        "AES,         128,      , 128,      , ENCRYPT DECRYPT, false",
        "AES,         192,      , 192,      , ENCRYPT DECRYPT, true",
        "AES,         256,      , 256,      , ENCRYPT DECRYPT, false",
        "HMAC-SHA256,    ,      , 256,      , MAC,             true",
        "HMAC-SHA384,    ,      , 384,      , MAC,             false",
        "HMAC-SHA512,    ,      , 512,      , MAC,             true",
        "RSA,        2048,      , 2048,     , SIGN VERIFY,     false",
        "EC,             , P-256, 256, P-256, SIGN VERIFY,     true",
        "EC,             , P-384, 384, P-384, SIGN VERIFY,     false",
        "EC,             , P-521, 521, P-521, SIGN VERIFY,     true",
        "Ed25519,        ,      , 256,      , SIGN VERIFY,     false",
        "SECRET-DATA, 512,      , 512,      ,                , true",
    })
    void eachAlgorithmIsCreatedWithItsMetadataAndNoMaterial(String algorithm, Integer length, String curve,
            int expectedLength, String expectedCurve, String expectedUsage, boolean activate) {
        Account officer = Accounts.cryptoOfficer();
        String name = Keys.uniqueName("algorithm");
        var request = Keys.request(name, algorithm).add("activate", activate);
        if (length != null) {
            request.add("length", length);
        }
        if (curve != null) {
            request.add("curve", curve);
        }

        ApiResponse created = officer.api().post(Keys.BASE, request.build().toString());

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonObject key = created.object();
        String id = key.getString("id");
        assertThat(UUID.fromString(id)).hasToString(id);
        assertThat(key.getString("name")).isEqualTo(name);
        assertThat(key.getString("algorithm")).isEqualTo(algorithm);
        assertThat(key.getInt("length")).isEqualTo(expectedLength);
        assertThat(key.getString("curve", null)).isEqualTo(expectedCurve);
        assertThat(strings(key, "usage")).containsExactlyInAnyOrderElementsOf(
                expectedUsage == null ? List.of() : Arrays.asList(expectedUsage.split(" ")));
        assertThat(key.getBoolean("exportable")).isFalse();
        assertThat(key.getString("state")).isEqualTo(activate ? "ACTIVE" : "PRE_ACTIVE");
        assertThat(key.getInt("currentVersion")).isEqualTo(1);
        assertThat(key.getInt("minDecryptionVersion")).isEqualTo(1);
        assertThat(key.getJsonArray("versions")).extracting(v -> v.asJsonObject().getInt("version"),
                v -> v.asJsonObject().getBoolean("destroyed")).containsExactly(tuple(1, false));
        assertThat(key.getString("createdBy")).isEqualTo(officer.username());
        Keys.assertNoKeyMaterial(key);

        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create(location).getPath()).isEqualTo(Keys.path(id));
        ApiResponse atLocation = officer.api().get(URI.create(location).getPath());
        assertThat(atLocation.status()).as("%s", atLocation).isEqualTo(200);
        assertThat(atLocation.object()).isEqualTo(key);
    }

    @Test
    void activateRotateDeactivateDestroyErasesEveryVersionAndKeepsTheMetadata() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        String name = Keys.uniqueName("lifecycle");
        String id = Keys.createAes(officer.api(), name, false).getString("id");

        JsonObject active = Keys.act(officer.api(), id, "activate");
        assertThat(active.getString("state")).isEqualTo("ACTIVE");
        assertThat(active.getString("activationDate", null)).isNotNull();

        JsonObject rotated = Keys.act(officer.api(), id, "rotate");
        assertThat(rotated.getInt("currentVersion")).isEqualTo(2);
        assertThat(rotated.getInt("minDecryptionVersion")).isEqualTo(1);
        assertThat(rotated.getJsonArray("versions")).extracting(v -> v.asJsonObject().getInt("version"),
                v -> v.asJsonObject().getBoolean("destroyed")).containsExactly(tuple(1, false), tuple(2, false));

        JsonObject deactivated = Keys.act(officer.api(), id, "deactivate");
        assertThat(deactivated.getString("state")).isEqualTo("DEACTIVATED");
        assertThat(deactivated.getString("deactivationDate", null)).isNotNull();

        ApiResponse destroyed = officer.api().delete(Keys.path(id));
        assertThat(destroyed.status()).as("%s", destroyed).isEqualTo(200);
        JsonObject kept = Keys.get(officer.api(), id);
        for (JsonObject key : List.of(active, rotated, deactivated, destroyed.object(), kept)) {
            Keys.assertNoKeyMaterial(key);
        }
        assertThat(kept.getString("state")).isEqualTo("DESTROYED");
        assertThat(kept.getString("destroyDate", null)).isNotNull();
        assertThat(kept.getJsonArray("versions")).extracting(v -> v.asJsonObject().getInt("version"),
                v -> v.asJsonObject().getBoolean("destroyed")).containsExactly(tuple(1, true), tuple(2, true));
        assertThat(kept.getJsonArray("versions")).allSatisfy(
                v -> assertThat(v.asJsonObject().getString("destroyedAt", null)).isNotNull());
        assertThat(List.of(kept.getString("name"), kept.getString("algorithm"), kept.getInt("length"),
                kept.getInt("currentVersion"), kept.getString("createdBy")))
                .containsExactly(name, "AES", 256, 2, officer.username());

        assertThat(successes(auditor, id)).extracting(KeyLifecycleIT::operation, KeyLifecycleIT::actor,
                KeyLifecycleIT::objectVersion).containsExactly(
                        tuple("key.create", officer.username(), 1),
                        tuple("key.activate", officer.username(), 1),
                        tuple("key.rotate", officer.username(), 2),
                        tuple("key.deactivate", officer.username(), 2),
                        tuple("key.destroy", officer.username(), 2));
        assertThat(AuditTrail.about(auditor.api(), id)).allSatisfy(record -> {
            assertThat(record.getString("actorType")).isEqualTo("USER");
            assertThat(record.getInt("port")).isEqualTo(Suite.port(Api.MANAGEMENT_PORT));
        });
    }

    @Test
    void revokingForKeyCompromiseMakesTheKeyCompromisedAndDestroyingItDestroyedCompromised() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        String id = Keys.createAes(officer.api(), Keys.uniqueName("compromised"), true).getString("id");

        ApiResponse revoked = officer.api().post(Keys.path(id, "revoke"), Json.createObjectBuilder()
                .add("reason", "KEY_COMPROMISE").add("message", "backup tape lost").build().toString());

        assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);
        JsonObject compromised = revoked.object();
        assertThat(compromised.getString("state")).isEqualTo("COMPROMISED");
        assertThat(compromised.getString("revocationReason")).isEqualTo("KEY_COMPROMISE");
        assertThat(compromised.getString("revocationMessage")).isEqualTo("backup tape lost");
        assertThat(compromised.getString("compromiseDate", null)).isNotNull();

        ApiResponse destroyed = officer.api().delete(Keys.path(id));

        assertThat(destroyed.status()).as("%s", destroyed).isEqualTo(200);
        JsonObject kept = Keys.get(officer.api(), id);
        assertThat(kept.getString("state")).isEqualTo("DESTROYED_COMPROMISED");
        assertThat(kept.getJsonArray("versions")).allSatisfy(
                v -> assertThat(v.asJsonObject().getBoolean("destroyed")).isTrue());
        assertThat(kept.getString("revocationReason")).isEqualTo("KEY_COMPROMISE");
        Keys.assertNoKeyMaterial(kept);

        List<JsonObject> records = successes(auditor, id);
        assertThat(records).extracting(KeyLifecycleIT::operation, KeyLifecycleIT::actor)
                .containsExactly(tuple("key.create", officer.username()), tuple("key.revoke", officer.username()),
                        tuple("key.destroy", officer.username()));
        assertThat(records.get(1).getString("details")).contains("reason=KEY_COMPROMISE", "state=COMPROMISED");
        assertThat(records.get(2).getString("details")).contains("state=DESTROYED_COMPROMISED");
    }

    @Test
    void revokingForAReasonOtherThanCompromiseDeactivatesTheKey() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        String id = Keys.createAes(officer.api(), Keys.uniqueName("retired"), true).getString("id");

        ApiResponse revoked = officer.api().post(Keys.path(id, "revoke"),
                Json.createObjectBuilder().add("reason", "CESSATION_OF_OPERATION").build().toString());

        assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);
        assertThat(revoked.object().getString("state")).isEqualTo("DEACTIVATED");
        assertThat(revoked.object().getString("revocationReason")).isEqualTo("CESSATION_OF_OPERATION");
        assertThat(revoked.object().getString("deactivationDate", null)).isNotNull();
        assertThat(revoked.object().containsKey("compromiseDate")).isFalse();
        assertThat(successes(auditor, id)).extracting(KeyLifecycleIT::operation, KeyLifecycleIT::objectVersion)
                .containsExactly(tuple("key.create", 1), tuple("key.revoke", 1));
    }

    @Test
    void destroyingAnActiveKeyIsRefusedAndTheRefusalAudited() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        String id = Keys.createAes(officer.api(), Keys.uniqueName("still-active"), true).getString("id");

        ApiResponse refused = officer.api().delete(Keys.path(id));

        assertProblem(refused, 409, "invalid-state-transition");
        assertThat(refused.string("detail")).containsIgnoringCase("active");
        JsonObject key = Keys.get(officer.api(), id);
        assertThat(key.getString("state")).isEqualTo("ACTIVE");
        assertThat(key.getJsonArray("versions")).allSatisfy(
                v -> assertThat(v.asJsonObject().getBoolean("destroyed")).isFalse());
        assertThat(AuditTrail.about(auditor.api(), id)).filteredOn(r -> operation(r).equals("key.destroy"))
                .extracting(r -> r.getString("outcome"), r -> r.getString("reason"), KeyLifecycleIT::actor)
                .containsExactly(tuple("FAILED", "invalid-state-transition", officer.username()));
    }

    @Test
    void aKeyIsFoundByIdAndByNameByOfficersAndAuditors() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        String name = Keys.uniqueName("lookup");
        JsonObject created = Keys.createAes(officer.api(), name, false);
        String id = created.getString("id");

        for (Api api : List.of(officer.api(), auditor.api())) {
            JsonObject byId = Keys.get(api, id);
            JsonObject byName = Keys.get(api, name);
            assertThat(byId.getString("name")).isEqualTo(name);
            assertThat(byName.getString("id")).isEqualTo(id);
            assertThat(byName).isEqualTo(byId).isEqualTo(created);
            Keys.assertNoKeyMaterial(byId);
        }
    }

    @Test
    void aNameWithEveryPunctuationANameMayHaveIsFoundByName() {
        Account officer = Accounts.cryptoOfficer();
        String name = "app/db:prod@eu+" + UUID.randomUUID().toString().substring(0, 8) + "_v1.2-x";
        String id = Keys.createAes(officer.api(), name, false).getString("id");

        ApiResponse byName = officer.api().get(Keys.path(Keys.encode(name)));

        assertThat(byName.status()).as("%s", byName).isEqualTo(200);
        assertThat(byName.object().getString("id")).isEqualTo(id);
        assertThat(byName.object().getString("name")).isEqualTo(name);
    }

    @Test
    void theListFiltersByNamePrefixAndStateAndPages() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        String prefix = Keys.uniquePrefix("list");
        Keys.createAes(officer.api(), prefix + "a", false);
        Keys.createAes(officer.api(), prefix + "b", true);
        Keys.createAes(officer.api(), prefix + "c", false);
        Keys.createAes(officer.api(), "other-" + prefix + "d", true);
        String byName = Keys.BASE + "?name=" + Keys.encode(prefix);

        JsonObject first = list(officer.api(), byName + "&limit=2");
        JsonObject second = list(officer.api(), byName + "&limit=2&offset=2");
        JsonObject active = list(auditor.api(), byName + "&state=ACTIVE");
        JsonObject preActive = list(auditor.api(), byName + "&state=PRE_ACTIVE");

        assertThat(paging(first)).containsExactly(3, 0, 2);
        assertThat(names(first)).containsExactly(prefix + "a", prefix + "b");
        assertThat(paging(second)).containsExactly(3, 2, 2);
        assertThat(names(second)).containsExactly(prefix + "c");
        assertThat(active.getInt("total")).isEqualTo(1);
        assertThat(names(active)).containsExactly(prefix + "b");
        assertThat(preActive.getInt("total")).isEqualTo(2);
        assertThat(names(preActive)).containsExactly(prefix + "a", prefix + "c");
        for (JsonObject page : List.of(first, second, active, preActive)) {
            page.getJsonArray("items").forEach(item -> Keys.assertNoKeyMaterial(item.asJsonObject()));
        }
    }

    @Test
    void policyChangesBoundTheMinimumDecryptionVersionAndSetOrRemoveTheRotationPeriod() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        String id = Keys.createAes(officer.api(), Keys.uniqueName("policy"), true).getString("id");
        Keys.act(officer.api(), id, "rotate");

        JsonObject raised = policy(officer, id, Json.createObjectBuilder().add("minDecryptionVersion", 2).build());
        ApiResponse beyondCurrent = officer.api().put(Keys.path(id, "policy"),
                Json.createObjectBuilder().add("minDecryptionVersion", 3).build().toString());
        ApiResponse zero = officer.api().put(Keys.path(id, "policy"),
                Json.createObjectBuilder().add("minDecryptionVersion", 0).build().toString());

        assertThat(raised.getInt("minDecryptionVersion")).isEqualTo(2);
        assertProblem(beyondCurrent, 400, "invalid-request");
        assertProblem(zero, 400, "invalid-request");
        assertThat(Keys.get(officer.api(), id).getInt("minDecryptionVersion")).isEqualTo(2);

        Instant before = Instant.now();
        JsonObject monthly = policy(officer, id, Json.createObjectBuilder().add("rotationPeriod", "P30D").build());
        assertThat(monthly.getString("rotationPeriod")).isEqualTo("P30D");
        assertThat(Instant.parse(monthly.getString("nextRotation")))
                .isBetween(before.plus(Duration.ofDays(30)).minusSeconds(60),
                        Instant.now().plus(Duration.ofDays(30)).plusSeconds(60));

        JsonObject never = policy(officer, id, Json.createObjectBuilder().add("rotationPeriod", "none").build());
        assertThat(never.containsKey("rotationPeriod")).isFalse();
        assertThat(never.containsKey("nextRotation")).isFalse();
        assertThat(never.getInt("minDecryptionVersion")).isEqualTo(2);

        List<JsonObject> records = AuditTrail.about(auditor.api(), id);
        assertThat(records).filteredOn(r -> "SUCCESS".equals(r.getString("outcome")))
                .extracting(KeyLifecycleIT::operation, KeyLifecycleIT::actor, KeyLifecycleIT::objectVersion)
                .containsExactly(tuple("key.create", officer.username(), 1),
                        tuple("key.rotate", officer.username(), 2),
                        tuple("key.policy", officer.username(), 2),
                        tuple("key.policy", officer.username(), 2),
                        tuple("key.policy", officer.username(), 2));
        assertThat(records).filteredOn(r -> operation(r).equals("key.policy"))
                .extracting(r -> r.getString("details", ""))
                .anySatisfy(details -> assertThat(details).contains("minDecryptionVersion=2"))
                .anySatisfy(details -> assertThat(details).contains("rotationPeriod=P30D"))
                .anySatisfy(details -> assertThat(details).contains("rotationPeriod=none"));
        assertThat(records).filteredOn(r -> operation(r).equals("key.policy"))
                .extracting(r -> r.getString("outcome"), r -> r.getString("reason", null))
                .contains(tuple("FAILED", "invalid-request"));
    }

    @Test
    void attributesAreSetReplacedAndDeleted() {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        String id = Keys.create(officer.api(), Keys.aes(Keys.uniqueName("attributes"))
                .add("attributes", Json.createObjectBuilder().add("x-owner", "team a"))).getString("id");

        ApiResponse set = officer.api().put(Keys.path(id, "attributes"), Json.createObjectBuilder()
                .add("x-owner", "team b").add("cost center", "4711").build().toString());

        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertThat(attributes(set.object())).containsExactlyInAnyOrderEntriesOf(
                Map.of("x-owner", "team b", "cost center", "4711"));

        ApiResponse deleted = officer.api().delete(Keys.path(id, "attributes/x-owner"));

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        assertThat(attributes(Keys.get(auditor.api(), id))).containsExactly(Map.entry("cost center", "4711"));
        assertProblem(officer.api().delete(Keys.path(id, "attributes/x-owner")), 400, "invalid-attribute");

        assertThat(successes(auditor, id)).extracting(KeyLifecycleIT::operation, KeyLifecycleIT::actor)
                .containsExactly(tuple("key.create", officer.username()),
                        tuple("key.attribute.set", officer.username()),
                        tuple("key.attribute.delete", officer.username()));
        assertThat(successes(auditor, id).get(2).getString("details")).contains("name=x-owner");
    }

    private static JsonObject policy(Account officer, String id, JsonObject change) {
        ApiResponse response = officer.api().put(Keys.path(id, "policy"), change.toString());
        assertThat(response.status()).as("policy %s: %s", change, response).isEqualTo(200);
        Keys.assertNoKeyMaterial(response.object());
        return response.object();
    }

    private static JsonObject list(Api api, String path) {
        ApiResponse response = api.get(path);
        assertThat(response.status()).as("%s: %s", path, response).isEqualTo(200);
        return response.object();
    }

    /** total, offset, limit */
    private static List<Integer> paging(JsonObject page) {
        return List.of(page.getInt("total"), page.getInt("offset"), page.getInt("limit"));
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("items").stream().map(item -> item.asJsonObject().getString("name")).toList();
    }

    private static List<String> strings(JsonObject object, String field) {
        return object.getJsonArray(field).getValuesAs(JsonString::getString);
    }

    private static Map<String, String> attributes(JsonObject key) {
        return key.getJsonObject("attributes").entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString()));
    }

    private static List<JsonObject> successes(Account auditor, String id) {
        return AuditTrail.about(auditor.api(), id).stream()
                .filter(record -> "SUCCESS".equals(record.getString("outcome"))).toList();
    }

    private static String operation(JsonObject record) {
        return record.getString("operation");
    }

    private static String actor(JsonObject record) {
        return record.getString("actor");
    }

    private static Integer objectVersion(JsonObject record) {
        JsonValue version = record.get("objectVersion");
        return version == null ? null : record.getInt("objectVersion");
    }
}
