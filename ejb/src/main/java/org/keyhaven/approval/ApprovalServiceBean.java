package org.keyhaven.approval;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.JsonObject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import org.keyhaven.access.Role;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.CallContext;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.client.ClientService;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Times;
import org.keyhaven.key.KeyService;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.seal.MasterKeyRotation;
import org.keyhaven.seal.SealService;

/** See {@link ApprovalService}. Every decision is audited; a refused one too, with its own reason. */
@Stateless
@RolesAllowed({Roles.SECURITY_ADMIN, Roles.CRYPTO_OFFICER, Roles.AUDITOR})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(RefusalAudit.class)
public class ApprovalServiceBean implements ApprovalService {

    public static final int MAX_PAGE = 200;

    @Inject
    private ApprovalRepository repository;

    @Inject
    private MasterKeyHolder keys;

    @Inject
    private CallContext callContext;

    @EJB
    private AuditLog audit;

    @EJB
    private DualControlBean dualControl;

    @EJB
    private KeyService keyService;

    @EJB
    private ClientService clientService;

    @EJB
    private MasterKeyRotation masterKeyRotation;

    @EJB
    private SealService seal;

    @Resource
    private SessionContext context;

    @Override
    @AuditedOperation("approval.list")
    public List<ApprovalView> list(boolean pendingOnly, int offset, int limit) {
        keys.ring();
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "offset is 0 or more, limit 1 to " + MAX_PAGE);
        }
        Instant now = Times.now();
        return repository.list(pendingOnly, offset, limit).stream().map(request -> request.toView(now)).toList();
    }

    @Override
    @AuditedOperation(value = "approval.read", object = 0)
    public ApprovalView get(String id) {
        keys.ring();
        return repository.get(id).toView(Times.now());
    }

    @Override
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.CRYPTO_OFFICER})
    @AuditedOperation(value = "approval.approve", object = 0)
    public ApprovalView approve(String id) {
        keys.ring();
        String approver = context.getCallerPrincipal().getName();
        Instant now = Times.now();
        ApprovalRequest request = repository.get(id);
        boolean complete = request.approve(approver, callerRole(), now);
        written(request);
        audit.record(AuditEvent.of("approval.approve").object(request.id()).detail("operation", request.kind())
                .detail("requester", request.requester()).detail("approvals", request.approvers().size()));
        Operations operations = new Operations();
        if (complete) {
            execute(request, operations, now);
        }
        return request.toView(now).withHandover(operations.handover);
    }

    /** Carries the operation out for its requester, the approvers named in its audit records; then closes it. */
    private void execute(ApprovalRequest request, Operations operations, Instant now) {
        PendingOperation operation = request.operation();
        callContext.beginDelegation(new CallContext.Delegation(operation.kind().name(), request.requester(),
                request.approvers(), request.id()));
        JsonObject summary;
        try {
            summary = operation.execute(operations);
        } finally {
            callContext.endDelegation();
        }
        request.executed(summary, now);
        written(request);
        audit.record(AuditEvent.of("approval.execute").object(request.id()).detail("operation", request.kind())
                .detail("requester", request.requester()).detail("approvers", request.approvers()));
    }

    @Override
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.CRYPTO_OFFICER})
    @AuditedOperation(value = "approval.reject", object = 0)
    public ApprovalView reject(String id, String reason) {
        keys.ring();
        Instant now = Times.now();
        ApprovalRequest request = repository.get(id);
        request.reject(context.getCallerPrincipal().getName(), callerRole(), reason, now);
        written(request);
        audit.record(AuditEvent.of("approval.reject").object(request.id()).detail("operation", request.kind())
                .detail("requester", request.requester()));
        return request.toView(now);
    }

    @Override
    @AuditedOperation("approval.policy.read")
    public ApprovalPolicy policy() {
        keys.ring();
        return repository.policy();
    }

    @Override
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @AuditedOperation("approval.policy")
    public ApprovalPolicy changePolicy(ApprovalPolicy policy) {
        keys.ring();
        dualControl.check(new PendingOperation.ChangeApprovalPolicy(policy));
        repository.savePolicy(policy, callContext.actor(context.getCallerPrincipal().getName()), Times.now());
        audit.record(AuditEvent.of("approval.policy").detail("policy", policy.toJson()));
        return policy;
    }

    /** Writes the request now: a concurrent decision on it collides here, before anything is carried out. */
    private void written(ApprovalRequest request) {
        try {
            repository.flush();
        } catch (OptimisticLockException e) {
            throw new KeyhavenException(ErrorCode.CONCURRENT_MODIFICATION, "request " + request.id()
                    + " was decided concurrently; reload it", request.id());
        } catch (PersistenceException e) {
            if (uniqueViolation(e)) {
                // the unique constraint on (request, approver): the same approver, twice at once
                throw new KeyhavenException(ErrorCode.ALREADY_APPROVED, "you approved this request already",
                        request.id());
            }
            throw e;
        }
    }

    /** SQLSTATE 23505, unique violation (PostgreSQL and H2 alike). */
    private static boolean uniqueViolation(Throwable thrown) {
        for (Throwable t = thrown; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Role callerRole() {
        for (Role role : Role.values()) {
            if (context.isCallerInRole(role.name())) {
                return role;
            }
        }
        throw new KeyhavenException(ErrorCode.FORBIDDEN, "the caller holds no admin role");
    }

    /** The services the approved operation acts through, as the approver (whose role they require). */
    private final class Operations implements ApprovedOperations {

        /** Secrets for the approver's eyes only (new custodian shares), never stored. */
        private List<String> handover;

        @Override
        public KeyService keys() {
            return keyService;
        }

        @Override
        public ClientService clients() {
            return clientService;
        }

        @Override
        public void rotateMasterKey() {
            masterKeyRotation.start();
        }

        @Override
        public void rekeyUnsealKey(int shares, int threshold) {
            handover = seal.rekey(shares, threshold).shares();
        }

        @Override
        public void changePolicy(ApprovalPolicy policy) {
            context.getBusinessObject(ApprovalService.class).changePolicy(policy);
        }
    }
}
