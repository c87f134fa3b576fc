package org.keyhaven.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link ServerProcess} for one test class: started before its tests, with the test accounts pointed at it,
 * and killed after them. Register with {@code @RegisterExtension static final RunningServer server = ...}.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private ServerProcess server;

    public RunningServer(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = ServerProcess.fresh(name);
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
