package org.keyhaven.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * Configures Keyhaven's resource adapter in the test server's resource-adapters subsystem, as an operator would with
 * the CLI: one resource adapter entry for the archive in the EAR, one connection definition per application
 * identity, then activation.
 */
public final class ResourceAdapters {

    public static final String ARCHIVE = "keyhaven.ear#keyhaven-connector.rar";
    public static final String MCF = "org.keyhaven.jca.adapter.KeyhavenManagedConnectionFactory";

    private final ModelControllerClient client;
    private final String name;

    public ResourceAdapters(ModelControllerClient client, String name) {
        this.client = client;
        this.name = name;
    }

    public void add() {
        ModelNode add = operation("add", address());
        add.get("archive").set(ARCHIVE);
        add.get("transaction-support").set("NoTransaction");
        execute(add);
    }

    public void connectionDefinition(String id, String jndiName, Map<String, String> properties) {
        ModelNode add = operation("add", address().add("connection-definitions", id));
        add.get("class-name").set(MCF);
        add.get("jndi-name").set(jndiName);
        add.get("enabled").set(true);
        add.get("min-pool-size").set(0);
        add.get("max-pool-size").set(4);
        execute(add);
        properties.forEach((property, value) -> {
            ModelNode set = operation("add", address().add("connection-definitions", id)
                    .add("config-properties", property));
            set.get("value").set(value);
            execute(set);
        });
    }

    public void activate() {
        execute(operation("activate", address()));
    }

    /** Removes the entry (and its factories); missing is fine. */
    public void remove() {
        ModelNode remove = operation("remove", address());
        try {
            client.execute(remove);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Undeploys and removes a deployment the test added (by its runtime name); missing is fine. */
    public void removeDeployment(String runtimeName) {
        ModelNode address = new ModelNode();
        address.add("deployment", runtimeName);
        try {
            client.execute(operation("remove", address));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ModelNode execute(ModelNode operation) {
        try {
            ModelNode result = client.execute(operation);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException(operation.get("operation").asString() + " "
                        + operation.get("address") + " failed: " + result.get("failure-description"));
            }
            return result.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModelNode address() {
        ModelNode address = new ModelNode();
        address.add("subsystem", "resource-adapters").add("resource-adapter", name);
        return address;
    }

    private static ModelNode operation(String operation, ModelNode address) {
        ModelNode node = new ModelNode();
        node.get("operation").set(operation);
        node.get("address").set(address);
        return node;
    }
}
