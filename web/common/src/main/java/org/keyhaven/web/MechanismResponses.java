package org.keyhaven.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.keyhaven.common.ErrorCode;

/** How an authentication mechanism refuses a request: a complete problem+json response, nothing from the container. */
final class MechanismResponses {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final long DISCARD_LIMIT = 1024 * 1024;

    private MechanismResponses() {
    }

    /**
     * Writes the problem and completes the response (closing the writer), so the container adds no error page of its
     * own; {@code challenge} is the WWW-Authenticate value, or null.
     */
    static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, ErrorCode code,
            String detail, String challenge) {
        try {
            discardBody(request);
            SecurityHeaders.apply(response);
            response.setStatus(code.httpStatus());
            if (challenge != null) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.toJson(Problems.problem(code, detail, null, null)));
            response.getWriter().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * Reads a small refused body to its end, so the exchange is complete and the container does not try to send an
     * error of its own after ours; a larger one is left unread (the connection is then closed).
     */
    private static void discardBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() == 0 || request.getContentLengthLong() > DISCARD_LIMIT) {
            return;
        }
        InputStream in = request.getInputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0 && total <= DISCARD_LIMIT; n = in.read(buffer)) {
            total += n;
        }
    }
}
