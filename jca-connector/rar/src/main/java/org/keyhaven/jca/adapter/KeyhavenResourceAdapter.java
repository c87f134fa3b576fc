package org.keyhaven.jca.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * Keyhaven's outbound resource adapter: applications get connections to Keyhaven, as an application client identity,
 * from connection factories the server's resource-adapters configuration binds (one connection definition per
 * identity). Outbound only and {@code NoTransaction}: key operations are not transactional resources, and saying
 * otherwise would promise a rollback Keyhaven cannot give. The adapter holds no configuration of its own; on stop it
 * lets each connection factory release what outlives connections (key-change subscription, cached keys).
 */
@Connector(displayName = "Keyhaven connector",
        description = "Outbound connections to the Keyhaven key manager, as an application client identity",
        vendorName = "Keyhaven",
        eisType = "Key manager",
        version = "1.0",
        licenseRequired = false,
        reauthenticationSupport = false,
        transactionSupport = TransactionSupportLevel.NoTransaction)
public class KeyhavenResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(KeyhavenResourceAdapter.class.getName());

    /** The adapter's build version (from its jar manifest), shown as the product version in connection metadata. */
    static final String VERSION = versionOfThisBuild();

    private final List<Runnable> stopActions = new CopyOnWriteArrayList<>();

    @Override
    public void start(BootstrapContext context) {
        LOG.log(Level.FINE, "Keyhaven connector {0} started", VERSION);
    }

    @Override
    public void stop() {
        for (Runnable action : stopActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a Keyhaven connection factory failed to release its resources", e);
            }
        }
        stopActions.clear();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpoints, ActivationSpec spec) throws ResourceException {
        throw new NotSupportedException("the Keyhaven connector is outbound only");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpoints, ActivationSpec spec) {
        // outbound only: nothing was activated
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** Runs {@code action} when the adapter stops (connection factories register their clean-up here). */
    void whenStopped(Runnable action) {
        stopActions.add(action);
    }

    /** The adapter has no config properties, so any two instances are configured alike (the JavaBean contract). */
    @Override
    public boolean equals(Object other) {
        return other instanceof KeyhavenResourceAdapter;
    }

    @Override
    public int hashCode() {
        return KeyhavenResourceAdapter.class.hashCode();
    }

    private static String versionOfThisBuild() {
        String version = KeyhavenResourceAdapter.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
