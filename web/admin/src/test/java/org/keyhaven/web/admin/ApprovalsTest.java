package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.access.Role;
import org.keyhaven.approval.ApprovalKind;
import org.keyhaven.approval.ApprovalStatus;
import org.keyhaven.approval.ApprovalView;

/**
 * Which approval requests an admin may act on: only pending ones, never their own, never one they approved already,
 * and only when they hold the role the operation's approvers must hold.
 */
class ApprovalsTest {

    private static final Instant REQUESTED = Instant.parse("2024-05-01T10:00:00Z");
    private static final String REQUESTER = "alice";
    private static final String ME = "bob";

    private static ApprovalView request(String id, ApprovalKind kind, ApprovalStatus status, String... approvers) {
        List<ApprovalView.Approver> approvals = Arrays.stream(approvers)
                .map(name -> new ApprovalView.Approver(name, REQUESTED.plusSeconds(60))).toList();
        return new ApprovalView(id, kind, "object-" + id, Json.createObjectBuilder().build(), REQUESTER, REQUESTED,
                REQUESTED.plusSeconds(86_400), 3, approvals, status, null, null, null, null, null);
    }

    private static ApprovalView pending(ApprovalKind kind, String... approvers) {
        return request("r1", kind, ApprovalStatus.PENDING, approvers);
    }

    @Test
    void anOfficerMayApproveAPendingKeyOperationOfSomeoneElse() {
        assertThat(Approvals.canApprove(pending(ApprovalKind.KEY_CREATE), ME, true, false)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ApprovalStatus.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void aDecidedRequestCannotBeApproved(ApprovalStatus status) {
        ApprovalView decided = request("r1", ApprovalKind.KEY_CREATE, status);

        assertThat(Approvals.canApprove(decided, ME, true, true)).isFalse();
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        assertThat(Approvals.canApprove(pending(ApprovalKind.KEY_DESTROY), REQUESTER, true, true)).isFalse();
    }

    @Test
    void someoneWhoApprovedAlreadyCannotApproveAgain() {
        ApprovalView approvedByMe = pending(ApprovalKind.KEY_DESTROY, "carol", ME);

        assertThat(Approvals.canApprove(approvedByMe, ME, true, false)).isFalse();
    }

    @Test
    void approvalsByOthersDoNotStopAnotherApprover() {
        ApprovalView approvedByOthers = pending(ApprovalKind.KEY_DESTROY, "carol", "dave");

        assertThat(Approvals.canApprove(approvedByOthers, ME, true, false)).isTrue();
    }

    @Test
    void namesAreComparedExactly() {
        ApprovalView approvedByBobUpperCase = pending(ApprovalKind.KEY_DESTROY, "Bob");

        assertThat(Approvals.canApprove(approvedByBobUpperCase, ME, true, false)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ApprovalKind.class, names = {"SEAL_REKEY", "APPROVAL_POLICY"},
            mode = EnumSource.Mode.EXCLUDE)
    void officerOperationsNeedTheCryptoOfficerRole(ApprovalKind kind) {
        assertThat(kind.approverRole()).isEqualTo(Role.CRYPTO_OFFICER);
        assertThat(Approvals.canApprove(pending(kind), ME, true, false)).isTrue();
        assertThat(Approvals.canApprove(pending(kind), ME, false, true)).isFalse();
        assertThat(Approvals.canApprove(pending(kind), ME, false, false)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ApprovalKind.class, names = {"SEAL_REKEY", "APPROVAL_POLICY"})
    void policyAndRekeyNeedTheSecurityAdminRole(ApprovalKind kind) {
        assertThat(kind.approverRole()).isEqualTo(Role.SECURITY_ADMIN);
        assertThat(Approvals.canApprove(pending(kind), ME, false, true)).isTrue();
        assertThat(Approvals.canApprove(pending(kind), ME, true, false)).isFalse();
        assertThat(Approvals.canApprove(pending(kind), ME, false, false)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ApprovalKind.class)
    void holdingBothRolesAllowsEveryKind(ApprovalKind kind) {
        assertThat(Approvals.canApprove(pending(kind), ME, true, true)).isTrue();
    }

    @Test
    void awaitingKeepsOnlyWhatICanApproveInTheOriginalOrder() {
        ApprovalView keyCreate = request("a", ApprovalKind.KEY_CREATE, ApprovalStatus.PENDING);
        ApprovalView policy = request("b", ApprovalKind.APPROVAL_POLICY, ApprovalStatus.PENDING);
        ApprovalView executed = request("c", ApprovalKind.KEY_ROTATE, ApprovalStatus.EXECUTED);
        ApprovalView approvedByMe = request("d", ApprovalKind.KEY_REVOKE, ApprovalStatus.PENDING, ME);
        ApprovalView clientGrants = request("e", ApprovalKind.CLIENT_GRANTS, ApprovalStatus.PENDING, "carol");

        List<ApprovalView> awaiting = Approvals.awaiting(
                List.of(keyCreate, policy, executed, approvedByMe, clientGrants), ME, true, false);

        assertThat(awaiting).extracting(ApprovalView::id).containsExactly("a", "e");
    }

    @Test
    void awaitingForASecurityAdminShowsOnlyPolicyAndRekeyRequests() {
        ApprovalView keyCreate = request("a", ApprovalKind.KEY_CREATE, ApprovalStatus.PENDING);
        ApprovalView policy = request("b", ApprovalKind.APPROVAL_POLICY, ApprovalStatus.PENDING);
        ApprovalView rekey = request("c", ApprovalKind.SEAL_REKEY, ApprovalStatus.PENDING);

        List<ApprovalView> awaiting = Approvals.awaiting(List.of(keyCreate, policy, rekey), ME, false, true);

        assertThat(awaiting).extracting(ApprovalView::id).containsExactly("b", "c");
    }

    @Test
    void awaitingOfNothingIsEmpty() {
        assertThat(Approvals.awaiting(List.of(), ME, true, true)).isEmpty();
    }

    @Test
    void anAuditorSeesNothingToApprove() {
        List<ApprovalView> all = Arrays.stream(ApprovalKind.values()).map(ApprovalsTest::pending).toList();

        assertThat(Approvals.awaiting(all, ME, false, false)).isEmpty();
    }
}
