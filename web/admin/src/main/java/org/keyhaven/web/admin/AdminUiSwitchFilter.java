package org.keyhaven.web.admin;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.keyhaven.system.SettingsService;

/**
 * The security guide's switch: once a security administrator turns the admin UI off, every page answers 404 with a
 * short text saying how to turn it on again (the management API on port 6001), and open sessions end.
 */
public class AdminUiSwitchFilter extends HttpFilter {

    static final String SWITCHED_OFF = "The Keyhaven admin web UI is switched off. A security administrator switches it"
            + " on again from the server side: PUT /api/v1/settings/admin-ui {\"enabled\":true} on the management port"
            + " (6001).\n";

    @EJB
    private SettingsService settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (settings.adminUiEnabled()) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(SWITCHED_OFF);
    }
}
