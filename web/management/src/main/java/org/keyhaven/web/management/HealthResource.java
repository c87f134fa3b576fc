package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.keyhaven.monitor.Health;
import org.keyhaven.monitor.Readiness;

/**
 * Health for load balancers and orchestrators, public (outside {@code /api}, no login) and not audited, since probes
 * come every few seconds. {@code /health/live}: 200 while the application is deployed. {@code /health/ready}: 200
 * when unsealed and the database answers, else 503; the body names only the state of each check, never a version or
 * a secret.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @EJB
    private Health health;

    /** {@code status} UP or DOWN; {@code checks} (readiness only) each check's state. */
    public record HealthAnswer(String status, Map<String, String> checks) {
    }

    @GET
    @Path("live")
    public HealthAnswer live() {
        return new HealthAnswer(Readiness.UP, null);
    }

    @GET
    @Path("ready")
    public Response ready() {
        Readiness readiness = health.readiness();
        return Response.status(readiness.ready() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new HealthAnswer(readiness.status(), readiness.checks()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
