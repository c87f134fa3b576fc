package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.AuditService;
import org.keyhaven.audit.AuditVerification;

/** The audit trail, paged by sequence number, and its verification. */
@Path("api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    private AuditService audit;

    /** A page of records after sequence number {@code after}; {@code next} is the {@code after} of the next page. */
    public record Page(List<AuditEntry> items, Long next) {
    }

    @GET
    @AuditedOperation("audit.read")
    public Page page(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("object") String objectId) {
        List<AuditEntry> items = audit.page(after, limit, objectId);
        return new Page(items, items.isEmpty() ? null : items.get(items.size() - 1).seq());
    }

    @GET
    @Path("verify")
    @AuditedOperation("audit.verify")
    public AuditVerification verify() {
        return audit.verify();
    }
}
