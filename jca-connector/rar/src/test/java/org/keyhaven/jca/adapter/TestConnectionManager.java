package org.keyhaven.jca.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.util.ArrayList;
import java.util.List;

/** The container's part in its simplest form: a new managed connection per allocation, remembered for checks. */
final class TestConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    final transient List<ManagedConnection> created = new ArrayList<>();
    final transient List<ConnectionRequestInfo> requests = new ArrayList<>();
    transient ResourceException failure;

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
            throws ResourceException {
        requests.add(info);
        if (failure != null) {
            throw failure;
        }
        ManagedConnection connection = factory.createManagedConnection(null, info);
        created.add(connection);
        return connection.getConnection(null, info);
    }
}
