package org.keyhaven.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.approval.TestApprovals.CLIENT_ID;
import static org.keyhaven.approval.TestApprovals.KEY_ID;
import static org.keyhaven.approval.TestApprovals.T0;
import static org.keyhaven.approval.TestApprovals.assertRefused;
import static org.keyhaven.approval.TestApprovals.fullDefinition;
import static org.keyhaven.approval.TestApprovals.fullPolicyChange;
import static org.keyhaven.approval.TestApprovals.grants;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.approval.PendingOperation.ChangeApprovalPolicy;
import org.keyhaven.approval.PendingOperation.ChangeKeyPolicy;
import org.keyhaven.approval.PendingOperation.ChangeKeyState;
import org.keyhaven.approval.PendingOperation.CreateKey;
import org.keyhaven.approval.PendingOperation.SetGrants;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.client.GrantTarget;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.key.EcCurve;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.RotationPeriod;

/** Operations stored as their kind and JSON parameters, and read back for execution: nothing may change on the way. */
class PendingOperationsReadTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.keyhaven.approval.TestApprovals#everyOperation")
    void everyOperationReadsBackEqualFromItsParameters(String name, PendingOperation operation) {
        PendingOperation read = PendingOperations.read(operation.kind(), operation.parameters().toString());

        assertThat(read).isEqualTo(operation);
        assertThat(read.getClass()).isEqualTo(operation.getClass());
        assertThat(read.kind()).isEqualTo(operation.kind());
        assertThat(read.objectId()).isEqualTo(operation.objectId());
        assertThat(read.parameters()).isEqualTo(operation.parameters());
    }

    @Test
    void aKeyDefinitionKeepsEveryFieldOnTheWay() {
        CreateKey read = (CreateKey) roundTrip(new CreateKey(fullDefinition(), true));

        KeyDefinition definition = read.definition();
        assertThat(read.activate()).isTrue();
        assertThat(definition.name()).isEqualTo("signer-p384");
        assertThat(definition.spec().algorithm()).isEqualTo(KeyAlgorithm.EC);
        assertThat(definition.spec().curve()).isEqualTo(EcCurve.P_384);
        assertThat(definition.spec().lengthBits()).isEqualTo(384);
        assertThat(definition.usages()).containsExactlyInAnyOrder(KeyUsage.SIGN, KeyUsage.VERIFY);
        assertThat(definition.exportable()).isTrue();
        assertThat(definition.rotationPeriod()).isEqualTo(new RotationPeriod("P90D"));
        assertThat(definition.activationDate()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(definition.deactivationDate()).isEqualTo(T0.plus(Duration.ofDays(400)));
        assertThat(definition.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("x-owner", "team-a",
                "cost centre", "42 \"north\" caf\u00e9"));
    }

    @Test
    void theParametersOfANewKeyAreWhatApproversSee() {
        JsonObject key = new CreateKey(fullDefinition(), false).parameters().getJsonObject("key");

        assertThat(key.getString("name")).isEqualTo("signer-p384");
        assertThat(key.getString("algorithm")).isEqualTo("EC");
        assertThat(key.getInt("length")).isEqualTo(384);
        assertThat(key.getString("curve")).isEqualTo("P-384");
        assertThat(key.getString("rotationPeriod")).isEqualTo("P90D");
        assertThat(key.getString("activationDate")).isEqualTo("2026-03-01T10:00:00.123456Z");
        assertThat(key.getJsonObject("attributes").getString("x-owner")).isEqualTo("team-a");
    }

    @Test
    void aKeyPolicyChangeKeepsEveryFieldOnTheWay() {
        ChangeKeyPolicy read = (ChangeKeyPolicy) roundTrip(new ChangeKeyPolicy(KEY_ID, fullPolicyChange()));

        assertThat(read.objectId()).isEqualTo(KEY_ID);
        assertThat(read.change().minDecryptionVersion()).isEqualTo(3);
        assertThat(read.change().rotationPeriod()).isEqualTo(new RotationPeriod("P30D"));
        assertThat(read.change().clearRotationPeriod()).isFalse();
        assertThat(read.change().deactivationDate()).isEqualTo(T0.plus(Duration.ofDays(30)));
    }

    @Test
    void grantsKeepTheirOrderTargetsAndOperations() {
        SetGrants read = (SetGrants) roundTrip(new SetGrants(CLIENT_ID, grants()));

        assertThat(read.grants()).isEqualTo(grants());
        assertThat(read.grants().get(2).targetKind()).isEqualTo(GrantTarget.NAME_PREFIX);
        assertThat(read.grants().get(2).operations()).containsExactlyInAnyOrder(GrantOperation.RETRIEVE,
                GrantOperation.CREATE, GrantOperation.MANAGE);
    }

    @Test
    void aPolicyNamingSomeOperationsReadsBackWithTheSameRequirements() {
        ApprovalPolicy policy = new ApprovalPolicy(Map.of(ApprovalKind.KEY_DESTROY, 3), Duration.ofHours(4));

        ChangeApprovalPolicy read = (ChangeApprovalPolicy) roundTrip(new ChangeApprovalPolicy(policy));

        for (ApprovalKind kind : ApprovalKind.values()) {
            assertThat(read.policy().required(kind)).as(kind.name()).isEqualTo(policy.required(kind));
        }
        assertThat(read.policy().expiry()).isEqualTo(Duration.ofHours(4));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ApprovalKind.class, names = {"KEY_ACTIVATE", "KEY_ROTATE", "KEY_DEACTIVATE", "KEY_DESTROY"})
    void aChangeOfStateKeepsItsKind(ApprovalKind kind) {
        PendingOperation read = roundTrip(new ChangeKeyState(kind, KEY_ID));

        assertThat(read).isEqualTo(new ChangeKeyState(kind, KEY_ID));
        assertThat(read.kind()).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ApprovalKind.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"KEY_ACTIVATE", "KEY_ROTATE", "KEY_DEACTIVATE", "KEY_DESTROY"})
    void onlyTheFourChangesOfStateAreChangesOfState(ApprovalKind kind) {
        assertThatThrownBy(() -> new ChangeKeyState(kind, KEY_ID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(kind.name());
    }

    @Test
    void storedParametersThatDoNotParseAreAnInternalError() {
        assertRefused(() -> PendingOperations.read(ApprovalKind.KEY_DESTROY, "{\"keyId\":"), ErrorCode.INTERNAL);
    }

    private static PendingOperation roundTrip(PendingOperation operation) {
        return PendingOperations.read(operation.kind(), operation.parameters().toString());
    }
}
