package org.keyhaven.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.it.support.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
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
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;
import org.keyhaven.it.support.RawHttps;

/**
 * Hostile and malformed input to the management API. Each is refused with a 4xx application/problem+json of the
 * documented stable type and a detail a person can act on; never a 500, never a stack trace or a Java class name;
 * and a refused creation leaves nothing behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final int BODY_LIMIT = 64 * 1024;

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    /**
     * Request bodies for {@code POST /api/v1/keys}. {@code {name}} stands for a fresh name under a prefix no other
     * test uses, {@code {number}} for a fresh number that would become the name if a number were taken for one.
     */
    static Stream<Arguments> refusedCreations() {
        String nested = "[".repeat(20_000) + "]".repeat(20_000);
        String attributes65 = IntStream.range(0, 65).mapToObj(i -> "\"a" + i + "\":\"v\"")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        return Stream.of(
                // not JSON, or not the JSON this operation takes
                refused("truncated JSON", "{\"name\":\"{name}\",\"algorithm\":", 400, "malformed-json"),
                refused("text after the JSON object", "{\"name\":\"{name}\",\"algorithm\":\"AES\"} trailing",
                        400, "malformed-json"),
                refused("an empty body", "", 400, "invalid-request"),
                refused("JSON null", "null", 400, "invalid-request"),
                refused("a JSON string", "\"AES\"", 400, "malformed-json"),
                refused("an empty JSON array", "[]", 400, "malformed-json"),
                refused("a JSON array holding a valid request", "[{\"name\":\"{name}\",\"algorithm\":\"AES\"}]",
                        400, "malformed-json"),
                refused("arrays nested 20000 deep",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"attributes\":" + nested + "}",
                        400, "malformed-json"),
                // wrong types
                refused("a length that is a word", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"length\":\"big\"}",
                        400, "malformed-json"),
                refused("a length with a fraction", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"length\":128.9}",
                        400, "malformed-json"),
                refused("a length beyond 32 bits that wraps to 128",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"length\":4294967424}", 400, "malformed-json"),
                refused("exportable as a string", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"exportable\":\"yes\"}",
                        400, "malformed-json"),
                refused("exportable as a number", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"exportable\":1}",
                        400, "malformed-json"),
                refused("a name that is a number", "{\"name\":{number},\"algorithm\":\"AES\"}", 400, "malformed-json"),
                refused("usage as a string instead of a list",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"usage\":\"ENCRYPT\"}", 400, "malformed-json"),
                refused("an algorithm that is an object", "{\"name\":\"{name}\",\"algorithm\":{\"name\":\"AES\"}}",
                        400, "malformed-json"),
                refused("an activation date that is not a date",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"activationDate\":\"tomorrow\"}",
                        400, "malformed-json"),
                refused("a misspelt property (exportble)",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"exportble\":true}", 400, "malformed-json"),
                // algorithms, lengths, curves, usages
                refused("an unknown algorithm", "{\"name\":\"{name}\",\"algorithm\":\"DES\"}", 400, "unknown-algorithm"),
                refused("a missing algorithm", "{\"name\":\"{name}\"}", 400, "invalid-request"),
                refused("AES of 100 bits", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"length\":100}",
                        400, "invalid-key-length"),
                refused("AES of 512 bits", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"length\":512}",
                        400, "invalid-key-length"),
                refused("RSA of 1024 bits", "{\"name\":\"{name}\",\"algorithm\":\"RSA\",\"length\":1024}",
                        400, "invalid-key-length"),
                refused("HMAC-SHA256 shorter than its hash",
                        "{\"name\":\"{name}\",\"algorithm\":\"HMAC-SHA256\",\"length\":128}", 400, "invalid-key-length"),
                refused("Ed25519 of 512 bits", "{\"name\":\"{name}\",\"algorithm\":\"Ed25519\",\"length\":512}",
                        400, "invalid-key-length"),
                refused("an unknown curve", "{\"name\":\"{name}\",\"algorithm\":\"EC\",\"curve\":\"P-999\"}",
                        400, "invalid-key-length"),
                refused("a length that contradicts the curve",
                        "{\"name\":\"{name}\",\"algorithm\":\"EC\",\"curve\":\"P-256\",\"length\":384}",
                        400, "invalid-key-length"),
                refused("a curve for an AES key", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"curve\":\"P-256\"}",
                        400, "invalid-key-length"),
                refused("a negative length", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"length\":-128}",
                        400, "invalid-request"),
                refused("sign usage for AES", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"usage\":[\"SIGN\"]}",
                        400, "invalid-usage"),
                refused("MAC usage for RSA", "{\"name\":\"{name}\",\"algorithm\":\"RSA\",\"usage\":[\"MAC\"]}",
                        400, "invalid-usage"),
                refused("any usage for secret data",
                        "{\"name\":\"{name}\",\"algorithm\":\"SECRET-DATA\",\"usage\":[\"ENCRYPT\"]}", 400, "invalid-usage"),
                refused("an unknown usage", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"usage\":[\"FLY\"]}",
                        400, "invalid-usage"),
                // names
                refused("an empty name", "{\"name\":\"\",\"algorithm\":\"AES\"}", 400, "invalid-request"),
                refused("a blank name", "{\"name\":\"   \",\"algorithm\":\"AES\"}", 400, "invalid-request"),
                refused("a name of 256 characters", "{\"name\":\"{name}{pad256}\",\"algorithm\":\"AES\"}",
                        400, "invalid-request"),
                refused("a name with a control character", "{\"name\":\"{name}\\u0007\",\"algorithm\":\"AES\"}",
                        400, "invalid-request"),
                refused("a name with a line break", "{\"name\":\"{name}\\nx\",\"algorithm\":\"AES\"}",
                        400, "invalid-request"),
                refused("a name with a space", "{\"name\":\"{name} x\",\"algorithm\":\"AES\"}", 400, "invalid-request"),
                refused("a name that looks like a key id", "{\"name\":\"{uuid}\",\"algorithm\":\"AES\"}",
                        400, "invalid-request"),
                // rotation period and dates
                refused("a rotation period that is a word",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"rotationPeriod\":\"sometimes\"}",
                        400, "invalid-request"),
                refused("a rotation period below the minimum",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"rotationPeriod\":\"PT1S\"}", 400, "invalid-request"),
                refused("a negative rotation period",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"rotationPeriod\":\"P-1D\"}", 400, "invalid-request"),
                refused("a rotation period past the end of the calendar",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"rotationPeriod\":\"P999999999Y\"}",
                        400, "invalid-request"),
                refused("a deactivation date before the activation date",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"activationDate\":\"2031-01-02T00:00:00Z\","
                                + "\"deactivationDate\":\"2031-01-01T00:00:00Z\"}", 400, "invalid-request"),
                // attributes
                refused("an attribute name with a control character",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"attributes\":{\"x-\\u0001\":\"v\"}}",
                        400, "invalid-attribute"),
                refused("an attribute value of 4001 characters",
                        "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"attributes\":{\"note\":\"" + "v".repeat(4001)
                                + "\"}}", 400, "invalid-request"),
                refused("65 attributes", "{\"name\":\"{name}\",\"algorithm\":\"AES\",\"attributes\":{" + attributes65
                        + "}}", 400, "invalid-request"));
    }

    private static Arguments refused(String what, String body, int status, String type) {
        return Arguments.of(what, body, status, type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCreations")
    void aRefusedCreationIsAProblemAndLeavesNothingBehind(String what, String template, int status, String type) {
        Account officer = Accounts.cryptoOfficer();
        String prefix = Keys.uniquePrefix("refused");
        String name = prefix + "key";
        String number = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        String body = template.replace("{name}", name).replace("{number}", number)
                .replace("{uuid}", UUID.randomUUID().toString())
                .replace("{pad256}", "x".repeat(256 - name.length()));

        ApiResponse response = officer.api().post(Keys.BASE, body);

        assertProblem(response, status, type);
        assertNothingCreated(officer.api(), prefix, name);
        assertProblem(officer.api().get(Keys.path(number)), 404, "key-not-found");
    }

    @Test
    void aRequestWithInvalidUtf8IsRefusedAsMalformedNotStoredWithReplacementCharacters() {
        Account officer = Accounts.cryptoOfficer();
        String prefix = Keys.uniquePrefix("utf8");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"name\":\"" + prefix + "key\",\"algorithm\":\"AES\",\"attributes\":{\"note\":\"caf")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        body.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));

        ApiResponse response = officer.api().send("POST", Keys.BASE, "application/json", body.toByteArray());

        assertProblem(response, 400, "malformed-json");
        assertNothingCreated(officer.api(), prefix, prefix + "key");
    }

    @Test
    void aDuplicateNameIsRefusedWith409AndTheExistingKeyStaysAsItWas() {
        Account officer = Accounts.cryptoOfficer();
        String name = Keys.uniqueName("taken");
        var original = Keys.createAes(officer.api(), name, true);

        ApiResponse duplicate = officer.api().post(Keys.BASE,
                Keys.request(name, "HMAC-SHA512").add("exportable", true).build().toString());

        assertProblem(duplicate, 409, "duplicate-name");
        assertThat(duplicate.string("detail")).contains(name);
        assertThat(Keys.count(officer.api(), name)).isOne();
        assertThat(Keys.get(officer.api(), name)).isEqualTo(original);
    }

    @Test
    void concurrentCreationsUnderOneNameMakeExactlyOneKey() {
        Account officer = Accounts.cryptoOfficer();
        String name = Keys.uniqueName("race");
        String body = Keys.aes(name).build().toString();
        // one request first, so the burst below finds the login cached and races on the name alone
        assertThat(Keys.count(officer.api(), name)).isZero();

        List<ApiResponse> responses = concurrently(6, () -> officer.api().post(Keys.BASE, body));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201).hasSize(5)
                .allSatisfy(r -> assertProblem(r, 409, "duplicate-name"));
        assertThat(Keys.count(officer.api(), name)).isOne();
    }

    @Test
    void parallelFirstRequestsOfOneUserAreAllAnswered() {
        Account auditor = Accounts.auditor();

        List<ApiResponse> responses = concurrently(6, () -> auditor.api().get("/api/v1/status"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(200));
    }

    @ParameterizedTest(name = "{0} /api/v1/keys/<unknown id>{1}")
    @CsvSource(delimiter = '|', value = {
        "GET    |                 |",
        "POST   | /activate       |",
        "POST   | /rotate         |",
        "POST   | /deactivate     |",
        "POST   | /revoke         | {\"reason\":\"KEY_COMPROMISE\"}",
        "DELETE |                 |",
        "PUT    | /policy         | {\"minDecryptionVersion\":1}",
        "PUT    | /attributes     | {\"x-owner\":\"nobody\"}",
        "DELETE | /attributes/note|",
    })
    void anUnknownKeyIdIsAnswered404KeyNotFound(String method, String suffix, String body) {
        Account officer = Accounts.cryptoOfficer();
        String id = UUID.randomUUID().toString();

        ApiResponse response = officer.api().send(method, Keys.path(id) + (suffix == null ? "" : suffix),
                "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 404, "key-not-found");
        assertThat(response.string("detail")).contains(id);
    }

    @Test
    void anUnknownKeyNameIsAnswered404KeyNotFound() {
        Account auditor = Accounts.auditor();
        String name = Keys.uniqueName("never-created");

        ApiResponse response = auditor.api().get(Keys.path(name));

        assertProblem(response, 404, "key-not-found");
        assertThat(response.string("detail")).contains(name);
    }

    @ParameterizedTest(name = "{1} of a {0} key")
    @CsvSource({
        "ACTIVE, activate",
        "ACTIVE, destroy",
        "DEACTIVATED, activate",
        "DEACTIVATED, deactivate",
        "DEACTIVATED, rotate",
        "COMPROMISED, activate",
        "COMPROMISED, rotate",
        "COMPROMISED, revoke-superseded",
        "COMPROMISED, revoke-compromise",
        "DESTROYED, activate",
        "DESTROYED, rotate",
        "DESTROYED, destroy",
        "DESTROYED, revoke-superseded",
        "DESTROYED_COMPROMISED, revoke-compromise",
        "DESTROYED_COMPROMISED, destroy",
    })
    void aTransitionTheLifecycleForbidsIsRefused409AndChangesNothing(String state, String action) {
        Account officer = Accounts.cryptoOfficer();
        String id = keyIn(officer.api(), state);
        var before = Keys.get(officer.api(), id);

        ApiResponse response = switch (action) {
            case "destroy" -> officer.api().delete(Keys.path(id));
            case "revoke-superseded" -> officer.api().post(Keys.path(id, "revoke"), "{\"reason\":\"SUPERSEDED\"}");
            case "revoke-compromise" -> officer.api().post(Keys.path(id, "revoke"), "{\"reason\":\"KEY_COMPROMISE\"}");
            default -> officer.api().post(Keys.path(id, action));
        };

        assertProblem(response, 409, "invalid-state-transition");
        assertThat(Keys.get(officer.api(), id)).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitWithContentLengthIsRefused413() {
        Account officer = Accounts.cryptoOfficer();
        String prefix = Keys.uniquePrefix("large");
        byte[] body = oversizedCreation(prefix + "key");

        ApiResponse response = officer.api().send("POST", Keys.BASE, "application/json", body);

        assertProblem(response, 413, "payload-too-large");
        assertNothingCreated(officer.api(), prefix, prefix + "key");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefused413() {
        Account officer = Accounts.cryptoOfficer();
        String prefix = Keys.uniquePrefix("chunked");
        byte[] body = oversizedCreation(prefix + "key");

        ApiResponse response = RawHttps.chunked(Api.MANAGEMENT_PORT, "POST", Keys.BASE,
                Api.basic(officer.username(), officer.password()), "application/json", body);

        assertProblem(response, 413, "payload-too-large");
        assertNothingCreated(officer.api(), prefix, prefix + "key");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAccepted() {
        Account officer = Accounts.cryptoOfficer();
        String name = Keys.uniqueName("chunked-small");

        ApiResponse response = RawHttps.chunked(Api.MANAGEMENT_PORT, "POST", Keys.BASE,
                Api.basic(officer.username(), officer.password()), "application/json",
                withAttributes(name, 15, 3900).getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(Keys.get(officer.api(), name).getJsonObject("attributes")).hasSize(15);
    }

    @Test
    void aBodyJustUnderTheLimitIsAccepted() {
        Account officer = Accounts.cryptoOfficer();
        String name = Keys.uniqueName("just-fits");
        String body = withAttributes(name, 16, 3960);
        assertThat(body.length()).isBetween(BODY_LIMIT - 2048, BODY_LIMIT);

        ApiResponse response = officer.api().post(Keys.BASE, body);

        assertThat(response.status()).as("%s", response).isEqualTo(201);
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void aBodyThatIsNotJsonByMediaTypeIsRefused415(String contentType) {
        Account officer = Accounts.cryptoOfficer();
        String prefix = Keys.uniquePrefix("media");

        ApiResponse response = officer.api().send("POST", Keys.BASE, contentType,
                Keys.aes(prefix + "key").build().toString().getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 415, "unsupported-media-type");
        assertNothingCreated(officer.api(), prefix, prefix + "key");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET,    /api/v1/keyz",
        "GET,    /api/v2/keys",
        "POST,   /api/v1/keys/{id}/explode",
        "GET,    /api/v1/keys/{id}/versions/1/material",
    })
    void anUnknownPathIsAnswered404Problem(String method, String path) {
        Account officer = Accounts.cryptoOfficer();
        String id = Keys.createAes(officer.api(), Keys.uniqueName("path"), true).getString("id");

        ApiResponse response = officer.api().send(method, path.replace("{id}", id), null, null);

        assertProblem(response, 404, "not-found");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "PATCH,  /api/v1/keys",
        "PUT,    /api/v1/keys",
        "DELETE, /api/v1/keys",
        "GET,    /api/v1/keys/{id}/rotate",
        "PATCH,  /api/v1/keys/{id}",
    })
    void aMethodTheResourceDoesNotTakeIsAnswered405(String method, String path) {
        Account officer = Accounts.cryptoOfficer();
        String id = Keys.createAes(officer.api(), Keys.uniqueName("method"), true).getString("id");

        ApiResponse response = officer.api().send(method, path.replace("{id}", id), "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 405, "method-not-allowed");
        assertThat(Keys.get(officer.api(), id).getString("state")).isEqualTo("ACTIVE");
    }

    @Test
    void a405NamesTheMethodsTheResourceTakes() {
        Account officer = Accounts.cryptoOfficer();

        ApiResponse response = officer.api().send("PATCH", Keys.BASE, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).as("Allow header (RFC 9110 section 15.5.6)")
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/api/v1/keys?limit=99999999999",
        "/api/v1/keys?offset=eleven",
        "/api/v1/audit?after=-9223372036854775809",
        "/api/v1/audit?limit=1e9",
    })
    void aQueryParameterThatIsNotANumberIsAnswered400(String path) {
        Account auditor = Accounts.auditor();

        ApiResponse response = auditor.api().get(path);

        assertProblem(response, 400, "invalid-request");
    }

    @Test
    void aHugeStateFilterIsRefused400WithoutEchoingIt() {
        Account auditor = Accounts.auditor();
        String huge = "ACTIVE".repeat(5_000);

        ApiResponse response = auditor.api().get(Keys.BASE + "?state=" + huge);

        assertProblem(response, 400, "invalid-request");
        assertThat(response.body()).hasSizeLessThan(2_000);
    }

    @Test
    void aNameFilterLongerThanAnyNameMatchesNothingOrIsRefused() {
        Account auditor = Accounts.auditor();

        ApiResponse response = auditor.api().get(Keys.BASE + "?name=" + "n".repeat(30_000));

        assertEmptyOrRefused(response);
        if (response.status() == 200) {
            assertThat(response.object().getInt("total")).isZero();
        }
    }

    @Test
    void aHugeAuditObjectFilterMatchesNothingOrIsRefused() {
        Account auditor = Accounts.auditor();

        ApiResponse response = auditor.api().get("/api/v1/audit?object=" + "o".repeat(30_000));

        assertEmptyOrRefused(response);
    }

    @Test
    void likeWildcardsInTheNameFilterMatchOnlyThemselves() {
        Account officer = Accounts.cryptoOfficer();
        Keys.createAes(officer.api(), Keys.uniqueName("wildcard"), false);

        for (String wildcard : List.of("%", "_", "%25", "wildcard%", "wildcard_")) {
            assertThat(Keys.count(officer.api(), wildcard)).as("keys matching %s", wildcard).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"reason\":\"BORED\"}                                   | invalid-request",
        "{\"reason\":\"KEY_COMPROMISE\",\"severity\":\"high\"}    | malformed-json",
        "{\"reason\":[\"KEY_COMPROMISE\"]}                        | malformed-json",
        "{\"reason\":\"KEY_COMPROMISE\",\"message\":\"{long}\"}   | invalid-request",
    })
    void anInvalidRevocationIsRefused400AndTheKeyStaysActive(String body, String type) {
        Account officer = Accounts.cryptoOfficer();
        String id = Keys.createAes(officer.api(), Keys.uniqueName("revocation"), true).getString("id");

        ApiResponse response = officer.api().post(Keys.path(id, "revoke"), body.replace("{long}", "m".repeat(513)));

        assertProblem(response, 400, type);
        assertThat(Keys.state(officer.api(), id)).isEqualTo("ACTIVE");
    }

    @ParameterizedTest(name = "rotationPeriod {0}")
    @ValueSource(strings = {"sometimes", "PT1S", "P-1D", "P999999999Y", "PT9000000000000H", "P1D2"})
    void anInvalidRotationPeriodInAPolicyChangeIsRefused400AndTheOldOneStays(String period) {
        Account officer = Accounts.cryptoOfficer();
        String id = Keys.create(officer.api(), Keys.aes(Keys.uniqueName("period")).add("activate", true)
                .add("rotationPeriod", "P30D")).getString("id");

        ApiResponse response = officer.api().put(Keys.path(id, "policy"),
                Json.createObjectBuilder().add("rotationPeriod", period).build().toString());

        assertProblem(response, 400, "invalid-request");
        assertThat(Keys.get(officer.api(), id).getString("rotationPeriod")).isEqualTo("P30D");
    }

    @Test
    void aPolicyChangeWithoutABodyIsRefused400() {
        Account officer = Accounts.cryptoOfficer();
        String id = Keys.createAes(officer.api(), Keys.uniqueName("no-policy"), true).getString("id");

        assertProblem(officer.api().send("PUT", Keys.path(id, "policy"), "application/json", null),
                400, "invalid-request");
        assertProblem(officer.api().put(Keys.path(id, "attributes"), "{}"), 400, "invalid-request");
    }

    /** Either an empty page or a 400 problem; in neither case the parameter echoed back. */
    private static void assertEmptyOrRefused(ApiResponse response) {
        assertThat(response.status()).as("%s", response.status()).isIn(200, 400);
        assertThat(response.body()).hasSizeLessThan(2_000);
        if (response.status() == 200) {
            assertThat(response.object().getJsonArray("items")).isEmpty();
        } else {
            assertProblem(response, 400, "invalid-request");
        }
    }

    private static void assertNothingCreated(Api api, String prefix, String name) {
        assertThat(Keys.count(api, prefix)).as("keys named %s...", prefix).isZero();
        assertProblem(api.get(Keys.path(Keys.encode(name).replace("+", "%20"))), 404, "key-not-found");
    }

    /** A key in the given state, reached through the API. */
    private static String keyIn(Api officer, String state) {
        boolean active = !state.equals("DESTROYED");
        String id = Keys.createAes(officer, Keys.uniqueName("transition"), active).getString("id");
        switch (state) {
            case "ACTIVE" -> {
            }
            case "DEACTIVATED" -> Keys.act(officer, id, "deactivate");
            case "COMPROMISED" -> revokeForCompromise(officer, id);
            case "DESTROYED" -> assertThat(officer.delete(Keys.path(id)).status()).isEqualTo(200);
            case "DESTROYED_COMPROMISED" -> {
                revokeForCompromise(officer, id);
                assertThat(officer.delete(Keys.path(id)).status()).isEqualTo(200);
            }
            default -> throw new IllegalArgumentException(state);
        }
        assertThat(Keys.state(officer, id)).isEqualTo(state);
        return id;
    }

    private static void revokeForCompromise(Api officer, String id) {
        assertThat(officer.post(Keys.path(id, "revoke"), "{\"reason\":\"KEY_COMPROMISE\"}").status()).isEqualTo(200);
    }

    /** A valid creation request with {@code count} attributes of {@code length} characters each. */
    private static String withAttributes(String name, int count, int length) {
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        for (int i = 0; i < count; i++) {
            attributes.add("note-" + i, "v".repeat(length));
        }
        return Keys.aes(name).add("attributes", attributes).build().toString();
    }

    /** A creation request that would be valid but for its size: 20 attributes of 3900 characters. */
    private static byte[] oversizedCreation(String name) {
        byte[] body = withAttributes(name, 20, 3900).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(BODY_LIMIT);
        return body;
    }

    /** Runs the call on {@code callers} threads released at the same moment. */
    private static List<ApiResponse> concurrently(int callers, Supplier<ApiResponse> call) {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<CompletableFuture<ApiResponse>> calls = IntStream.range(0, callers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                        return call.get();
                    }, pool)).toList();
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
