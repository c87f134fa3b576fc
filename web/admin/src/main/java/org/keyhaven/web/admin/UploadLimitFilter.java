package org.keyhaven.web.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a multipart form (a CSR upload) before Faces does, so an oversized upload is answered 413 with a short
 * notice instead of failing deep inside the page with a bare server error. The limits are those of the Faces
 * servlet's multipart configuration in {@code web.xml}.
 */
public class UploadLimitFilter extends HttpFilter {

    static final String TOO_LARGE = "Refused: the upload is larger than the admin UI accepts (a CSR is at most 64 KiB)."
            + " Nothing was changed; go back and choose a smaller file.\n";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if ("POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            try {
                request.getParts();
            } catch (IllegalStateException | IOException e) {
                response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write(TOO_LARGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
