package org.keyhaven.web.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.keyhaven.access.Roles;

/**
 * An admin still on a one-time password sees only the password page (and may log out): every other page redirects
 * there. The services refuse everything else to that role anyway; this gives the admin the way forward.
 */
public class PasswordChangeFilter extends HttpFilter {

    static final String PASSWORD_PAGE = "/password.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (request.isUserInRole(Roles.PASSWORD_CHANGE_REQUIRED) && !PASSWORD_PAGE.equals(path)
                && !path.startsWith("/jakarta.faces.resource/") && !"/error.xhtml".equals(path)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
