package org.keyhaven.monitor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;
import org.keyhaven.kmip.server.KmipListener;
import org.keyhaven.monitor.syslog.SyslogService;
import org.keyhaven.seal.SealService;
import org.keyhaven.system.SystemSettings;

/**
 * Puts Keyhaven's MBeans on the platform MBean server (which WildFly's JMX subsystem serves to management users over
 * its management interface) when the application starts, and takes them off when it stops. Every MBean is
 * read-only: attributes without setters, no operations, so JMX cannot change keys or security settings. The MBean
 * objects are plain and read through the services' container proxies, never through this bean.
 * <p>
 * A later MBean is added the same way: a {@code *MXBean} interface with its {@code OBJECT_NAME} and getters only, a
 * package-private implementation that reads through {@link Readings} (never throwing to the JMX client), and one
 * {@code register} line here.
 * <p>
 * The syslog MBeans, one per destination, follow the destinations: this bean's timer runs
 * {@link SyslogMBeans#refresh()} every {@link SyslogMBeans#REFRESH}, so a destination added through the API appears
 * within seconds and a deleted one disappears.
 */
@Singleton
@Startup
@DependsOn({"SealService", "SystemSettings", "KmipListener"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MonitoringRegistrar {

    private static final Logger LOG = Logger.getLogger(MonitoringRegistrar.class.getName());

    @EJB
    private SealService seal;

    @EJB
    private SystemSettings settings;

    @EJB
    private KmipListener kmip;

    @EJB
    private MonitoringQueries queries;

    @EJB
    private SyslogService syslog;

    @Resource
    private TimerService timers;

    @Inject
    private OperationMeter operations;

    @Inject
    private LastAuditVerification verifications;

    private MBeanRegistry registry;
    private OperationMetrics metrics;
    private SyslogMBeans syslogMBeans;

    @PostConstruct
    void register() {
        MBeanRegistry mbeans = new MBeanRegistry(ManagementFactory.getPlatformMBeanServer());
        registry = mbeans;
        Clock clock = Clock.systemUTC();
        mbeans.register(objectName(ServerMXBean.OBJECT_NAME),
                new ServerMonitor(seal::status, settings::environmentLabel));
        mbeans.register(objectName(KeysMXBean.OBJECT_NAME), new KeysMonitor(queries::keysByState, clock));
        mbeans.register(objectName(AuditMXBean.OBJECT_NAME),
                new AuditMonitor(queries::auditHeadSequence, verifications::last));
        mbeans.register(objectName(ClientsMXBean.OBJECT_NAME), new ClientsMonitor(queries::clientsByStatus, clock));
        mbeans.register(objectName(ApprovalsMXBean.OBJECT_NAME), new ApprovalsMonitor(queries::pendingApprovals));
        mbeans.register(objectName(KmipMXBean.OBJECT_NAME),
                new KmipMonitor(kmip::listening, kmip::openConnections));

        // one MBean per operation, from its first call on (the listener runs on the caller's thread)
        OperationMetrics operationMetrics = operations.metrics();
        metrics = operationMetrics;
        Consumer<String> addOperation = operation -> registerOperation(mbeans, operationMetrics, operation);
        operationMetrics.onFirstRecord(addOperation);
        operationMetrics.operations().forEach(addOperation);

        syslogMBeans = new SyslogMBeans(mbeans, syslog::backlogs, clock);
        long refresh = SyslogMBeans.REFRESH.toMillis();
        timers.createIntervalTimer(refresh, refresh, new TimerConfig("keyhaven-jmx-syslog", false));
    }

    @Timeout
    void refreshSyslog() {
        try {
            syslogMBeans.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not bring the syslog MBeans in step with the destinations", e);
        }
    }

    @PreDestroy
    void unregister() {
        metrics.onFirstRecord(null);
        syslogMBeans.close();
        registry.unregisterAll();
    }

    private static void registerOperation(MBeanRegistry mbeans, OperationMetrics metrics, String operation) {
        try {
            mbeans.register(OperationMonitor.objectName(operation), new OperationMonitor(metrics, operation));
        } catch (JMException e) {
            LOG.log(Level.WARNING, "no MBean for the operation " + operation, e);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
