package org.keyhaven.web;

import jakarta.ejb.EJB;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.common.ErrorCode;

/**
 * Every failure leaves the API as application/problem+json with a stable type, never a stack trace. Refusals that
 * were not audited where they happened (container authorisation, malformed requests) are audited here. Internal
 * errors get an incident id that is logged with the full exception, so support can find it.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    private SecurityContext security;

    @Context
    private UriInfo uri;

    @Context
    private ResourceInfo resource;

    @EJB
    private AuditLog audit;

    @Override
    public Response toResponse(Throwable thrown) {
        Failure failure = Failure.of(thrown);
        ErrorCode code = failure.code();
        String detail = failure.detail();
        if (code == ErrorCode.FORBIDDEN && security.isUserInRole(Roles.PASSWORD_CHANGE_REQUIRED)) {
            code = ErrorCode.PASSWORD_CHANGE_REQUIRED;
            detail = "change your one-time password first: POST /api/v1/users/me/password";
        }
        if (code == ErrorCode.INTERNAL) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "incident " + incident + " on " + uri.getPath(), thrown);
            detail = "internal error; incident " + incident;
        }
        if (code != ErrorCode.NOT_FOUND || resource.getResourceMethod() != null) {
            auditRefusal(failure, code);
        }
        return Problems.response(code, detail, path(),
                failure.keyhavenException() instanceof InvalidRequestException invalid ? invalid.errors() : null);
    }

    private String path() {
        String path = uri.getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    private void auditRefusal(Failure failure, ErrorCode code) {
        if (failure.keyhavenException() != null && failure.keyhavenException().isAudited()) {
            return;
        }
        try {
            String operation = resource.getResourceMethod() == null ? "api.request"
                    : "api." + resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
            audit.recordIndependently(AuditEvent.of(operation).failed(code)
                    .object(failure.keyhavenException() == null ? null : failure.keyhavenException().objectId())
                    .detail("path", path()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not audit a refused request to /" + uri.getPath(), e);
        }
    }
}
