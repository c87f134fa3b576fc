package org.keyhaven.web.management;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.keyhaven.approval.ApprovalPolicy;
import org.keyhaven.approval.ApprovalService;
import org.keyhaven.approval.ApprovalView;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.web.InvalidRequestException;
import org.keyhaven.web.RequestValidation;

/**
 * Dual control: the requests management calls leave when the policy needs approval (those calls answer 202 with
 * the request), their approval or rejection, and the policy itself (security administrators).
 */
@Path("api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalsResource {

    @EJB
    private ApprovalService approvals;

    @Inject
    private RequestValidation validation;

    /** The reason of a rejection, shown to the requester and kept in the audit trail. */
    public record Rejection(@Size(max = 255) String reason) {
    }

    /** {@code status=pending} (the default) or {@code all}; newest first. */
    @GET
    @AuditedOperation("approval.list")
    public List<ApprovalView> list(@QueryParam("status") @DefaultValue("pending") String status,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        String wanted = status.toLowerCase(Locale.ROOT);
        if (!wanted.equals("pending") && !wanted.equals("all")) {
            throw new InvalidRequestException("status is 'pending' or 'all'", List.of());
        }
        return approvals.list(wanted.equals("pending"), offset, limit);
    }

    @GET
    @Path("policy")
    @AuditedOperation("approval.policy.read")
    public JsonObject policy() {
        return approvals.policy().toJson();
    }

    /** Replaces the policy: {@code {"expiry":"PT24H","quorum":{"KEY_DESTROY":2,...}}}; unnamed operations need none. */
    @PUT
    @Path("policy")
    @AuditedOperation("approval.policy")
    public JsonObject changePolicy(JsonObject body) {
        if (body == null) {
            throw new InvalidRequestException("the policy is a JSON object", List.of());
        }
        return approvals.changePolicy(ApprovalPolicy.fromJson(body)).toJson();
    }

    @GET
    @Path("{id}")
    @AuditedOperation(value = "approval.read", object = 0)
    public ApprovalView get(@PathParam("id") String id) {
        return approvals.get(id);
    }

    @POST
    @Path("{id}/approve")
    @AuditedOperation(value = "approval.approve", object = 0)
    public ApprovalView approve(@PathParam("id") String id) {
        return approvals.approve(id);
    }

    @POST
    @Path("{id}/reject")
    @AuditedOperation(value = "approval.reject", object = 0)
    public ApprovalView reject(@PathParam("id") String id, Rejection body) {
        return approvals.reject(id, body == null ? null : validation.valid(body).reason());
    }
}
