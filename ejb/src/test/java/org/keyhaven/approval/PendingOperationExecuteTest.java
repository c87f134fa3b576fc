package org.keyhaven.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.approval.RecordingOperations.CHAIN_PEM;
import static org.keyhaven.approval.RecordingOperations.NEW_CLIENT_ID;
import static org.keyhaven.approval.RecordingOperations.NEW_KEY_ID;
import static org.keyhaven.approval.TestApprovals.BOB;
import static org.keyhaven.approval.TestApprovals.CAROL;
import static org.keyhaven.approval.TestApprovals.CERTIFICATE_PEM;
import static org.keyhaven.approval.TestApprovals.CLIENT_ID;
import static org.keyhaven.approval.TestApprovals.CSR_PEM;
import static org.keyhaven.approval.TestApprovals.FINGERPRINT;
import static org.keyhaven.approval.TestApprovals.KEY_ID;
import static org.keyhaven.approval.TestApprovals.T0;
import static org.keyhaven.approval.TestApprovals.everyOperationNamed;
import static org.keyhaven.approval.TestApprovals.fullDefinition;
import static org.keyhaven.approval.TestApprovals.fullPolicyChange;
import static org.keyhaven.approval.TestApprovals.grants;
import static org.keyhaven.approval.TestApprovals.open;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.access.Role;
import org.keyhaven.approval.PendingOperation.ChangeApprovalPolicy;
import org.keyhaven.approval.PendingOperation.ChangeKeyPolicy;
import org.keyhaven.approval.PendingOperation.ChangeKeyState;
import org.keyhaven.approval.PendingOperation.CreateClient;
import org.keyhaven.approval.PendingOperation.CreateKey;
import org.keyhaven.approval.PendingOperation.IssueClientCertificate;
import org.keyhaven.approval.PendingOperation.RegisterClientCertificate;
import org.keyhaven.approval.PendingOperation.RemoveKeyAttribute;
import org.keyhaven.approval.PendingOperation.RevokeClientCertificate;
import org.keyhaven.approval.PendingOperation.RevokeKey;
import org.keyhaven.approval.PendingOperation.RotateMasterKey;
import org.keyhaven.approval.PendingOperation.SetClientStatus;
import org.keyhaven.approval.PendingOperation.SetGrants;
import org.keyhaven.approval.PendingOperation.SetKeyAttributes;
import org.keyhaven.approval.RecordingOperations.Call;
import org.keyhaven.client.NewCertificate;
import org.keyhaven.key.RevocationReason;

/** An approved operation carries itself out through exactly one service call, and sums up what it did. */
class PendingOperationExecuteTest {

    static Stream<Arguments> operationsWithTheirCall() {
        Map<String, String> attributes = Map.of("x-owner", "team-b");
        return Stream.of(
                expect(new CreateKey(fullDefinition(), true),
                        Call.of("keys", "create", fullDefinition(), true), key(NEW_KEY_ID)),
                expect(new CreateKey(fullDefinition(), false),
                        Call.of("keys", "create", fullDefinition(), false), key(NEW_KEY_ID)),
                expect(new ChangeKeyState(ApprovalKind.KEY_ACTIVATE, KEY_ID),
                        Call.of("keys", "activate", KEY_ID), key(KEY_ID)),
                expect(new ChangeKeyState(ApprovalKind.KEY_ROTATE, KEY_ID),
                        Call.of("keys", "rotate", KEY_ID), key(KEY_ID)),
                expect(new ChangeKeyState(ApprovalKind.KEY_DEACTIVATE, KEY_ID),
                        Call.of("keys", "deactivate", KEY_ID), key(KEY_ID)),
                expect(new ChangeKeyState(ApprovalKind.KEY_DESTROY, KEY_ID),
                        Call.of("keys", "destroy", KEY_ID), key(KEY_ID)),
                expect(new RevokeKey(KEY_ID, RevocationReason.KEY_COMPROMISE, "laptop stolen"),
                        Call.of("keys", "revoke", KEY_ID, RevocationReason.KEY_COMPROMISE, "laptop stolen"),
                        key(KEY_ID)),
                expect(new RevokeKey(KEY_ID, RevocationReason.CESSATION_OF_OPERATION, null),
                        Call.of("keys", "revoke", KEY_ID, RevocationReason.CESSATION_OF_OPERATION, null),
                        key(KEY_ID)),
                expect(new ChangeKeyPolicy(KEY_ID, fullPolicyChange()),
                        Call.of("keys", "changePolicy", KEY_ID, fullPolicyChange()), key(KEY_ID)),
                expect(new SetKeyAttributes(KEY_ID, attributes),
                        Call.of("keys", "setAttributes", KEY_ID, attributes), key(KEY_ID)),
                expect(new RemoveKeyAttribute(KEY_ID, "x-owner"),
                        Call.of("keys", "removeAttribute", KEY_ID, "x-owner"), key(KEY_ID)),
                expect(new CreateClient("orders-app", CSR_PEM),
                        Call.of("clients", "create", "orders-app", CSR_PEM), certificate(NEW_CLIENT_ID)),
                expect(new IssueClientCertificate(CLIENT_ID, CSR_PEM),
                        Call.of("clients", "issueCertificate", CLIENT_ID, CSR_PEM), certificate(CLIENT_ID)),
                expect(new RegisterClientCertificate(CLIENT_ID, CERTIFICATE_PEM),
                        Call.of("clients", "registerCertificate", CLIENT_ID, CERTIFICATE_PEM), client(CLIENT_ID)),
                expect(new RevokeClientCertificate(CLIENT_ID, FINGERPRINT),
                        Call.of("clients", "revokeCertificate", CLIENT_ID, FINGERPRINT), client(CLIENT_ID)),
                expect(new SetClientStatus(CLIENT_ID, true),
                        Call.of("clients", "enable", CLIENT_ID), client(CLIENT_ID)),
                expect(new SetClientStatus(CLIENT_ID, false),
                        Call.of("clients", "disable", CLIENT_ID), client(CLIENT_ID)),
                expect(new SetGrants(CLIENT_ID, grants()),
                        Call.of("clients", "setGrants", CLIENT_ID, grants()), client(CLIENT_ID)),
                expect(new RotateMasterKey(),
                        Call.of("operations", "rotateMasterKey"),
                        Json.createObjectBuilder().add("masterKeyRotation", "started").build()),
                expect(new ChangeApprovalPolicy(everyOperationNamed()),
                        Call.of("operations", "changePolicy", everyOperationNamed()),
                        Json.createObjectBuilder().add("policy", "changed").build()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("operationsWithTheirCall")
    void executingCallsExactlyTheRightServiceMethodAndSumsUpItsResult(PendingOperation operation, Call call,
            JsonObject summary) {
        RecordingOperations services = new RecordingOperations();

        JsonObject result = operation.execute(services);

        assertThat(services.calls()).containsExactly(call);
        assertThat(result).isEqualTo(summary);
    }

    @Test
    void aNewCertificateIsSummedUpWithoutItsBundleAndThenWiped() {
        RecordingOperations services = new RecordingOperations();

        JsonObject result = new IssueClientCertificate(CLIENT_ID, CSR_PEM).execute(services);

        assertThat(result.keySet()).containsExactlyInAnyOrder("clientId", "fingerprint", "certificateChainPem");
        assertThat(result.toString()).doesNotContain("one-time");
        NewCertificate issued = services.certificates().get(0);
        assertThat(issued.pkcs12()).containsOnly(0);
        assertThat(issued.pkcs12Password()).containsOnly('\0');
    }

    @Test
    void anApprovedRequestCarriesOutTheOperationAsItWasRequested() {
        PendingOperation requested = new SetGrants(CLIENT_ID, grants());
        ApprovalRequest request = open(requested, 2);
        Instant now = T0.plusSeconds(90);
        request.approve(BOB, Role.CRYPTO_OFFICER, now);
        assertThat(request.approve(CAROL, Role.CRYPTO_OFFICER, now)).isTrue();
        RecordingOperations services = new RecordingOperations();

        request.executed(request.operation().execute(services), now);

        assertThat(services.calls()).containsExactly(Call.of("clients", "setGrants", CLIENT_ID, grants()));
        assertThat(request.toView(now).result()).isEqualTo(client(CLIENT_ID));
        assertThat(request.status(now)).isEqualTo(ApprovalStatus.EXECUTED);
    }

    // --- fixtures ---

    private static Arguments expect(PendingOperation operation, Call call, JsonObject summary) {
        return Arguments.of(operation, call, summary);
    }

    private static JsonObject key(String id) {
        return Json.createObjectBuilder().add("keyId", id).build();
    }

    private static JsonObject client(String id) {
        return Json.createObjectBuilder().add("clientId", id).build();
    }

    private static JsonObject certificate(String clientId) {
        return Json.createObjectBuilder().add("clientId", clientId).add("fingerprint", FINGERPRINT)
                .add("certificateChainPem", CHAIN_PEM).build();
    }
}
