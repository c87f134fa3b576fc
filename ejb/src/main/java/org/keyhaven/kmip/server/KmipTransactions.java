package org.keyhaven.kmip.server;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** One container transaction around a whole KMIP batch (Batch Error Continuation Undo). */
@Stateless
@PermitAll
public class KmipTransactions {

    @Resource
    private SessionContext context;

    /**
     * Runs the work in one transaction. If it throws, the transaction is rolled back and the exception returned (not
     * thrown: a batch that is undone is an answer, not a container failure); null when the work completed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public RuntimeException runAtomically(Runnable work) {
        try {
            work.run();
            return null;
        } catch (RuntimeException e) {
            context.setRollbackOnly();
            return e;
        }
    }
}
