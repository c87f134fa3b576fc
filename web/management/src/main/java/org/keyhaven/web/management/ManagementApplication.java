package org.keyhaven.web.management;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The management API on port 6001: {@code /api/v1/...} for administrators (HTTP Basic); {@code /openapi}, the
 * internal CA certificate {@code /ca.pem} and the health checks {@code /health/live|ready} for anyone.
 * Every path, known or not, answers JSON.
 */
@ApplicationPath("/")
public class ManagementApplication extends Application {
}
