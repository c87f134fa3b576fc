package org.keyhaven.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.keyhaven.access.Roles;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * An admin still on a one-time password may only change it: every other call answers 403 password-change-required.
 * The services enforce the same through their roles; this filter gives the caller the precise reason first. The
 * refusal is audited.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class PasswordChangeGate implements ContainerRequestFilter {

    public static final String CHANGE_PATH = "api/v1/users/me/password";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().isUserInRole(Roles.PASSWORD_CHANGE_REQUIRED)
                && !("POST".equals(request.getMethod())
                        && CHANGE_PATH.equals(trimSlashes(request.getUriInfo().getPath())))) {
            // thrown, not aborted: the ProblemMapper answers and audits the refusal like any other
            throw new KeyhavenException(ErrorCode.PASSWORD_CHANGE_REQUIRED,
                    "change your one-time password first: POST /" + CHANGE_PATH);
        }
    }

    private static String trimSlashes(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
