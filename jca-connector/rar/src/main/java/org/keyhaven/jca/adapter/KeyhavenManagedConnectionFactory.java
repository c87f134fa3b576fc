package org.keyhaven.jca.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.SecurityException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.security.auth.Subject;
import org.keyhaven.jca.api.KeyManagerConnection;
import org.keyhaven.jca.api.KeyManagerConnectionFactory;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.spi.KeyChangeListener;
import org.keyhaven.jca.spi.LocalGateway;

/**
 * One connection definition: connections to Keyhaven as one application client identity, the one in the configured
 * PKCS#12 file. Its config properties are checked (by {@link ConnectorSettings} and {@link CredentialsLoader}) when
 * the container associates it with the resource adapter and when it creates the connection factory, so a
 * misconfigured definition fails its activation with a message naming the property.
 *
 * <p>Identity is the factory's: managed connections are matched on the leaf certificate fingerprint of its
 * credentials and on the request info, and {@link #equals} covers the whole configuration, identity included, so
 * two definitions of different clients never share a pool or a connection. The optional {@code getKey} cache belongs
 * to the factory (so to one identity); in local mode it listens for key changes through the gateway until the
 * adapter stops, in remote mode it relies on its TTL.
 */
@ConnectionDefinition(connectionFactory = KeyManagerConnectionFactory.class,
        connectionFactoryImpl = KeyhavenConnectionFactory.class,
        connection = KeyManagerConnection.class,
        connectionImpl = KeyhavenConnection.class)
public class KeyhavenManagedConnectionFactory implements ManagedConnectionFactory, ValidatingManagedConnectionFactory,
        ResourceAdapterAssociation, TransactionSupport {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(KeyhavenManagedConnectionFactory.class.getName());

    static final String DEFAULT_MODE = "local";
    static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 2_000;
    static final int DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
    static final int DEFAULT_BREAKER_FAILURES = 3;
    static final int DEFAULT_BREAKER_OPEN_SECONDS = 30;
    static final int DEFAULT_CACHE_TTL_SECONDS = 0;
    static final int DEFAULT_CACHE_MAX_ENTRIES = 1_000;

    /** Opens the transport of a new managed connection; replaced in unit tests. */
    @FunctionalInterface
    interface TransportOpener {
        Transport open(ClientCredentials credentials) throws KeyManagerException;
    }

    /** Finds Keyhaven's local gateway; replaced in unit tests. */
    @FunctionalInterface
    interface GatewayLookup {
        LocalGateway lookup() throws NamingException;
    }

    /** What the checked configuration yields: settings, loaded identity and the factory's key cache (or null). */
    private record Prepared(ConnectorSettings settings, ClientCredentials credentials, KeyCache cache) {
    }

    private String mode = DEFAULT_MODE;
    private String keyStoreFile;
    private char[] keyStorePassword;
    private String keyAlias;
    private String servers;
    private String serverCaFile;
    private Integer connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
    private Integer requestTimeoutMillis = DEFAULT_REQUEST_TIMEOUT_MILLIS;
    private Integer breakerFailures = DEFAULT_BREAKER_FAILURES;
    private Integer breakerOpenSeconds = DEFAULT_BREAKER_OPEN_SECONDS;
    private Integer cacheTtlSeconds = DEFAULT_CACHE_TTL_SECONDS;
    private Integer cacheMaxEntries = DEFAULT_CACHE_MAX_ENTRIES;

    private transient volatile ResourceAdapter resourceAdapter;
    private transient volatile PrintWriter logWriter;
    private transient volatile Prepared prepared;
    private transient TransportOpener transportOpener;
    private transient GatewayLookup gatewayLookup;
    private transient LocalGateway keyChangeGateway;
    private transient KeyChangeListener keyChangeListener;
    private transient boolean stopHookRegistered;

    // ---------------------------------------------------------------- config properties

    public String getMode() {
        return mode;
    }

    @ConfigProperty(type = String.class, defaultValue = DEFAULT_MODE, description = {
            "How Keyhaven is reached: local (Keyhaven in this server, through its local gateway) or remote (over",
            "mutual TLS to the servers listed in 'servers')."})
    public void setMode(String mode) {
        this.mode = mode;
        changed();
    }

    public String getKeyStoreFile() {
        return keyStoreFile;
    }

    @ConfigProperty(type = String.class, description = {
            "Absolute path of the application client's PKCS#12 file, as Keyhaven issued it (key and certificate",
            "chain). The client's grants and audit apply to every call made through this factory."})
    public void setKeyStoreFile(String keyStoreFile) {
        this.keyStoreFile = keyStoreFile;
        changed();
    }

    /** JavaBean getter the container may use; the password is held as characters, never logged. */
    public String getKeyStorePassword() {
        return keyStorePassword == null ? null : new String(keyStorePassword);
    }

    @ConfigProperty(type = String.class, confidential = true, description = {
            "Password of keyStoreFile (and of its key entry). Use a credential store or vault expression."})
    public void setKeyStorePassword(String keyStorePassword) {
        if (this.keyStorePassword != null) {
            Arrays.fill(this.keyStorePassword, '\0');
        }
        this.keyStorePassword = keyStorePassword == null ? null : keyStorePassword.toCharArray();
        changed();
    }

    public String getKeyAlias() {
        return keyAlias;
    }

    @ConfigProperty(type = String.class, description = {
            "Alias of the private key entry in keyStoreFile; needed only if the file holds several key entries."})
    public void setKeyAlias(String keyAlias) {
        this.keyAlias = keyAlias;
        changed();
    }

    public String getServers() {
        return servers;
    }

    @ConfigProperty(type = String.class, description = {
            "Remote mode (required): the Keyhaven servers in the order they are tried, comma-separated, each as",
            "host:retrievalPort:encryptionPort (e.g. kh1.example.org:6000:6003); an IPv6 address in brackets."})
    public void setServers(String servers) {
        this.servers = servers;
        changed();
    }

    public String getServerCaFile() {
        return serverCaFile;
    }

    @ConfigProperty(type = String.class, description = {
            "Remote mode (required): absolute path of the PEM file with the CA certificate(s) that Keyhaven's TLS",
            "server certificates must chain to."})
    public void setServerCaFile(String serverCaFile) {
        this.serverCaFile = serverCaFile;
        changed();
    }

    public Integer getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    @ConfigProperty(type = Integer.class, defaultValue = "2000", description = {
            "Remote mode: TCP/TLS connect timeout per server, in milliseconds."})
    public void setConnectTimeoutMillis(Integer connectTimeoutMillis) {
        this.connectTimeoutMillis = orDefault(connectTimeoutMillis, DEFAULT_CONNECT_TIMEOUT_MILLIS);
        changed();
    }

    public Integer getRequestTimeoutMillis() {
        return requestTimeoutMillis;
    }

    @ConfigProperty(type = Integer.class, defaultValue = "10000", description = {
            "Remote mode: timeout of one request to one server, in milliseconds."})
    public void setRequestTimeoutMillis(Integer requestTimeoutMillis) {
        this.requestTimeoutMillis = orDefault(requestTimeoutMillis, DEFAULT_REQUEST_TIMEOUT_MILLIS);
        changed();
    }

    public Integer getBreakerFailures() {
        return breakerFailures;
    }

    @ConfigProperty(type = Integer.class, defaultValue = "3", description = {
            "Remote mode: consecutive failures after which a server is skipped (its circuit breaker opens)."})
    public void setBreakerFailures(Integer breakerFailures) {
        this.breakerFailures = orDefault(breakerFailures, DEFAULT_BREAKER_FAILURES);
        changed();
    }

    public Integer getBreakerOpenSeconds() {
        return breakerOpenSeconds;
    }

    @ConfigProperty(type = Integer.class, defaultValue = "30", description = {
            "Remote mode: seconds a server is skipped once its circuit breaker opened, before it is tried again."})
    public void setBreakerOpenSeconds(Integer breakerOpenSeconds) {
        this.breakerOpenSeconds = orDefault(breakerOpenSeconds, DEFAULT_BREAKER_OPEN_SECONDS);
        changed();
    }

    public Integer getCacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    @ConfigProperty(type = Integer.class, defaultValue = "0", description = {
            "Seconds a getKey answer may be served from this factory's cache; 0 (the default) turns the cache off.",
            "Cache hits reach neither Keyhaven's grant checks nor its audit. Local mode drops changed keys at once."})
    public void setCacheTtlSeconds(Integer cacheTtlSeconds) {
        this.cacheTtlSeconds = orDefault(cacheTtlSeconds, DEFAULT_CACHE_TTL_SECONDS);
        changed();
    }

    public Integer getCacheMaxEntries() {
        return cacheMaxEntries;
    }

    @ConfigProperty(type = Integer.class, defaultValue = "1000", description = {
            "Most (key, version) entries the getKey cache holds; the least recently used is dropped first."})
    public void setCacheMaxEntries(Integer cacheMaxEntries) {
        this.cacheMaxEntries = orDefault(cacheMaxEntries, DEFAULT_CACHE_MAX_ENTRIES);
        changed();
    }

    // ---------------------------------------------------------------- validation

    /**
     * Checks the configuration and loads the client identity (once; again after a property changes). Throws, with a
     * message naming the property: unknown mode, missing/unreadable/invalid keyStoreFile, wrong keyStorePassword,
     * no key entry or keyAlias not found, remote mode without servers, negative cache values.
     */
    public void validate() throws InvalidPropertyException {
        prepare();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    /** Called by the container after the properties are set: a misconfiguration fails the activation here. */
    @Override
    public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
        this.resourceAdapter = adapter;
        checkedForActivation();
        if (adapter instanceof KeyhavenResourceAdapter keyhaven) {
            synchronized (this) {
                if (stopHookRegistered) {
                    return;
                }
                stopHookRegistered = true;
            }
            keyhaven.whenStopped(this::adapterStopped);
        }
    }

    @Override
    public TransactionSupportLevel getTransactionSupport() {
        return TransactionSupportLevel.NoTransaction;
    }

    // ---------------------------------------------------------------- ManagedConnectionFactory

    @Override
    public Object createConnectionFactory(ConnectionManager manager) throws ResourceException {
        checkedForActivation();
        return new KeyhavenConnectionFactory(this, manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new NotSupportedException("the Keyhaven connector runs only in an application server (a managed "
                + "environment): configure a connection definition in the server's resource-adapters subsystem");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        Prepared ready = prepare();
        KeyhavenRequestInfo own = requestInfo(ready);
        if (info != null && !own.equals(info)) {
            throw new SecurityException("this connection factory only makes connections for its own client identity");
        }
        Transport transport = openTransport(ready);
        return new KeyhavenManagedConnection(this, ready.credentials(), own, transport, ready.cache());
    }

    /**
     * A pooled connection only if it was made by an equal factory for the same client identity (leaf certificate
     * fingerprint) and the same request info, and still works; otherwise none, and the pool makes a new one.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        Prepared ready = prepare();
        KeyhavenRequestInfo own = requestInfo(ready);
        if (info != null && !own.equals(info)) {
            return null;
        }
        for (Object candidate : connections) {
            if (candidate instanceof KeyhavenManagedConnection connection
                    && connection.factory().equals(this)
                    && connection.credentials().fingerprint().equals(ready.credentials().fingerprint())
                    && connection.requestInfo().equals(own)
                    && connection.isValid()) {
                return connection;
            }
        }
        return null;
    }

    /** The connections whose transport stopped working or that failed with a connection error. */
    @Override
    @SuppressWarnings("rawtypes")
    public Set<ManagedConnection> getInvalidConnections(Set connections) {
        Set<ManagedConnection> invalid = new HashSet<>();
        for (Object candidate : connections) {
            if (candidate instanceof KeyhavenManagedConnection connection && !connection.isValid()) {
                invalid.add(connection);
            }
        }
        return invalid;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** The request info of this factory's identity; checks the configuration first. */
    KeyhavenRequestInfo requestInfo() throws ResourceException {
        return requestInfo(prepare());
    }

    // ---------------------------------------------------------------- equality: the whole configuration

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyhavenManagedConnectionFactory that
                && Objects.equals(mode, that.mode)
                && Objects.equals(keyStoreFile, that.keyStoreFile)
                && Arrays.equals(keyStorePassword, that.keyStorePassword)
                && Objects.equals(keyAlias, that.keyAlias)
                && Objects.equals(servers, that.servers)
                && Objects.equals(serverCaFile, that.serverCaFile)
                && Objects.equals(connectTimeoutMillis, that.connectTimeoutMillis)
                && Objects.equals(requestTimeoutMillis, that.requestTimeoutMillis)
                && Objects.equals(breakerFailures, that.breakerFailures)
                && Objects.equals(breakerOpenSeconds, that.breakerOpenSeconds)
                && Objects.equals(cacheTtlSeconds, that.cacheTtlSeconds)
                && Objects.equals(cacheMaxEntries, that.cacheMaxEntries);
    }

    /** Leaves the password out: equal factories still hash alike, and the hash reveals nothing of it. */
    @Override
    public int hashCode() {
        return Objects.hash(mode, keyStoreFile, keyAlias, servers, serverCaFile, connectTimeoutMillis,
                requestTimeoutMillis, breakerFailures, breakerOpenSeconds, cacheTtlSeconds, cacheMaxEntries);
    }

    @Override
    public String toString() {
        return "KeyhavenManagedConnectionFactory[mode=" + mode + ", keyStoreFile=" + keyStoreFile
                + (keyAlias == null ? "" : ", keyAlias=" + keyAlias) + "]";
    }

    // ---------------------------------------------------------------- test seams

    void useTransportOpener(TransportOpener opener) {
        this.transportOpener = opener;
    }

    void useGatewayLookup(GatewayLookup lookup) {
        this.gatewayLookup = lookup;
    }

    // ---------------------------------------------------------------- internals

    private Prepared prepare() throws InvalidPropertyException {
        Prepared ready = prepared;
        if (ready != null) {
            return ready;
        }
        synchronized (this) {
            if (prepared == null) {
                try {
                    ConnectorSettings settings = ConnectorSettings.of(this);
                    ClientCredentials credentials = CredentialsLoader.load(settings.keyStoreFile(), keyStorePassword,
                            settings.keyAlias());
                    KeyCache cache = settings.cacheEnabled()
                            ? new KeyCache(Duration.ofSeconds(settings.cacheTtlSeconds()), settings.cacheMaxEntries())
                            : null;
                    prepared = new Prepared(settings, credentials, cache);
                } catch (InvalidSettingException e) {
                    throw new InvalidPropertyException("Keyhaven connection factory: " + e.getMessage());
                }
            }
            return prepared;
        }
    }

    /** {@link #prepare} for the container's activation path: the failure is also logged where operators look. */
    private void checkedForActivation() throws InvalidPropertyException {
        try {
            prepare();
        } catch (InvalidPropertyException e) {
            LOG.log(Level.SEVERE, "{0} ({1})", new Object[] {e.getMessage(), this});
            throw e;
        }
    }

    private synchronized void changed() {
        Prepared previous = prepared;
        prepared = null;
        if (previous != null && previous.cache() != null) {
            previous.cache().clear();
        }
    }

    private static KeyhavenRequestInfo requestInfo(Prepared ready) {
        return new KeyhavenRequestInfo(ready.credentials().fingerprint());
    }

    private static Integer orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private Transport openTransport(Prepared ready) throws ResourceException {
        try {
            if (transportOpener != null) {
                return transportOpener.open(ready.credentials());
            }
            return switch (ready.settings().mode()) {
                case LOCAL -> openLocal(ready);
                case REMOTE -> openRemote(ready);
            };
        } catch (KeyManagerException e) {
            throw noConnection(e);
        }
    }

    /**
     * Keyhaven's refusal stays the cause, which the connection factory hands to the caller with its reason; the
     * reason is also the error code, so server logs show it.
     */
    private static ResourceException noConnection(KeyManagerException refused) {
        ResourceException failure = new ResourceException("no connection to Keyhaven: " + refused.getMessage(),
                refused);
        failure.setErrorCode(refused.reason().name());
        return failure;
    }

    private Transport openLocal(Prepared ready) throws ResourceException, KeyManagerException {
        LocalGateway gateway = gateway();
        listenForKeyChanges(gateway, ready.cache());
        return LocalTransport.open(gateway, ready.credentials());
    }

    private Transport openRemote(Prepared ready) throws ResourceException {
        try {
            return new RemoteTransport(ready.credentials(), RemoteSettings.from(this));
        } catch (Exception e) {
            // the remote client is built by its own classes; whatever they refuse with fails this creation
            if (e instanceof ResourceException failure) {
                throw failure;
            }
            if (e instanceof KeyManagerException refused) {
                throw noConnection(refused);
            }
            throw new ResourceException("mode remote: the Keyhaven client cannot be created: " + e.getMessage(), e);
        }
    }

    private LocalGateway gateway() throws ResourceException {
        try {
            if (gatewayLookup != null) {
                return gatewayLookup.lookup();
            }
            InitialContext context = new InitialContext();
            try {
                return (LocalGateway) context.lookup(LocalGateway.JNDI_NAME);
            } finally {
                context.close();
            }
        } catch (NamingException e) {
            throw new ResourceException("mode local: Keyhaven's local gateway is not bound at " + LocalGateway.JNDI_NAME
                    + " (is Keyhaven deployed and started in this server?)", e);
        } catch (ClassCastException e) {
            throw new ResourceException("mode local: the object at " + LocalGateway.JNDI_NAME + " is not the "
                    + "LocalGateway this adapter knows (is keyhaven-connector-api packaged twice?)", e);
        }
    }

    /** Local mode with a cache: one listener per factory, from the first connection until the adapter stops. */
    private void listenForKeyChanges(LocalGateway gateway, KeyCache cache) throws ResourceException {
        if (cache == null) {
            return;
        }
        KeyChangeListener listener;
        synchronized (this) {
            if (keyChangeListener != null) {
                return;
            }
            listener = cache::invalidate;
            keyChangeListener = listener;
            keyChangeGateway = gateway;
        }
        try {
            gateway.addKeyChangeListener(listener);
        } catch (RuntimeException e) {
            synchronized (this) {
                keyChangeListener = null;
                keyChangeGateway = null;
            }
            throw new ResourceException("mode local: the key cache cannot subscribe to Keyhaven's key changes", e);
        }
    }

    /** The adapter stops: unsubscribe from key changes and wipe the cached keys. */
    void adapterStopped() {
        LocalGateway gateway;
        KeyChangeListener listener;
        synchronized (this) {
            gateway = keyChangeGateway;
            listener = keyChangeListener;
            keyChangeGateway = null;
            keyChangeListener = null;
            stopHookRegistered = false;
        }
        if (gateway != null) {
            try {
                gateway.removeKeyChangeListener(listener);
            } catch (RuntimeException e) {
                // Keyhaven stopped first (undeploy order): its listeners went with it
                LOG.log(Level.FINE, "could not unsubscribe from Keyhaven's key changes", e);
            }
        }
        Prepared ready = prepared;
        if (ready != null && ready.cache() != null) {
            ready.cache().clear();
        }
    }
}
