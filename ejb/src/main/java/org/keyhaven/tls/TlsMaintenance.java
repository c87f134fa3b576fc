package org.keyhaven.tls;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.client.CertificateAuthorities;
import org.keyhaven.client.TrustAnchor;
import org.keyhaven.client.TrustChanged;
import org.keyhaven.seal.DataDirectory;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.seal.Unsealed;

/**
 * Keeps the TLS key stores right: the server's own identity (a key pair generated in the TLS key store, its
 * certificate issued by the internal CA for the configured host names, renewed 30 days before it expires) and the
 * client trust store (exactly the enabled CAs). Runs once the server has booted and Keyhaven is unsealed, daily after
 * that, and whenever the set of CAs changes.
 */
@Singleton
@Startup
@DependsOn({"SealService", "InternalCaBootstrap"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class TlsMaintenance {

    public static final String HOSTNAMES_PROPERTY = "keyhaven.tls.hostnames";
    public static final String IP_ADDRESSES_PROPERTY = "keyhaven.tls.ip-addresses";
    private static final Logger LOG = Logger.getLogger(TlsMaintenance.class.getName());
    private static final String ALIAS_PREFIX = "keyhaven-";
    private static final String TRUSTED_PREFIX = "ca-";
    private static final String PROVISIONAL_ALIAS = "keyhaven-provisional";
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(10);

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private TimerService timers;

    @Inject
    private ServerManagement management;

    @Inject
    private ElytronKeyStores stores;

    @Inject
    private MasterKeyHolder keys;

    @EJB
    private CertificateAuthorities authorities;

    private final Object lock = new Object();
    private volatile boolean ready;

    @PostConstruct
    void start() {
        executor.submit(this::refreshOnceRunning);
        long day = Duration.ofDays(1).toMillis();
        timers.createIntervalTimer(day, day, new TimerConfig("keyhaven-tls-renewal", false));
    }

    /** Whether the server's identity and the client trust store have been put in place since start. */
    public boolean ready() {
        return ready;
    }

    @Timeout
    void daily() {
        if (!keys.isSealed() && management.running()) {
            executor.submit(this::refreshLogged);
        }
    }

    /**
     * A change of the trusted CAs: the trust store follows at once. The work runs on the managed executor, not in
     * this invocation: management operations wait for the server's controller lock, which an undeployment holds
     * while it waits for this bean's invocations to end, so doing them here could stall an undeployment.
     */
    public void onTrustChanged(@ObservesAsync TrustChanged change) {
        executor.submit(this::refreshLogged);
    }

    /** After a manual unseal the key stores are brought up to date (the CA may only exist now). */
    public void onUnsealed(@Observes Unsealed event) {
        executor.submit(this::refreshOnceRunning);
    }

    /** Brings both key stores up to date now. */
    public void refresh() {
        synchronized (lock) {
            ensureServerIdentity();
            publishClientTrustAnchors();
            ready = true;
        }
    }

    private void refreshLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "cannot bring Keyhaven's TLS key stores up to date", e);
        }
    }

    private void refreshOnceRunning() {
        Instant deadline = Instant.now().plus(STARTUP_WAIT);
        if (!waitUntil(management::running, deadline)) {
            return;
        }
        if (keys.isSealed()) {
            // the unseal (its Unsealed event) brings the rest, once the internal CA can exist
            provisionalIdentityIfNone();
            return;
        }
        if (!waitUntil(authorities::hasInternalCa, deadline)) {
            return;
        }
        try {
            refresh();
            LOG.info("Keyhaven TLS identity and client trust store are in place");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "cannot put Keyhaven's TLS identity or client trust store in place", e);
        }
    }

    /** Waits (bounded) for the condition; false if interrupted, or still false at the deadline (logged). */
    private static boolean waitUntil(BooleanSupplier condition, Instant deadline) {
        while (!condition.getAsBoolean()) {
            if (!Instant.now().isBefore(deadline)) {
                LOG.warning("Keyhaven's TLS key stores wait for the server to run and for the internal CA; they are"
                        + " brought up to date at the next unseal");
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * A server that starts sealed before it ever had a TLS identity (custodian mode, first start) has no internal CA
     * to issue one: it serves a provisional self-signed certificate, so that administrators and custodians can reach
     * the management port to initialise and unseal. The internal CA's certificate replaces it once unsealed.
     */
    private void provisionalIdentityIfNone() {
        synchronized (lock) {
            List<String> present = stores.aliases(ElytronKeyStores.TLS_KEY_STORE);
            if (!present.isEmpty()) {
                return;
            }
            stores.generateKeyPair(ElytronKeyStores.TLS_KEY_STORE, PROVISIONAL_ALIAS, "EC", 256,
                    "CN=" + hostnames().get(0));
            keepOnly(PROVISIONAL_ALIAS, present, true);
            LOG.warning("Keyhaven is sealed and has no TLS identity yet: it serves a provisional self-signed"
                    + " certificate until it is unsealed");
        }
    }

    private void ensureServerIdentity() {
        Properties identity = readIdentity();
        String alias = identity.getProperty("alias");
        Instant notAfter = identity.containsKey("notAfter") ? Instant.parse(identity.getProperty("notAfter")) : null;
        List<String> present = stores.aliases(ElytronKeyStores.TLS_KEY_STORE);
        if (alias != null && present.contains(alias) && notAfter != null
                && notAfter.isAfter(Instant.now().plus(RENEW_BEFORE))) {
            keepOnly(alias, present, false);
            return;
        }
        String next = ALIAS_PREFIX + Instant.now().toEpochMilli();
        List<String> dnsNames = hostnames();
        Path dir = DataDirectory.keyhavenDir().resolve("tls");
        Path csr = dir.resolve("server.csr");
        Path chain = dir.resolve("server-chain.pem");
        try {
            Files.createDirectories(dir);
            stores.generateKeyPair(ElytronKeyStores.TLS_KEY_STORE, next, "EC", 256, "CN=" + dnsNames.get(0));
            stores.writeCertificateSigningRequest(ElytronKeyStores.TLS_KEY_STORE, next, csr);
            String issued = authorities.issueServerCertificateChain(Files.readString(csr, StandardCharsets.US_ASCII),
                    dnsNames, ipAddresses());
            Files.writeString(chain, issued, StandardCharsets.US_ASCII);
            stores.importCertificate(ElytronKeyStores.TLS_KEY_STORE, next, chain, false);
            keepOnly(next, present, true);
            writeIdentity(next, PemCertificates.notAfterOfFirst(issued));
            LOG.info(() -> "Keyhaven TLS identity issued by the internal CA for " + dnsNames + " " + ipAddresses());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(csr);
            deleteQuietly(chain);
        }
    }

    /**
     * Leaves one identity in the key store, so the key manager cannot choose another; stores and reloads the key
     * store when anything changed.
     */
    private void keepOnly(String alias, List<String> present, boolean changed) {
        for (String old : present) {
            if (!old.equals(alias)) {
                stores.removeAlias(ElytronKeyStores.TLS_KEY_STORE, old);
                changed = true;
            }
        }
        if (changed) {
            stores.store(ElytronKeyStores.TLS_KEY_STORE);
            stores.reinitialiseKeyManager(ElytronKeyStores.TLS_KEY_STORE);
        }
    }

    private void publishClientTrustAnchors() {
        Set<String> wanted = new HashSet<>();
        List<String> present = stores.aliases(ElytronKeyStores.CLIENT_CA_STORE);
        boolean changed = false;
        Path dir = DataDirectory.keyhavenDir().resolve("tls");
        for (TrustAnchor anchor : authorities.clientTrustAnchors()) {
            String alias = TRUSTED_PREFIX + anchor.fingerprint().substring(0, 32);
            wanted.add(alias);
            if (!present.contains(alias)) {
                Path file = dir.resolve(alias + ".pem");
                try {
                    Files.createDirectories(dir);
                    Files.writeString(file, anchor.certificatePem(), StandardCharsets.US_ASCII);
                    stores.importCertificate(ElytronKeyStores.CLIENT_CA_STORE, alias, file, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    deleteQuietly(file);
                }
                changed = true;
            }
        }
        for (String alias : present) {
            if (!wanted.contains(alias)) {
                stores.removeAlias(ElytronKeyStores.CLIENT_CA_STORE, alias);
                changed = true;
            }
        }
        if (changed) {
            stores.store(ElytronKeyStores.CLIENT_CA_STORE);
            stores.reinitialiseTrustManager(ElytronKeyStores.CLIENT_CA_STORE);
        }
    }

    /** {@value #HOSTNAMES_PROPERTY} (comma separated), default localhost and this machine's name. */
    public static List<String> hostnames() {
        Set<String> names = new LinkedHashSet<>();
        String configured = System.getProperty(HOSTNAMES_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            for (String name : configured.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim().toLowerCase(Locale.ROOT));
                }
            }
        } else {
            names.add("localhost");
            try {
                names.add(InetAddress.getLocalHost().getCanonicalHostName().toLowerCase(Locale.ROOT));
            } catch (UnknownHostException e) {
                LOG.log(Level.FINE, "no local host name", e);
            }
        }
        return new ArrayList<>(names);
    }

    /** {@value #IP_ADDRESSES_PROPERTY} (comma separated), default 127.0.0.1 and ::1. */
    public static List<String> ipAddresses() {
        String configured = System.getProperty(IP_ADDRESSES_PROPERTY, "127.0.0.1,::1");
        List<String> addresses = new ArrayList<>();
        for (String address : configured.split(",")) {
            if (!address.isBlank()) {
                addresses.add(address.trim());
            }
        }
        return addresses;
    }

    private static Path identityFile() {
        return DataDirectory.keyhavenDir().resolve("tls").resolve("server-identity.properties");
    }

    private static Properties readIdentity() {
        Properties properties = new Properties();
        Path file = identityFile();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static void writeIdentity(String alias, Instant notAfter) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("alias", alias);
        properties.setProperty("notAfter", notAfter.toString());
        try (var out = Files.newOutputStream(identityFile())) {
            properties.store(out, "Keyhaven TLS identity (the key itself is in the TLS key store)");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot delete " + file, e);
        }
    }
}
