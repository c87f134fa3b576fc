package org.keyhaven.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.approval.TestApprovals.BOB;
import static org.keyhaven.approval.TestApprovals.CAROL;
import static org.keyhaven.approval.TestApprovals.EXPIRY;
import static org.keyhaven.approval.TestApprovals.KEY_ID;
import static org.keyhaven.approval.TestApprovals.REQUESTER;
import static org.keyhaven.approval.TestApprovals.T0;
import static org.keyhaven.approval.TestApprovals.assertRefused;
import static org.keyhaven.approval.TestApprovals.destroyKey;
import static org.keyhaven.approval.TestApprovals.open;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.access.Role;
import org.keyhaven.approval.PendingOperation.ChangeApprovalPolicy;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.testing.Fields;

/** A request for approval as a plain object: who may decide it, when it is complete, when it is closed. */
class ApprovalRequestTest {

    private static final Role OFFICER = Role.CRYPTO_OFFICER;
    private static final Instant LATER = T0.plus(Duration.ofMinutes(5));
    private static final JsonObject SUMMARY = Json.createObjectBuilder().add("keyId", KEY_ID).build();

    @Test
    void anOpenedRequestIsPendingWithItsOperationAndNoApprovals() {
        ApprovalRequest request = open(destroyKey(), 2);

        ApprovalView view = request.toView(T0);

        assertThat(request.id()).isNotBlank();
        assertThat(request.kind()).isEqualTo(ApprovalKind.KEY_DESTROY);
        assertThat(request.requester()).isEqualTo(REQUESTER);
        assertThat(request.approvers()).isEmpty();
        assertThat(request.status(T0)).isEqualTo(ApprovalStatus.PENDING);
        assertThat(view.id()).isEqualTo(request.id());
        assertThat(view.operation()).isEqualTo(ApprovalKind.KEY_DESTROY);
        assertThat(view.objectId()).isEqualTo(KEY_ID);
        assertThat(view.parameters()).isEqualTo(destroyKey().parameters());
        assertThat(view.requester()).isEqualTo(REQUESTER);
        assertThat(view.requestedAt()).isEqualTo(T0);
        assertThat(view.expiresAt()).isEqualTo(T0.plus(EXPIRY));
        assertThat(view.required()).isEqualTo(2);
        assertThat(view.approvals()).isEmpty();
        assertThat(view.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(view.decidedAt()).isNull();
        assertThat(view.rejectedBy()).isNull();
        assertThat(view.rejectionReason()).isNull();
        assertThat(view.result()).isNull();
    }

    @Test
    void eachRequestGetsItsOwnId() {
        assertThat(open(destroyKey(), 1).id()).isNotEqualTo(open(destroyKey(), 1).id());
    }

    @Test
    void aRequestNeedingNoApprovalIsNotOpened() {
        assertThatThrownBy(() -> open(destroyKey(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        ApprovalRequest request = open(destroyKey(), 1);

        assertThatThrownBy(() -> request.approve(REQUESTER, OFFICER, LATER))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SELF_APPROVAL);
                    assertThat(e.objectId()).isEqualTo(request.id());
                });
        assertThat(request.approvers()).isEmpty();
        assertThat(request.status(LATER)).isEqualTo(ApprovalStatus.PENDING);
    }

    static Stream<Arguments> approversOfAnotherRole() {
        return Arrays.stream(ApprovalKind.values()).flatMap(kind -> Arrays.stream(Role.values())
                .filter(role -> role != kind.approverRole()).map(role -> Arguments.of(kind, role)));
    }

    @ParameterizedTest(name = "{1} approving {0}")
    @MethodSource("approversOfAnotherRole")
    void anApproverOfAnotherRoleThanTheOperationsIsRefused(ApprovalKind kind, Role role) {
        ApprovalRequest request = requestOf(kind, 1);

        assertRefused(() -> request.approve(BOB, role, LATER), ErrorCode.FORBIDDEN);
        assertThat(request.approvers()).isEmpty();
    }

    @Test
    void aSecurityAdministratorDoesNotApproveTheDestructionOfAKey() {
        assertRefused(() -> open(destroyKey(), 1).approve(BOB, Role.SECURITY_ADMIN, LATER), ErrorCode.FORBIDDEN);
    }

    @Test
    void aCryptoOfficerDoesNotApproveAChangeOfTheApprovalPolicy() {
        ApprovalRequest request = open(new ChangeApprovalPolicy(ApprovalPolicy.singleControl()), 1);

        assertRefused(() -> request.approve(BOB, Role.CRYPTO_OFFICER, LATER), ErrorCode.FORBIDDEN);
        assertThat(request.approve(BOB, Role.SECURITY_ADMIN, LATER)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ApprovalKind.class)
    void onlyTheApprovalPolicyAndTheUnsealKeyAreApprovedBySecurityAdministrators(ApprovalKind kind) {
        boolean administrators = kind == ApprovalKind.APPROVAL_POLICY || kind == ApprovalKind.SEAL_REKEY;
        assertThat(kind.approverRole()).isEqualTo(administrators ? Role.SECURITY_ADMIN : Role.CRYPTO_OFFICER);
    }

    @Test
    void nobodyApprovesTwice() {
        ApprovalRequest request = open(destroyKey(), 2);
        request.approve(BOB, OFFICER, LATER);

        assertRefused(() -> request.approve(BOB, OFFICER, LATER.plusSeconds(1)), ErrorCode.ALREADY_APPROVED);
        assertThat(request.approvers()).containsExactly(BOB);
        assertThat(request.toView(LATER).approvals()).hasSize(1);
    }

    @Test
    void approveAnswersTrueOnlyWhenTheQuorumIsReached() {
        ApprovalRequest request = open(destroyKey(), 2);

        assertThat(request.approve(BOB, OFFICER, LATER)).isFalse();
        assertThat(request.approve(CAROL, OFFICER, LATER.plusSeconds(1))).isTrue();

        assertThat(request.approvers()).containsExactly(BOB, CAROL);
        assertThat(request.status(LATER)).as("approving does not execute").isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void aSingleApprovalCompletesARequestThatNeedsOne() {
        assertThat(open(destroyKey(), 1).approve(BOB, OFFICER, LATER)).isTrue();
    }

    @Test
    void anExecutedRequestIsClosedForEveryFurtherDecision() {
        ApprovalRequest request = approvedBy(open(destroyKey(), 1), BOB);
        request.executed(SUMMARY, LATER);

        assertThat(request.status(LATER)).isEqualTo(ApprovalStatus.EXECUTED);
        assertRefused(() -> request.approve(CAROL, OFFICER, LATER), ErrorCode.APPROVAL_CLOSED);
        assertRefused(() -> request.reject(CAROL, OFFICER, "too late", LATER), ErrorCode.APPROVAL_CLOSED);
        assertThatThrownBy(() -> request.executed(SUMMARY, LATER)).isInstanceOf(IllegalStateException.class);
        assertThat(request.status(LATER)).isEqualTo(ApprovalStatus.EXECUTED);
        assertThat(request.approvers()).containsExactly(BOB);
    }

    @Test
    void aRejectedRequestIsClosedForEveryFurtherDecision() {
        ApprovalRequest request = open(destroyKey(), 2);
        request.approve(BOB, OFFICER, LATER);
        request.reject(CAROL, OFFICER, "wrong key", LATER);

        assertRefused(() -> request.approve(CAROL, OFFICER, LATER), ErrorCode.APPROVAL_CLOSED);
        assertRefused(() -> request.approve("dave", OFFICER, LATER), ErrorCode.APPROVAL_CLOSED);
        assertRefused(() -> request.reject(BOB, OFFICER, "me too", LATER), ErrorCode.APPROVAL_CLOSED);
        assertThatThrownBy(() -> request.executed(SUMMARY, LATER)).isInstanceOf(IllegalStateException.class);
        assertThat(request.status(LATER)).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(request.toView(LATER).rejectedBy()).isEqualTo(CAROL);
        assertThat(request.toView(LATER).rejectionReason()).isEqualTo("wrong key");
    }

    @Test
    void aClosedRequestStaysClosedAfterItsExpiry() {
        ApprovalRequest request = open(destroyKey(), 1);
        request.reject(BOB, OFFICER, null, LATER);
        Instant afterExpiry = T0.plus(EXPIRY).plusSeconds(1);

        assertThat(request.status(afterExpiry)).isEqualTo(ApprovalStatus.REJECTED);
        assertRefused(() -> request.approve(CAROL, OFFICER, afterExpiry), ErrorCode.APPROVAL_CLOSED);
    }

    @Test
    void aRequestMayBeDecidedUntilJustBeforeItExpires() {
        Instant lastMoment = T0.plus(EXPIRY).minusNanos(1_000);
        ApprovalRequest request = open(destroyKey(), 2);

        assertThat(request.status(lastMoment)).isEqualTo(ApprovalStatus.PENDING);
        assertThat(request.approve(BOB, OFFICER, lastMoment)).isFalse();
        request.reject(CAROL, OFFICER, null, lastMoment);
        assertThat(request.status(lastMoment)).isEqualTo(ApprovalStatus.REJECTED);
    }

    @Test
    void atItsExpiryARequestIsNeitherApprovedNorRejectedAndShowsAsExpired() {
        ApprovalRequest request = open(destroyKey(), 2);
        request.approve(BOB, OFFICER, LATER);
        Instant expiry = T0.plus(EXPIRY);

        assertThatThrownBy(() -> request.approve(CAROL, OFFICER, expiry))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.APPROVAL_EXPIRED);
                    assertThat(e.objectId()).isEqualTo(request.id());
                });
        assertRefused(() -> request.reject(CAROL, OFFICER, "stale", expiry), ErrorCode.APPROVAL_EXPIRED);
        assertRefused(() -> request.approve(CAROL, OFFICER, expiry.plus(Duration.ofDays(3))),
                ErrorCode.APPROVAL_EXPIRED);

        assertThat(request.status(expiry)).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(request.toView(expiry).status()).isEqualTo(ApprovalStatus.EXPIRED);
        assertThat(Fields.get(request, "status")).as("stored status").isEqualTo(ApprovalStatus.PENDING);
        assertThat(request.approvers()).containsExactly(BOB);
        assertThat(request.toView(expiry).rejectedBy()).isNull();
    }

    @Test
    void aRejectionRecordsWhoWhenAndWhy() {
        ApprovalRequest request = open(destroyKey(), 1);

        request.reject(BOB, OFFICER, "wrong key", LATER);

        ApprovalView view = request.toView(LATER);
        assertThat(view.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(view.rejectedBy()).isEqualTo(BOB);
        assertThat(view.rejectionReason()).isEqualTo("wrong key");
        assertThat(view.decidedAt()).isEqualTo(LATER);
        assertThat(view.result()).isNull();
    }

    @Test
    void aRejectionWithoutReasonKeepsNone() {
        ApprovalRequest request = open(destroyKey(), 1);

        request.reject(BOB, OFFICER, null, LATER);

        assertThat(request.toView(LATER).rejectionReason()).isNull();
        assertThat(request.toView(LATER).rejectedBy()).isEqualTo(BOB);
    }

    @Test
    void controlCharactersInAReasonAreReplaced() {
        ApprovalRequest request = open(destroyKey(), 1);

        request.reject(BOB, OFFICER, "wrong\nkey\u0007\t!", LATER);

        assertThat(request.toView(LATER).rejectionReason()).isEqualTo("wrong?key??!");
    }

    @Test
    void aReasonOfTheMaximumLengthIsKeptWhole() {
        String reason = "r".repeat(ApprovalRequest.MAX_REASON);
        ApprovalRequest request = open(destroyKey(), 1);

        request.reject(BOB, OFFICER, reason, LATER);

        assertThat(request.toView(LATER).rejectionReason()).isEqualTo(reason);
    }

    /** The rejection_reason column is VARCHAR(255): a longer reason must be cut to fit it. */
    @Test
    void aLongerReasonIsCutToTheMaximumLength() {
        ApprovalRequest request = open(destroyKey(), 1);

        request.reject(BOB, OFFICER, "x".repeat(300) + "\n", LATER);

        assertThat(request.toView(LATER).rejectionReason()).startsWith("x".repeat(200))
                .hasSizeLessThanOrEqualTo(ApprovalRequest.MAX_REASON).doesNotContain("\n");
    }

    @Test
    void theRequesterMayWithdrawTheirOwnRequest() {
        ApprovalRequest request = open(destroyKey(), 2);
        request.approve(BOB, OFFICER, LATER);

        request.reject(REQUESTER, OFFICER, "asked for the wrong key", LATER.plusSeconds(1));

        assertThat(request.status(LATER)).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(request.toView(LATER).rejectedBy()).isEqualTo(REQUESTER);
    }

    @ParameterizedTest(name = "{1} rejecting {0}")
    @MethodSource("approversOfAnotherRole")
    void aRejectionByAnotherRoleThanTheOperationsIsRefused(ApprovalKind kind, Role role) {
        ApprovalRequest request = requestOf(kind, 1);

        assertRefused(() -> request.reject(BOB, role, "no", LATER), ErrorCode.FORBIDDEN);
        assertThat(request.status(LATER)).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void executingBeforeTheQuorumIsAProgrammingError() {
        ApprovalRequest request = open(destroyKey(), 2);

        assertThatThrownBy(() -> request.executed(SUMMARY, LATER)).isInstanceOf(IllegalStateException.class);
        request.approve(BOB, OFFICER, LATER);
        assertThatThrownBy(() -> request.executed(SUMMARY, LATER)).isInstanceOf(IllegalStateException.class);

        assertThat(request.status(LATER)).isEqualTo(ApprovalStatus.PENDING);
        assertThat(request.toView(LATER).result()).isNull();
    }

    @Test
    void theViewShowsParametersApproversInOrderAndTheResult() {
        ApprovalRequest request = open(destroyKey(), 2);
        Instant first = LATER.plusNanos(123_456_789);
        Instant second = LATER.plusSeconds(30);
        request.approve(CAROL, OFFICER, first);
        request.approve(BOB, OFFICER, second);
        request.executed(SUMMARY, second);

        ApprovalView view = request.toView(second);

        assertThat(view.parameters()).isEqualTo(Json.createObjectBuilder().add("keyId", KEY_ID).build());
        assertThat(view.approvals()).containsExactly(
                new ApprovalView.Approver(CAROL, Instant.parse("2026-03-01T09:05:00.246912Z")),
                new ApprovalView.Approver(BOB, second));
        assertThat(view.status()).isEqualTo(ApprovalStatus.EXECUTED);
        assertThat(view.decidedAt()).isEqualTo(second);
        assertThat(view.result()).isEqualTo(SUMMARY);
        assertThat(view.rejectedBy()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.keyhaven.approval.TestApprovals#everyOperation")
    void theStoredOperationIsTheOneRequested(String name, PendingOperation operation) {
        ApprovalRequest request = open(operation, 1);

        assertThat(request.operation()).isEqualTo(operation);
        assertThat(request.kind()).isEqualTo(operation.kind());
        assertThat(request.toView(T0).objectId()).isEqualTo(operation.objectId());
    }

    // --- fixtures ---

    /** A request for the first sample operation of the kind. */
    private static ApprovalRequest requestOf(ApprovalKind kind, int required) {
        return open(TestApprovals.everyOperation().map(arguments -> (PendingOperation) arguments.get()[1])
                .filter(operation -> operation.kind() == kind).findFirst().orElseThrow(), required);
    }

    private static ApprovalRequest approvedBy(ApprovalRequest request, String approver) {
        assertThat(request.approve(approver, OFFICER, LATER)).isTrue();
        return request;
    }
}
