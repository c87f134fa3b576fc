package org.keyhaven.web;

import jakarta.ejb.EJB;
import jakarta.ws.rs.NotAllowedException;
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
import org.keyhaven.audit.AuditedOperation;
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
        Response problem = Problems.response(code, detail, path(),
                failure.keyhavenException() instanceof InvalidRequestException invalid ? invalid.errors() : null);
        if (thrown instanceof NotAllowedException notAllowed) {
            // RFC 9110: a 405 names the methods the resource does take
            return Response.fromResponse(problem).allow(notAllowed.getResponse().getAllowedMethods()).build();
        }
        return problem;
    }

    /**
     * The audited name of the refused operation: the one the resource method declares (the same name the service
     * audits its successes under), else a generic one. Refusals by the container's role check end here, before the
     * service's own refusal audit could see them.
     */
    private String operation() {
        if (resource.getResourceMethod() == null) {
            return "api.request";
        }
        AuditedOperation declared = resource.getResourceMethod().getAnnotation(AuditedOperation.class);
        return declared != null ? declared.value()
                : "api." + resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
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
            String operation = operation();
            audit.recordIndependently(AuditEvent.of(operation).failed(code)
                    .object(failure.keyhavenException() == null ? null : failure.keyhavenException().objectId())
                    .detail("path", path()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not audit a refused request to /" + uri.getPath(), e);
        }
    }
}
