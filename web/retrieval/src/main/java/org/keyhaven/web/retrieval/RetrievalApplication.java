package org.keyhaven.web.retrieval;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Key retrieval on port 6000: {@code /api/v1/keys/{idOrName}} for application clients, {@code /openapi} for anyone. */
@ApplicationPath("/")
public class RetrievalApplication extends Application {
}
