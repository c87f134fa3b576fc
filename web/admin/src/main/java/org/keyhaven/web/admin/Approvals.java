package org.keyhaven.web.admin;

import java.util.List;
import org.keyhaven.access.Role;
import org.keyhaven.approval.ApprovalStatus;
import org.keyhaven.approval.ApprovalView;

/** Which requests an admin can act on: pending, someone else's, not approved by them yet, and for their role. */
public final class Approvals {

    private Approvals() {
    }

    public static List<ApprovalView> awaiting(List<ApprovalView> requests, String me, boolean officer,
            boolean securityAdmin) {
        return requests.stream().filter(request -> canApprove(request, me, officer, securityAdmin)).toList();
    }

    public static boolean canApprove(ApprovalView request, String me, boolean officer, boolean securityAdmin) {
        Role needed = request.operation().approverRole();
        boolean roleFits = needed == Role.CRYPTO_OFFICER ? officer : needed == Role.SECURITY_ADMIN && securityAdmin;
        return request.status() == ApprovalStatus.PENDING && roleFits && !request.requester().equals(me)
                && request.approvals().stream().noneMatch(approval -> approval.approver().equals(me));
    }
}
