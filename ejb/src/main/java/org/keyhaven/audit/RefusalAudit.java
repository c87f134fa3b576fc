package org.keyhaven.audit;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.approval.ApprovalPendingException;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.monitor.OperationMeter;

/**
 * Records the refusal or failure of an {@link AuditedOperation} method independently of the action's transaction,
 * then lets the exception continue unchanged. If even that record cannot be written, the original failure still
 * reaches the caller (and the write failure is logged): the action was refused either way.
 * <p>
 * Being around every audited call, it also times each one for the operation metrics (JMX): a call that throws is an
 * error, except one that became a request for approval.
 */
public class RefusalAudit {

    private static final Logger LOG = Logger.getLogger(RefusalAudit.class.getName());

    @EJB
    private AuditLog auditLog;

    @Inject
    private OperationMeter meter;

    @AroundInvoke
    public Object audit(InvocationContext invocation) throws Exception {
        AuditedOperation operation = invocation.getMethod().getAnnotation(AuditedOperation.class);
        if (operation == null) {
            return invocation.proceed();
        }
        long started = System.nanoTime();
        boolean succeeded = false;
        try {
            Object result = invocation.proceed();
            succeeded = true;
            return result;
        } catch (KeyhavenException e) {
            if (!e.isAudited()) {
                record(AuditEvent.of(operation.value()).object(e.objectId() != null ? e.objectId()
                        : declaredObject(operation, invocation), e.objectVersion()).failed(e.code()));
                e.markAudited();
            }
            throw e;
        } catch (ApprovalPendingException e) {
            succeeded = true;
            throw e; // not a refusal: the request for approval is audited with it
        } catch (EJBAccessException e) {
            record(AuditEvent.of(operation.value()).failed(ErrorCode.FORBIDDEN));
            throw e;
        } catch (RuntimeException e) {
            KeyhavenException cause = keyhavenCause(e);
            if (cause != null) {
                // e.g. an integrity violation raised while the persistence provider loaded a row: report it as itself
                record(AuditEvent.of(operation.value()).object(cause.objectId()).failed(cause.code()));
                cause.markAudited();
                throw cause;
            }
            record(AuditEvent.of(operation.value()).failed(ErrorCode.INTERNAL));
            throw e;
        } finally {
            meter.record(operation.value(), succeeded, System.nanoTime() - started);
        }
    }

    /** The object the caller named, when the refusal came before the object was loaded (e.g. while sealed). */
    private static String declaredObject(AuditedOperation operation, InvocationContext invocation) {
        int index = operation.object();
        Object[] parameters = invocation.getParameters();
        return index >= 0 && index < parameters.length && parameters[index] instanceof String id
                && id.length() <= 255 ? id : null;
    }

    private static KeyhavenException keyhavenCause(Throwable thrown) {
        for (Throwable t = thrown.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof KeyhavenException keyhaven) {
                return keyhaven;
            }
        }
        return null;
    }

    private void record(AuditEvent event) {
        try {
            auditLog.recordIndependently(event);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not audit the refusal of " + event, e);
        }
    }
}
