package org.keyhaven.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Response headers for an API that serves JSON only: nothing is cacheable, framable or sniffable, and browsers keep
 * to HTTPS.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static void apply(HttpServletResponse response) {
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
    }
}
