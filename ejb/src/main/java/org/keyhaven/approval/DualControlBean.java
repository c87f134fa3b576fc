package org.keyhaven.approval;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.CallContext;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Times;

/**
 * The gate every management operation passes before it acts: it may go on at once when the policy needs no approval
 * for it, or when it is the approved operation being carried out; otherwise it becomes a request for approval,
 * committed with its audit record, and the caller gets {@link ApprovalPendingException}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DualControlBean {

    @Inject
    private ApprovalRepository repository;

    @Inject
    private CallContext callContext;

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext context;

    /**
     * For a form of an operation that cannot wait for approval (it would hand a secret to the approver): refused
     * while the policy needs approval for the operation.
     */
    public void requireSingleControl(ApprovalKind kind, String why) {
        if (repository.policy().required(kind) > 0) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, why);
        }
    }

    /** Returns when the operation may go on now; throws {@link ApprovalPendingException} when it waits. */
    public void check(PendingOperation operation) {
        if (callContext.takeApproved(operation.kind().name())) {
            return;
        }
        ApprovalPolicy policy = repository.policy();
        int required = policy.required(operation.kind());
        if (required == 0) {
            return;
        }
        Instant now = Times.now();
        ApprovalRequest request = ApprovalRequest.open(operation, context.getCallerPrincipal().getName(), required,
                policy.expiry(), now);
        repository.add(request);
        audit.record(AuditEvent.of("approval.request").object(request.id()).detail("operation", operation.kind())
                .detail("object", operation.objectId()).detail("required", required));
        throw new ApprovalPendingException(request.toView(now));
    }
}
