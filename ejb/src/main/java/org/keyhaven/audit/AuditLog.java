package org.keyhaven.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.keyhaven.access.Roles;
import org.keyhaven.common.AfterCommit;
import org.keyhaven.common.Times;

/**
 * Writes audit records. Audit cannot be switched off: there is no setting that skips a record, and a record that
 * cannot be written fails the action.
 * <ul>
 * <li>{@link #record} joins the caller's transaction (MANDATORY): the action and its record commit together or not
 * at all.</li>
 * <li>{@link #recordIndependently} is for outcomes that must survive a rolled-back action (refusals, failed
 * logins): the record is committed by the {@link AuditGroupCommitter}, many callers sharing one commit, before
 * this method returns.</li>
 * </ul>
 */
@Stateless
@PermitAll
public class AuditLog {

    private static final String ANONYMOUS = "anonymous";

    @EJB
    private AuditWriter writer;

    @Resource
    private SessionContext context;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private CallContext callContext;

    @EJB
    private AuditGroupCommitter committer;

    @Inject
    private AuditChainSignal chainSignal;

    @Inject
    private ActivityMeter activity;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditEvent event) {
        writer.insert(newRecord(event));
        afterCommit.run(chainSignal::wake);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void recordIndependently(AuditEvent event) {
        committer.commit(List.of(newRecord(event)));
    }

    /** Several records committed independently, waiting once for all of them (a batch of operations). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void recordAllIndependently(List<AuditEvent> events) {
        if (!events.isEmpty()) {
            committer.commit(events.stream().map(this::newRecord).toList());
        }
    }

    private AuditRecord newRecord(AuditEvent event) {
        String actor = event.explicitActor();
        ActorType actorType = event.explicitActorType();
        if (actor == null && callContext.delegation().isPresent()) {
            CallContext.Delegation delegation = callContext.delegation().get();
            actor = delegation.requester();
            actorType = ActorType.USER;
            event.detail("approvedBy", delegation.approvers()).detail("approval", delegation.approvalId());
        } else if (actor == null) {
            actor = context.getCallerPrincipal().getName();
            actorType = ANONYMOUS.equals(actor) ? ActorType.ANONYMOUS
                    : actor.startsWith(Roles.CLIENT_PRINCIPAL_PREFIX) ? ActorType.CLIENT : ActorType.USER;
        }
        java.time.Instant now = Times.now();
        activity.count(now);
        return new AuditRecord(event, actor, actorType, callContext.clientAddress(), callContext.port(), now);
    }
}
