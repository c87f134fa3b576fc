package org.keyhaven.jca.adapter;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;
import org.keyhaven.jca.api.KeyManagerConnection;
import org.keyhaven.jca.api.KeyManagerConnectionFactory;
import org.keyhaven.jca.api.KeyManagerException;

/**
 * What the server binds at the connection definition's JNDI name and applications inject: hands out connections of
 * the factory's client identity from the container's pool. Container failures are translated into the API's
 * {@link KeyManagerException}: Keyhaven's own refusal (authentication, unavailable, ...) keeps its reason, anything
 * else (pool exhausted, misconfiguration) is {@code UNAVAILABLE}.
 */
public class KeyhavenConnectionFactory implements KeyManagerConnectionFactory, Referenceable {

    private static final long serialVersionUID = 1L;

    private final KeyhavenManagedConnectionFactory factory;
    private final ConnectionManager manager;
    private Reference reference;

    KeyhavenConnectionFactory(KeyhavenManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public KeyManagerConnection getConnection() throws KeyManagerException {
        try {
            return (KeyManagerConnection) manager.allocateConnection(factory, factory.requestInfo());
        } catch (ResourceException e) {
            throw translate(e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return "KeyhavenConnectionFactory[" + factory + "]";
    }

    static KeyManagerException translate(ResourceException failure) {
        String detail = failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeyManagerException refused) {
                return refused;
            }
            if (cause.getMessage() != null) {
                detail = cause.getMessage();
            }
        }
        return new KeyManagerException(KeyManagerException.Reason.UNAVAILABLE, "no connection to Keyhaven: " + detail);
    }
}
