package org.keyhaven.monitor;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.seal.SealService;

/**
 * The readiness of this server for the public health endpoint: open to everyone (load balancers have no login),
 * outside any transaction, and never throwing: a seal status that cannot be read counts as sealed, a failed
 * database check as down.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Health {

    private static final Logger LOG = Logger.getLogger(Health.class.getName());

    @EJB
    private SealService seal;

    @EJB
    private MonitoringQueries queries;

    public Readiness readiness() {
        return new Readiness(sealed(), databaseUp());
    }

    private boolean sealed() {
        try {
            return seal.status().sealed();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the seal status cannot be read", e);
            return true;
        }
    }

    private boolean databaseUp() {
        try {
            return queries.databaseAnswers();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the database check failed", e);
            return false;
        }
    }
}
