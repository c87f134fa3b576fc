package org.keyhaven.jca.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.SecurityException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyMaterial;

/**
 * One pooled connection to Keyhaven as one client identity: a {@link Transport} (a local gateway session or a remote
 * client) and the handles the container gave out on it. It serves only the identity it was made for (its request
 * info and credentials fingerprint), and takes part in no transaction: key operations are not XA resources, so the
 * adapter declares {@code NoTransaction}.
 *
 * <p>Connection events: a handle's {@code close()} sends CONNECTION_CLOSED; a call failing with reason CONNECTION (or
 * a transport failing outside its contract) marks this connection broken and sends CONNECTION_ERROR_OCCURRED, so the
 * pool destroys it. {@code cleanup()} detaches outstanding handles before the connection goes back to the pool.
 */
final class KeyhavenManagedConnection implements ManagedConnection {

    private static final Logger LOG = Logger.getLogger(KeyhavenManagedConnection.class.getName());

    /** One operation on the transport. */
    @FunctionalInterface
    interface Call<T> {
        T on(Transport transport) throws KeyManagerException;
    }

    private final KeyhavenManagedConnectionFactory factory;
    private final ClientCredentials credentials;
    private final KeyhavenRequestInfo requestInfo;
    private final Transport transport;
    /** The factory's key cache; null when caching is off. */
    private final KeyCache cache;
    private final Set<KeyhavenConnection> handles = ConcurrentHashMap.newKeySet();
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean broken;
    private volatile boolean destroyed;
    private volatile PrintWriter logWriter;

    KeyhavenManagedConnection(KeyhavenManagedConnectionFactory factory, ClientCredentials credentials,
            KeyhavenRequestInfo requestInfo, Transport transport, KeyCache cache) {
        this.factory = factory;
        this.credentials = credentials;
        this.requestInfo = requestInfo;
        this.transport = transport;
        this.cache = cache;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        if (destroyed) {
            throw new IllegalStateException("the managed connection was destroyed");
        }
        if (info != null && !requestInfo.equals(info)) {
            throw new SecurityException("this connection belongs to another Keyhaven client identity");
        }
        KeyhavenConnection handle = new KeyhavenConnection(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof KeyhavenConnection handle)) {
            throw new ResourceException("not a Keyhaven connection handle: " + connection);
        }
        if (destroyed) {
            throw new IllegalStateException("the managed connection was destroyed");
        }
        KeyhavenManagedConnection previous = handle.managed();
        if (previous != this && !previous.credentials.fingerprint().equals(credentials.fingerprint())) {
            throw new SecurityException("a handle of one Keyhaven client identity cannot move to another");
        }
        previous.handles.remove(handle);
        handles.add(handle);
        handle.associate(this);
    }

    @Override
    public void cleanup() throws ResourceException {
        if (destroyed) {
            throw new IllegalStateException("the managed connection was destroyed");
        }
        detachHandles("the connection was handed back to the pool; get a new one from the connection factory");
    }

    @Override
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        detachHandles("the connection was destroyed; get a new one from the connection factory");
        try {
            transport.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a Keyhaven transport failed to close", e);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Keyhaven connections take part in no transaction (NoTransaction)");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Keyhaven connections take part in no transaction (NoTransaction)");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        String user = credentials.chain().get(0).getSubjectX500Principal().getName();
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "Keyhaven";
            }

            @Override
            public String getEISProductVersion() {
                return KeyhavenResourceAdapter.VERSION;
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return user;
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public String toString() {
        return "KeyhavenManagedConnection[" + credentials + (broken ? ", broken" : "")
                + (destroyed ? ", destroyed" : "") + "]";
    }

    KeyhavenManagedConnectionFactory factory() {
        return factory;
    }

    ClientCredentials credentials() {
        return credentials;
    }

    KeyhavenRequestInfo requestInfo() {
        return requestInfo;
    }

    /** Whether the pool may keep or hand out this connection. */
    boolean isValid() {
        return !destroyed && !broken && transport.valid();
    }

    void checkUsable() throws KeyManagerException {
        if (destroyed) {
            throw new KeyManagerException(KeyManagerException.Reason.CONNECTION,
                    "the connection was destroyed; get a new one from the connection factory");
        }
        if (broken) {
            throw new KeyManagerException(KeyManagerException.Reason.CONNECTION,
                    "the connection is broken; get a new one from the connection factory");
        }
    }

    /** {@code getKey} through the factory's cache when it has one. */
    KeyMaterial getKey(KeyhavenConnection handle, String key, Integer version) throws KeyManagerException {
        if (cache == null || key == null) {
            return call(handle, t -> t.getKey(key, version));
        }
        Optional<KeyMaterial> cached = cache.get(key, version);
        if (cached.isPresent()) {
            return cached.get();
        }
        long generation = cache.generation();
        KeyMaterial fetched = call(handle, t -> t.getKey(key, version));
        cache.put(key, version, fetched, generation);
        return fetched;
    }

    <T> T call(KeyhavenConnection handle, Call<T> call) throws KeyManagerException {
        checkUsable();
        try {
            return call.on(transport);
        } catch (KeyManagerException e) {
            if (e.reason() == KeyManagerException.Reason.CONNECTION) {
                connectionFailed(handle, e);
            }
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a Keyhaven transport failed; the connection will be discarded", e);
            KeyManagerException failure = new KeyManagerException(KeyManagerException.Reason.CONNECTION,
                    "the connection to Keyhaven failed (" + e.getClass().getName() + "); get a new one");
            connectionFailed(handle, failure);
            throw failure;
        }
    }

    void handleClosed(KeyhavenConnection handle) {
        // a handle already detached by cleanup or destroy belongs to nobody: the pool has this connection back
        if (handles.remove(handle)) {
            fire(ConnectionEvent.CONNECTION_CLOSED, handle, null);
        }
    }

    private void connectionFailed(KeyhavenConnection handle, KeyManagerException failure) {
        broken = true;
        fire(ConnectionEvent.CONNECTION_ERROR_OCCURRED, handle, failure);
    }

    private void detachHandles(String reason) {
        for (KeyhavenConnection handle : handles) {
            handle.invalidate(reason);
        }
        handles.clear();
    }

    private void fire(int type, KeyhavenConnection handle, Exception failure) {
        ConnectionEvent event = failure == null ? new ConnectionEvent(this, type)
                : new ConnectionEvent(this, type, failure);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            if (type == ConnectionEvent.CONNECTION_CLOSED) {
                listener.connectionClosed(event);
            } else {
                listener.connectionErrorOccurred(event);
            }
        }
    }
}
