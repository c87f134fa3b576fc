package org.keyhaven.it.support;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link ServerProcess} for one test class: started before its tests, with the test accounts pointed at it,
 * and killed after them. Register with {@code @RegisterExtension static final RunningServer server = ...}.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final Map<String, String> environment;
    private ServerProcess server;

    public RunningServer(String name) {
        this(name, Map.of());
    }

    /** With environment variables for the server. */
    public RunningServer(String name, Map<String, String> environment) {
        this.name = name;
        this.environment = environment;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = ServerProcess.fresh(name, environment);
        server.start();
        Accounts.useServer(server.serverLog());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    public ServerProcess process() {
        return server;
    }
}
