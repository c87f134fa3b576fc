package org.keyhaven.approval;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.testing.Refusals.withCode;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.provider.Arguments;
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
import org.keyhaven.approval.PendingOperation.RekeyUnsealKey;
import org.keyhaven.approval.PendingOperation.RotateMasterKey;
import org.keyhaven.approval.PendingOperation.SetClientStatus;
import org.keyhaven.approval.PendingOperation.SetGrants;
import org.keyhaven.approval.PendingOperation.SetKeyAttributes;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.client.GrantSpec;
import org.keyhaven.client.GrantTarget;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyPolicyChange;
import org.keyhaven.key.KeySpec;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.RevocationReason;
import org.keyhaven.key.RotationPeriod;

/** Requests, operations and policies with test data, shared by the tests of this package. */
final class TestApprovals {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");
    static final Duration EXPIRY = Duration.ofHours(24);
    static final String KEY_ID = "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f";
    static final String CLIENT_ID = "0c0a0b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c";
    static final String OTHER_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    static final String FINGERPRINT = "5e".repeat(32);
    static final String CSR_PEM = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBcsr\n-----END CERTIFICATE REQUEST-----\n";
    static final String CERTIFICATE_PEM = "-----BEGIN CERTIFICATE-----\nMIICcert\n-----END CERTIFICATE-----\n";

    /** A crypto officer who asks; two others who may approve key, client and master key operations. */
    static final String REQUESTER = "alice";
    static final String BOB = "bob";
    static final String CAROL = "carol";

    private TestApprovals() {
    }

    /** A pending request by {@link #REQUESTER}, opened at {@link #T0}, expiring after {@link #EXPIRY}. */
    static ApprovalRequest open(PendingOperation operation, int required) {
        return ApprovalRequest.open(operation, REQUESTER, required, EXPIRY, T0);
    }

    static PendingOperation destroyKey() {
        return new ChangeKeyState(ApprovalKind.KEY_DESTROY, KEY_ID);
    }

    /** An EC key with everything a definition can hold: curve, usages, export, rotation, both dates, attributes. */
    static KeyDefinition fullDefinition() {
        return new KeyDefinition("signer-p384", KeySpec.of(KeyAlgorithm.EC, null, "P-384"),
                EnumSet.of(KeyUsage.SIGN, KeyUsage.VERIFY), true, new RotationPeriod("P90D"),
                T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofDays(400)),
                Map.of("x-owner", "team-a", "cost centre", "42 \"north\" caf\u00e9"));
    }

    static List<GrantSpec> grants() {
        return List.of(
                new GrantSpec(GrantTarget.KEY_ID, KEY_ID, EnumSet.of(GrantOperation.ENCRYPT, GrantOperation.DECRYPT)),
                new GrantSpec(GrantTarget.NAME, "payments", EnumSet.of(GrantOperation.SIGN)),
                new GrantSpec(GrantTarget.NAME_PREFIX, "orders-", EnumSet.of(GrantOperation.RETRIEVE,
                        GrantOperation.CREATE, GrantOperation.MANAGE)));
    }

    /** A policy naming every operation, with counts that differ between operations. */
    static ApprovalPolicy everyOperationNamed() {
        Map<ApprovalKind, Integer> quorum = new EnumMap<>(ApprovalKind.class);
        for (ApprovalKind kind : ApprovalKind.values()) {
            quorum.put(kind, kind.ordinal() % 3);
        }
        quorum.put(ApprovalKind.APPROVAL_POLICY, ApprovalPolicy.MAX_APPROVALS);
        return new ApprovalPolicy(quorum, Duration.ofHours(8));
    }

    static KeyPolicyChange fullPolicyChange() {
        return new KeyPolicyChange(3, new RotationPeriod("P30D"), false, T0.plus(Duration.ofDays(30)));
    }

    /** One operation of every record type (each kind of a key's state change, both client statuses), named. */
    static Stream<Arguments> everyOperation() {
        return Stream.of(
                named("create key", new CreateKey(fullDefinition(), true)),
                named("create key, not activated", new CreateKey(new KeyDefinition("payments",
                        KeySpec.of(KeyAlgorithm.AES, 128, null), null, false, null, null, null, null), false)),
                named("activate key", new ChangeKeyState(ApprovalKind.KEY_ACTIVATE, KEY_ID)),
                named("rotate key", new ChangeKeyState(ApprovalKind.KEY_ROTATE, KEY_ID)),
                named("deactivate key", new ChangeKeyState(ApprovalKind.KEY_DEACTIVATE, KEY_ID)),
                named("destroy key", new ChangeKeyState(ApprovalKind.KEY_DESTROY, KEY_ID)),
                named("revoke key with message", new RevokeKey(KEY_ID, RevocationReason.KEY_COMPROMISE,
                        "laptop \"stolen\"\nat caf\u00e9")),
                named("revoke key without message", new RevokeKey(KEY_ID, RevocationReason.SUPERSEDED, null)),
                named("change key policy, every field", new ChangeKeyPolicy(KEY_ID, fullPolicyChange())),
                named("change key policy, clearing rotation", new ChangeKeyPolicy(KEY_ID,
                        new KeyPolicyChange(null, null, true, null))),
                named("change key policy, no field", new ChangeKeyPolicy(KEY_ID,
                        new KeyPolicyChange(null, null, false, null))),
                named("set key attributes", new SetKeyAttributes(KEY_ID, Map.of("x-owner", "team-b",
                        "x-ticket", "SEC-1234"))),
                named("remove key attribute", new RemoveKeyAttribute(KEY_ID, "x-owner")),
                named("create client", new CreateClient("orders-app", CSR_PEM)),
                named("issue client certificate", new IssueClientCertificate(CLIENT_ID, CSR_PEM)),
                named("register client certificate", new RegisterClientCertificate(CLIENT_ID, CERTIFICATE_PEM)),
                named("revoke client certificate", new RevokeClientCertificate(CLIENT_ID, FINGERPRINT)),
                named("enable client", new SetClientStatus(CLIENT_ID, true)),
                named("disable client", new SetClientStatus(CLIENT_ID, false)),
                named("set grants", new SetGrants(CLIENT_ID, grants())),
                named("rotate master key", new RotateMasterKey()),
                named("rekey the unseal key", new RekeyUnsealKey(5, 3)),
                named("change approval policy", new ChangeApprovalPolicy(everyOperationNamed())),
                named("change approval policy to dual control", new ChangeApprovalPolicy(ApprovalPolicy.dualControl())));
    }

    private static Arguments named(String name, PendingOperation operation) {
        return Arguments.of(name, operation);
    }

    static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeyhavenException.class, withCode(code));
    }
}
