package org.keyhaven.web.management;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.keyhaven.approval.ApprovalPendingException;
import org.keyhaven.approval.ApprovalView;

/**
 * A management call that needs approval answers 202 Accepted with the request it left (DESIGN.md section 11), its
 * address in {@code Location}.
 */
@Provider
public class ApprovalPendingMapper implements ExceptionMapper<ApprovalPendingException> {

    @Override
    public Response toResponse(ApprovalPendingException pending) {
        ApprovalView request = pending.request();
        return Response.accepted(request).type(MediaType.APPLICATION_JSON_TYPE)
                .location(UriBuilder.fromPath("/api/v1/approvals/{id}").build(request.id())).build();
    }
}
