package org.keyhaven.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.keyhaven.approval.TestApprovals.BOB;
import static org.keyhaven.approval.TestApprovals.CAROL;
import static org.keyhaven.approval.TestApprovals.EXPIRY;
import static org.keyhaven.approval.TestApprovals.KEY_ID;
import static org.keyhaven.approval.TestApprovals.OTHER_ID;
import static org.keyhaven.approval.TestApprovals.T0;
import static org.keyhaven.approval.TestApprovals.assertRefused;
import static org.keyhaven.approval.TestApprovals.destroyKey;
import static org.keyhaven.approval.TestApprovals.open;
import static org.keyhaven.testing.Refusals.withCode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.access.Role;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.ProtectedRow;
import org.keyhaven.seal.TestRings;
import org.keyhaven.testing.Fields;

/**
 * Row MACs of approval requests: someone who can write to the database but holds no master key edits a column (say,
 * swaps the key a destruction concerns, or lowers the quorum), and Keyhaven must notice on load.
 */
class ApprovalRequestRowProtectionTest {

    private static final Instant APPROVED_AT = T0.plus(Duration.ofMinutes(5));

    /** Two master key versions, so that pointing a row at the other, existing, version can be tried too. */
    private final MasterKeyRing ring = TestRings.withVersions(1, 2);

    @AfterEach
    void sealRing() {
        TestRings.seal(ring);
    }

    /** Each column the row MAC covers, with an edit of it; values differ from those of {@link #request()}. */
    static Stream<Arguments> columnEdits() {
        return Stream.of(
                edit("id", OTHER_ID),
                edit("kind", ApprovalKind.KEY_DEACTIVATE),
                edit("objectId", OTHER_ID),
                edit("parameters", "{\"keyId\":\"" + OTHER_ID + "\"}"),
                edit("requester", "mallory"),
                edit("requestedAt", T0.minusSeconds(1)),
                edit("expiresAt", T0.plus(Duration.ofDays(30))),
                edit("required", 1),
                edit("approvedBy", "[{\"approver\":\"mallory\",\"at\":\"2026-11-29T12:00:01Z\"}]"),
                edit("status", ApprovalStatus.EXECUTED),
                edit("decidedAt", APPROVED_AT),
                edit("rejectedBy", BOB),
                edit("rejectionReason", "no"),
                edit("result", "{\"keyId\":\"" + KEY_ID + "\"}"),
                edit("mkVersion", 1));
    }

    /** Columns outside the row MAC, each with the reason. */
    private static final Map<String, String> COLUMNS_OUTSIDE_THE_MAC = Map.of(
            "rowMac", "the MAC itself",
            "rowVersion", "optimistic lock counter",
            "approvalRows", "rows of kh_approval, for the database's uniqueness only; approvedBy is what counts");

    @Test
    void aProtectedRequestVerifies() {
        ApprovalRequest request = request();

        request.protectWith(ring);

        assertThatCode(() -> request.verifyWith(ring)).doesNotThrowAnyException();
        assertThat(request.mkVersion()).isEqualTo(ring.currentVersion());
    }

    @Test
    void decidedRequestsVerifyToo() {
        ApprovalRequest rejected = request();
        rejected.reject(CAROL, Role.CRYPTO_OFFICER, "wrong key", APPROVED_AT);
        ApprovalRequest executed = open(destroyKey(), 1);
        executed.approve(BOB, Role.CRYPTO_OFFICER, APPROVED_AT);
        executed.executed(PendingOperations.key(KEY_ID), APPROVED_AT);

        for (ApprovalRequest request : List.of(rejected, executed)) {
            request.protectWith(ring);
            assertThatCode(() -> request.verifyWith(ring)).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columnEdits")
    void editingAnyColumnUnderTheMacIsAnIntegrityViolation(String column, Object value) {
        ApprovalRequest request = request();
        request.protectWith(ring);
        assertThat(Fields.get(request, column)).as("the edit must change %s", column).isNotEqualTo(value);

        Fields.set(request, column, value);

        assertThatThrownBy(() -> request.verifyWith(ring)).isInstanceOfSatisfying(KeyhavenException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_VIOLATION);
            assertThat(e.objectId()).isEqualTo(request.id());
        });
    }

    @Test
    void theEditTableCoversEveryColumnNotDeliberatelyLeftOut() {
        Set<String> edited = columnEdits().map(arguments -> (String) arguments.get()[0])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> columns = Fields.instanceFields(ApprovalRequest.class, ProtectedRow.class).stream()
                .filter(name -> !COLUMNS_OUTSIDE_THE_MAC.containsKey(name))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(edited).isEqualTo(columns);
    }

    @Test
    void aDecisionMadeWithoutReprotectingFailsAndReprotectingAcceptsIt() {
        ApprovalRequest request = request();
        request.protectWith(ring);

        request.approve(CAROL, Role.CRYPTO_OFFICER, APPROVED_AT.plusSeconds(1));

        assertRefused(() -> request.verifyWith(ring), ErrorCode.INTEGRITY_VIOLATION);
        request.protectWith(ring);
        assertThatCode(() -> request.verifyWith(ring)).doesNotThrowAnyException();
    }

    @Test
    void aRowThatWasNeverProtectedFails() {
        assertRefused(() -> request().verifyWith(ring), ErrorCode.INTEGRITY_VIOLATION);
    }

    @Test
    void aRowMacCopiedFromAnotherRequestFails() {
        ApprovalRequest first = request();
        ApprovalRequest second = request();
        first.protectWith(ring);
        second.protectWith(ring);

        Fields.set(second, "rowMac", ((byte[]) Fields.get(first, "rowMac")).clone());

        assertRefused(() -> second.verifyWith(ring), ErrorCode.INTEGRITY_VIOLATION);
    }

    /**
     * The quorum is the point of dual control: an approval row slipped into kh_approval (which carries no MAC of its
     * own) must not stand in for a second approver. Loading the request must fail, or the row must not count.
     */
    @Test
    void anApprovalRowAddedInTheDatabaseDoesNotCountTowardsTheQuorum() {
        ApprovalRequest request = open(destroyKey(), 2);
        request.protectWith(ring);
        approvals(request).add(new Approval(request, "mallory", T0.plusSeconds(1)));

        boolean[] complete = new boolean[1];
        Throwable refusal = catchThrowable(() -> {
            request.verifyWith(ring);
            complete[0] = request.approve(BOB, Role.CRYPTO_OFFICER, APPROVED_AT);
        });

        if (refusal != null) {
            assertThat(refusal).isInstanceOfSatisfying(KeyhavenException.class,
                    withCode(ErrorCode.INTEGRITY_VIOLATION));
        } else {
            assertThat(complete[0]).as("one genuine approval of two completed the request").isFalse();
        }
    }

    // --- fixtures ---

    /** A destruction of a key needing two approvals, approved once, pending. */
    private static ApprovalRequest request() {
        ApprovalRequest request = open(destroyKey(), 2);
        request.approve(BOB, Role.CRYPTO_OFFICER, APPROVED_AT);
        assertThat(request.toView(APPROVED_AT).expiresAt()).isEqualTo(T0.plus(EXPIRY));
        return request;
    }

    @SuppressWarnings("unchecked")
    private static List<Approval> approvals(ApprovalRequest request) {
        return (List<Approval>) Fields.get(request, "approvalRows");
    }

    private static Arguments edit(String column, Object value) {
        return Arguments.of(column, value);
    }
}
