package org.keyhaven.key;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.DependsOn;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.seal.MasterKeyHolder;

/**
 * Runs {@link KeyMaintenance} every {@value #INTERVAL_PROPERTY} seconds (default 60). A failure on one key is
 * logged and does not stop the others.
 */
@Singleton
@Startup
@DependsOn("SealService")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyLifecycleScheduler {

    public static final String INTERVAL_PROPERTY = "keyhaven.scheduler.interval-seconds";
    private static final Logger LOG = Logger.getLogger(KeyLifecycleScheduler.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private KeyMaintenance maintenance;

    @Inject
    private MasterKeyHolder keys;

    @PostConstruct
    void schedule() {
        long interval = Long.getLong(INTERVAL_PROPERTY, 60L) * 1000L;
        timers.createIntervalTimer(interval, interval, new TimerConfig("keyhaven-key-lifecycle", false));
    }

    @Timeout
    void run() {
        if (keys.isSealed()) {
            return;
        }
        for (String id : maintenance.dueKeyIds()) {
            try {
                maintenance.applyDue(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "scheduled lifecycle change of key " + id + " failed", e);
            }
        }
    }
}
