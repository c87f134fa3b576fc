package org.keyhaven.web.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * A second line against cross-site request forgery, besides the Faces view state token every form carries and the
 * SameSite=Strict session cookie: a form post must name this server as its {@code Origin}, which browsers always
 * send with a post and pages cannot forge. Anything else is refused before Faces sees it.
 */
public class SameOriginFilter extends HttpFilter {

    static final String REFUSED = "Refused: this form was not posted from the Keyhaven admin UI itself.\n";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || sameOrigin(request.getHeader("Origin"), request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(REFUSED);
    }

    static boolean sameOrigin(String origin, HttpServletRequest request) {
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        return host != null && origin.toLowerCase(Locale.ROOT).equals("https://" + host.toLowerCase(Locale.ROOT));
    }
}
