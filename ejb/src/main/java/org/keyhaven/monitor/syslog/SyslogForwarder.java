package org.keyhaven.monitor.syslog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.common.BackgroundThread;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.system.ProductVersion;

/**
 * Runs {@link Delivery} for every destination, each on its own thread from the container's managed thread factory
 * (a collector that hangs holds up only its own destination), every {@link SyslogSettings#interval()} and at once
 * while a backlog drains. A supervisor thread starts and stops the destination threads as destinations come and go,
 * and closes a connection whose write has hung for {@value #WRITE_TIMEOUT_SECONDS} s (a blocking write has no
 * timeout of its own). Nothing is forwarded while sealed: the rows cannot be checked. No transaction is held while
 * sending; the database work is in {@link SyslogStore}. One server forwards (see {@link SyslogSettings#forward()}).
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "AuditChainer"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class SyslogForwarder {

    static final long WRITE_TIMEOUT_SECONDS = 30;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONFIRM_AFTER = Duration.ofMillis(500);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SyslogForwarder.class.getName());

    @Resource
    private ManagedThreadFactory threadFactory;

    @EJB
    private SyslogStore store;

    @Inject
    private MasterKeyHolder keys;

    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private SyslogSettings settings;
    private Map<SyslogFormat, RecordFormatter> formatters;
    private Senders senders;
    private BackgroundThread supervisor;

    @PostConstruct
    void start() {
        settings = SyslogSettings.fromSystemProperties();
        if (!settings.forward()) {
            LOG.info(() -> "audit records are not forwarded to syslog from this server ("
                    + SyslogSettings.FORWARD_PROPERTY + "=false)");
            return;
        }
        formatters = new EnumMap<>(SyslogFormat.class);
        formatters.put(SyslogFormat.RFC5424, new Rfc5424Formatter(settings.hostname()));
        formatters.put(SyslogFormat.CEF, new CefFormatter(settings.hostname(), ProductVersion.get()));
        senders = new Senders(CONNECT_TIMEOUT);
        supervisor = BackgroundThread.create(threadFactory, "keyhaven-syslog", this::supervise);
        supervisor.start();
    }

    @PreDestroy
    void stop() {
        if (supervisor != null) {
            supervisor.stop(STOP_WAIT);
        }
        workers.values().forEach(Worker::stop);
        workers.clear();
    }

    private void supervise() {
        boolean listingFailed = false;
        while (supervisor.running()) {
            try {
                reconcile();
                watchWrites();
                listingFailed = false;
            } catch (RuntimeException e) {
                if (supervisor.running() && !listingFailed) {
                    LOG.log(Level.WARNING, "syslog forwarding cannot list its destinations; retrying", e);
                }
                listingFailed = true;
            }
            try {
                Thread.sleep(settings.interval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A thread for each destination, none for deleted ones. */
    private void reconcile() {
        Set<String> ids = new HashSet<>(store.destinationIds());
        workers.entrySet().removeIf(entry -> {
            if (ids.contains(entry.getKey()) && !entry.getValue().finished) {
                return false;
            }
            entry.getValue().stop();
            return true;
        });
        for (String id : ids) {
            workers.computeIfAbsent(id, this::startWorker);
        }
    }

    private Worker startWorker(String id) {
        Worker worker = new Worker(new Delivery(id, store, senders::open, formatters::get, Clock.systemUTC(),
                CONFIRM_AFTER));
        worker.thread = BackgroundThread.create(threadFactory, "keyhaven-syslog-" + id.substring(0,
                Math.min(8, id.length())), worker::run);
        worker.thread.start();
        return worker;
    }

    private void watchWrites() {
        Instant limit = Instant.now().minusSeconds(WRITE_TIMEOUT_SECONDS);
        workers.forEach((id, worker) -> {
            Instant since = worker.delivery.sendingSince();
            if (since != null && since.isBefore(limit)) {
                LOG.warning(() -> "syslog destination " + id + ": a write has hung for more than "
                        + WRITE_TIMEOUT_SECONDS + " s; the connection is closed and the records are sent again");
                worker.delivery.abort();
            }
        });
    }

    /** One destination's thread: rounds of delivery, paced by what each round found. */
    private final class Worker {

        private final Delivery delivery;
        private BackgroundThread thread;
        private volatile boolean finished;
        private String lastProblem;

        Worker(Delivery delivery) {
            this.delivery = delivery;
        }

        void run() {
            try {
                while (thread.running()) {
                    long pause = roundAndPause();
                    if (pause < 0) {
                        return;
                    }
                    if (pause > 0) {
                        Thread.sleep(pause);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                finished = true;
                delivery.abort();
            }
        }

        /** Milliseconds to wait before the next round; negative when the destination is gone. */
        private long roundAndPause() {
            long interval = settings.interval().toMillis();
            if (keys.isSealed()) {
                return interval;
            }
            try {
                Delivery.Result result = delivery.round();
                lastProblem = null;
                return switch (result) {
                    case MORE -> 0;
                    case WAITING -> Math.min(interval, CONFIRM_AFTER.toMillis());
                    case GONE -> -1;
                    default -> interval;
                };
            } catch (RuntimeException e) {
                String problem = Delivery.describe(e);
                if (thread.running() && !problem.equals(lastProblem)) {
                    LOG.log(Level.WARNING, "syslog forwarding: a round failed; retrying", e);
                }
                lastProblem = problem;
                return interval;
            }
        }

        void stop() {
            delivery.abort();
            if (thread != null) {
                thread.stop(STOP_WAIT);
            }
        }
    }
}
