package org.keyhaven.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.approval.TestApprovals.assertRefused;
import static org.keyhaven.approval.TestApprovals.everyOperationNamed;
import static org.keyhaven.testing.Refusals.withCode;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** The dual-control policy: its two defaults, its JSON form, and the limits on what an administrator may set. */
class ApprovalPolicyTest {

    private static final Duration DAY = Duration.ofHours(24);

    @ParameterizedTest(name = "{0}")
    @EnumSource(ApprovalKind.class)
    void singleControlNeedsNoApprovalAnywhere(ApprovalKind kind) {
        assertThat(ApprovalPolicy.singleControl().required(kind)).isZero();
        assertThat(ApprovalPolicy.singleControl().expiry()).isEqualTo(DAY);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ApprovalKind.class)
    void dualControlNeedsOneApprovalEverywhere(ApprovalKind kind) {
        assertThat(ApprovalPolicy.dualControl().required(kind)).isEqualTo(1);
        assertThat(ApprovalPolicy.dualControl().expiry()).isEqualTo(DAY);
    }

    @Test
    void theJsonFormListsEveryOperation() {
        JsonObject json = ApprovalPolicy.dualControl().toJson();

        assertThat(json.getString("expiry")).isEqualTo("PT24H");
        assertThat(json.getJsonObject("quorum")).hasSize(ApprovalKind.values().length);
        assertThat(json.getJsonObject("quorum").getInt("KEY_DESTROY")).isEqualTo(1);
        assertThat(ApprovalPolicy.singleControl().toJson().getJsonObject("quorum").getInt("APPROVAL_POLICY"))
                .isZero();
    }

    @Test
    void aPolicyComesBackEqualFromItsJson() {
        for (ApprovalPolicy policy : new ApprovalPolicy[] {ApprovalPolicy.dualControl(), everyOperationNamed()}) {
            assertThat(ApprovalPolicy.fromJson(policy.toJson())).isEqualTo(policy);
            assertThat(ApprovalPolicy.fromJson(policy.toJson().toString())).isEqualTo(policy);
        }
    }

    @Test
    void aPolicyNamingSomeOperationsComesBackWithTheSameRequirements() {
        ApprovalPolicy policy = new ApprovalPolicy(Map.of(ApprovalKind.KEY_DESTROY, 2), Duration.ofHours(2));

        ApprovalPolicy read = ApprovalPolicy.fromJson(policy.toJson().toString());

        for (ApprovalKind kind : ApprovalKind.values()) {
            assertThat(read.required(kind)).as(kind.name()).isEqualTo(policy.required(kind));
        }
        assertThat(read.expiry()).isEqualTo(policy.expiry());
        assertThat(read.toJson()).isEqualTo(policy.toJson());
    }

    /** Policies are values: a policy read back from its JSON is equal to it, also when it names few operations. */
    @Test
    void aPolicyNamingSomeOperationsComesBackEqualFromItsJson() {
        ApprovalPolicy partial = new ApprovalPolicy(Map.of(ApprovalKind.KEY_DESTROY, 2), Duration.ofHours(2));

        assertThat(ApprovalPolicy.fromJson(partial.toJson())).isEqualTo(partial);
        assertThat(ApprovalPolicy.fromJson(ApprovalPolicy.singleControl().toJson()))
                .isEqualTo(ApprovalPolicy.singleControl());
    }

    @Test
    void operationsThePolicyDoesNotNameNeedNoApproval() {
        ApprovalPolicy policy = ApprovalPolicy.fromJson("{\"quorum\":{\"KEY_DESTROY\":2,\"master-key.rotate\":3}}");

        assertThat(policy.required(ApprovalKind.KEY_DESTROY)).isEqualTo(2);
        assertThat(policy.required(ApprovalKind.MASTER_KEY_ROTATE)).isEqualTo(3);
        for (ApprovalKind kind : ApprovalKind.values()) {
            if (kind != ApprovalKind.KEY_DESTROY && kind != ApprovalKind.MASTER_KEY_ROTATE) {
                assertThat(policy.required(kind)).as(kind.name()).isZero();
            }
        }
    }

    @Test
    void operationNamesAreReadCaseInsensitivelyWithDashesOrDots() {
        ApprovalPolicy policy = ApprovalPolicy.fromJson(
                "{\"quorum\":{\"key-create\":1,\"Client.Grants\":2,\" approval_policy \":3}}");

        assertThat(policy.required(ApprovalKind.KEY_CREATE)).isEqualTo(1);
        assertThat(policy.required(ApprovalKind.CLIENT_GRANTS)).isEqualTo(2);
        assertThat(policy.required(ApprovalKind.APPROVAL_POLICY)).isEqualTo(3);
    }

    @Test
    void aMissingExpiryIsTwentyFourHours() {
        assertThat(ApprovalPolicy.fromJson("{\"quorum\":{\"KEY_CREATE\":1}}").expiry()).isEqualTo(DAY);
        assertThat(new ApprovalPolicy(Map.of(), null).expiry()).isEqualTo(DAY);
    }

    @Test
    void anEmptyObjectIsSingleControl() {
        ApprovalPolicy policy = ApprovalPolicy.fromJson("{}");

        assertThat(policy.expiry()).isEqualTo(DAY);
        for (ApprovalKind kind : ApprovalKind.values()) {
            assertThat(policy.required(kind)).as(kind.name()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1S", "PT8H", "P1D", "P30D", "PT720H"})
    void expiriesFromOneSecondToThirtyDaysAreAccepted(String expiry) {
        assertThat(ApprovalPolicy.fromJson("{\"expiry\":\"" + expiry + "\"}").expiry())
                .isEqualTo(Duration.parse(expiry));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, ApprovalPolicy.MAX_APPROVALS})
    void countsFromZeroToFiveAreAccepted(int count) {
        assertThat(ApprovalPolicy.fromJson("{\"quorum\":{\"KEY_ROTATE\":" + count + "}}")
                .required(ApprovalKind.KEY_ROTATE)).isEqualTo(count);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"quorum\":{\"KEY_CREATE\":6}}",
            "{\"quorum\":{\"KEY_CREATE\":-1}}",
            "{\"quorum\":{\"KEY_CREATE\":1000}}",
            "{\"quorum\":{\"KEY_CREATE\":\"1\"}}",
            "{\"quorum\":{\"KEY_CREATE\":true}}",
            "{\"quorum\":{\"KEY_CREATE\":null}}",
            "{\"quorum\":{\"KEY_CREATE\":[1]}}",
            "{\"quorum\":{\"KEY_CREATE\":1.5}}",
            "{\"quorum\":{\"KEY_CREATE\":0.5}}",
            "{\"quorum\":{\"KEY_CREATE\":4294967297}}",
            "{\"quorum\":{\"KEY_CREATE\":1e10}}",
            "{\"quorum\":{\"KEY_SHRED\":1}}",
            "{\"quorum\":{\"\":1}}",
            "{\"expiry\":\"PT0S\"}",
            "{\"expiry\":\"PT0.5S\"}",
            "{\"expiry\":\"PT-1H\"}",
            "{\"expiry\":\"P31D\"}",
            "{\"expiry\":\"P30DT1S\"}",
            "{\"expiry\":\"tomorrow\"}",
            "{\"expiry\":\"\"}",
            "{\"expiry\":\"24h\"}",
            "{\"expiry\":24}",
            "{\"expiry\":null}",
            "{\"expiry\":\"PT9999999999999999999H\"}"})
    void anInvalidPolicyIsAnInvalidRequest(String json) {
        assertRefused(() -> ApprovalPolicy.fromJson(json), ErrorCode.INVALID_REQUEST);
        JsonObject object = Json.createReader(new StringReader(json)).readObject();
        assertRefused(() -> ApprovalPolicy.fromJson(object), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "[]", "[{\"quorum\":{}}]", "42", "\"dual\"", "null", "{", "{\"quorum\":{\"KEY_CREATE\":1}",
            "not json"})
    void textThatIsNoJsonObjectIsAnInvalidRequest(String text) {
        assertRefused(() -> ApprovalPolicy.fromJson(text), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void theConstructorEnforcesTheSameLimits() {
        assertRefused(() -> new ApprovalPolicy(Map.of(ApprovalKind.KEY_CREATE, 6), null), ErrorCode.INVALID_REQUEST);
        assertRefused(() -> new ApprovalPolicy(Map.of(ApprovalKind.KEY_CREATE, -1), null), ErrorCode.INVALID_REQUEST);
        Map<ApprovalKind, Integer> nullCount = new EnumMap<>(ApprovalKind.class);
        nullCount.put(ApprovalKind.KEY_CREATE, null);
        assertRefused(() -> new ApprovalPolicy(nullCount, null), ErrorCode.INVALID_REQUEST);
        Map<ApprovalKind, Integer> nullKind = new HashMap<>();
        nullKind.put(null, 1);
        assertRefused(() -> new ApprovalPolicy(nullKind, null), ErrorCode.INVALID_REQUEST);
        assertRefused(() -> new ApprovalPolicy(Map.of(), Duration.ofMillis(999)), ErrorCode.INVALID_REQUEST);
        assertRefused(() -> new ApprovalPolicy(Map.of(), Duration.ofDays(30).plusNanos(1)), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void thePolicyKeepsNoReferenceToTheCallersMap() {
        Map<ApprovalKind, Integer> quorum = new EnumMap<>(ApprovalKind.class);
        quorum.put(ApprovalKind.KEY_DESTROY, 2);
        ApprovalPolicy policy = new ApprovalPolicy(quorum, null);

        quorum.put(ApprovalKind.KEY_DESTROY, 0);

        assertThat(policy.required(ApprovalKind.KEY_DESTROY)).isEqualTo(2);
        assertThatThrownBy(() -> policy.quorum().put(ApprovalKind.KEY_CREATE, 0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anUnknownOperationIsNamedInTheRefusal() {
        assertThatThrownBy(() -> ApprovalPolicy.fromJson("{\"quorum\":{\"KEY_SHRED\":1}}"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("KEY_SHRED");
    }
}
