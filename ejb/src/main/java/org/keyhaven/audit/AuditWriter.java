package org.keyhaven.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Writes an audit record inside the caller's transaction. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditWriter {

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    @Inject
    private AuditRecordPersister persister;

    public void insert(AuditRecord record) {
        persister.persist(em, record);
    }
}
