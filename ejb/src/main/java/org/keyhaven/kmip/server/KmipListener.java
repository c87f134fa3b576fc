package org.keyhaven.kmip.server;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.PrivilegedAction;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.CallContext;
import org.keyhaven.ca.Pem;
import org.keyhaven.ca.ServerKeyPair;
import org.keyhaven.client.CertificateAuthorities;
import org.keyhaven.client.ClientAuthenticator;
import org.keyhaven.client.ClientIdentity;
import org.keyhaven.client.TrustChanged;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.MessageProcessor;
import org.keyhaven.kmip.message.RequestMessage;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.operation.KmipOperations;
import org.keyhaven.kmip.operation.ManagedObjects;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.tls.TlsMaintenance;
import org.wildfly.security.auth.principal.NamePrincipal;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;

/**
 * The KMIP listener (port 5696): started with the deployment once Keyhaven is unsealed, stopped with it. Its TLS key
 * lives in memory only, with a certificate from the internal CA issued at start (and again 30 days before it
 * expires): clients trust the internal CA, as on the other ports. Connections are served on threads from the
 * container's managed thread factory, at most {@link KmipSettings#maxConnections()} at once (more are closed on
 * accept), each with idle and per-message timeouts. Every request runs as the client its certificate identifies,
 * through the same EJB services, grants and audit as the REST APIs.
 */
@Singleton
@Startup
@DependsOn({"SealService", "InternalCaBootstrap"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class KmipListener {

    private static final Logger LOG = Logger.getLogger(KmipListener.class.getName());
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    @Resource
    private ManagedThreadFactory threads;

    @Resource
    private TimerService timers;

    @EJB
    private CertificateAuthorities authorities;

    @EJB
    private ClientAuthenticator authenticator;

    @EJB
    private ManagedObjects objects;

    @EJB
    private KmipTransactions transactions;

    @Inject
    private MasterKeyHolder keys;

    @Inject
    private CallContext callContext;

    @Inject
    private Instance<RequestContextController> requestContexts;

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile KmipSettings settings;
    private volatile KmipTls tls;
    private volatile ServerKeyPair serverKey;
    private volatile List<X509Certificate> currentChain;
    private volatile MessageProcessor processor;
    private volatile SecurityDomain securityDomain;
    private volatile ServerSocket serverSocket;
    private volatile boolean stopping;
    private Semaphore slots;

    @PostConstruct
    void start() {
        settings = KmipSettings.fromSystemProperties();
        slots = new Semaphore(settings.maxConnections());
        securityDomain = SecurityDomain.getCurrent();
        if (securityDomain == null) {
            LOG.severe("KMIP listener not started: the deployment has no security domain to run requests in");
            return;
        }
        processor = new MessageProcessor(KmipOperations.handlers(objects), work -> {
            RuntimeException failure = transactions.runAtomically(work);
            if (failure != null) {
                throw failure;
            }
        }, KmipListener::unwrap, Clock.systemUTC());
        threads.newThread(this::listenOnceUnsealed).start();
        long day = Duration.ofDays(1).toMillis();
        timers.createIntervalTimer(day, day, new TimerConfig("keyhaven-kmip-certificate", false));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        closeQuietly(serverSocket);
        open.forEach(KmipListener::closeQuietly);
    }

    /** Whether the listener accepts connections. */
    public boolean listening() {
        ServerSocket socket = serverSocket;
        return socket != null && !socket.isClosed();
    }

    /** How many client connections are open now. */
    public int openConnections() {
        return open.size();
    }

    /** Renews the certificate 30 days before it expires. */
    @Timeout
    void daily() {
        KmipTls current = tls;
        if (current != null && current.notAfter().isBefore(Instant.now().plus(RENEW_BEFORE))) {
            establishTls();
        }
    }

    /** A change of the trusted CAs applies to the next connection. */
    public void onTrustChanged(@ObservesAsync TrustChanged change) {
        if (tls != null) {
            try {
                tls = KmipTls.of(serverKey.keyManagers(currentChain), tls.notAfter(), authorities.clientTrustAnchors());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "cannot apply the changed client CAs to the KMIP listener", e);
            }
        }
    }

    private void listenOnceUnsealed() {
        try {
            while (keys.isSealed() && !stopping) {
                Thread.sleep(250);
            }
            // the internal CA, which issues the listener's certificate, is made at the first unseal
            while (!stopping && !authorities.hasInternalCa()) {
                Thread.sleep(250);
            }
            if (stopping) {
                return;
            }
            establishTls();
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 128);
            serverSocket = socket;
            LOG.info(() -> "Keyhaven KMIP listener on " + settings.bindAddress() + ":" + settings.port());
            acceptLoop(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!stopping) {
                LOG.log(Level.SEVERE, "the KMIP listener cannot run", e);
            }
        }
    }

    private void acceptLoop(ServerSocket socket) {
        while (!stopping) {
            Socket accepted;
            try {
                accepted = socket.accept();
            } catch (IOException e) {
                if (!stopping) {
                    LOG.log(Level.WARNING, "KMIP accept failed", e);
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                LOG.warning(() -> "KMIP connection from " + accepted.getInetAddress().getHostAddress()
                        + " refused: " + settings.maxConnections() + " connections are open");
                closeQuietly(accepted);
                continue;
            }
            open.add(accepted);
            try {
                threads.newThread(new KmipConnection(accepted, this)).start();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "no thread for a KMIP connection", e);
                closed(accepted);
            }
        }
    }

    private void establishTls() {
        ServerKeyPair key = ServerKeyPair.generate();
        List<String> names = TlsMaintenance.hostnames();
        String chainPem = authorities.issueServerCertificateChain(key.certificationRequestPem(names.get(0)), names,
                TlsMaintenance.ipAddresses());
        List<X509Certificate> chain = Pem.certificates(chainPem);
        currentChain = chain;
        serverKey = key;
        tls = KmipTls.of(key.keyManagers(chain), chain.get(0).getNotAfter().toInstant(),
                authorities.clientTrustAnchors());
    }

    /** Answers one request as the client the certificate identifies (checked again at every request). */
    TtlvStructure answer(TtlvStructure request, X509Certificate[] chain, String peer, int localPort) {
        RequestContextController context = requestContexts.get();
        context.activate();
        try {
            callContext.set(peer, localPort);
            ClientIdentity client;
            try {
                client = authenticator.authenticate(chain);
            } catch (RuntimeException e) {
                KeyhavenException refused = unwrap(e) instanceof KeyhavenException k ? k : null;
                if (refused == null) {
                    LOG.log(Level.SEVERE, "KMIP client authentication failed unexpectedly", e);
                }
                return processor.refusal(RequestMessage.versionOf(request), new KmipFailure(
                        ResultReason.AUTHENTICATION_NOT_SUCCESSFUL, refused != null ? refused.getMessage()
                        : "authentication is unavailable"));
            }
            SecurityIdentity identity = securityDomain.createAdHocIdentity(new NamePrincipal(client.principalName()))
                    .withDefaultRoleMapper(RoleMapper.constant(org.wildfly.security.authz.Roles.of(Roles.CLIENT)));
            return identity.runAs((PrivilegedAction<TtlvStructure>) () -> processor.process(request));
        } finally {
            context.deactivate();
            requestContexts.destroy(context);
        }
    }

    KmipSettings settings() {
        return settings;
    }

    KmipTls tls() {
        return tls;
    }

    MessageProcessor processor() {
        return processor;
    }

    void closed(Socket socket) {
        closeQuietly(socket);
        if (open.remove(socket)) {
            slots.release();
        }
    }

    /** What a handler's failure means: the container wraps some exceptions. */
    static RuntimeException unwrap(RuntimeException thrown) {
        if (thrown instanceof EJBAccessException) {
            return new KeyhavenException(ErrorCode.FORBIDDEN, "not allowed for this client");
        }
        if (thrown instanceof EJBException && thrown.getCause() instanceof RuntimeException cause) {
            return unwrap(cause);
        }
        return thrown;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "close failed", e);
            }
        }
    }
}
