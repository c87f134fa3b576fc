package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.system.StatusService;
import org.keyhaven.system.StatusView;

/** Seal state, version, environment label and master key rotation progress. */
@Path("api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @EJB
    private StatusService status;

    @GET
    @AuditedOperation("status.read")
    public StatusView status() {
        return status.status();
    }
}
