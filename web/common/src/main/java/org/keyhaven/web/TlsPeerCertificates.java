package org.keyhaven.web;

import io.undertow.server.RenegotiationRequiredException;
import io.undertow.server.SSLSessionInfo;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The certificate chain the client presented in the TLS handshake. The servlet attribute
 * {@code jakarta.servlet.request.X509Certificate} is filled by Undertow only after authentication has run, so an
 * authentication mechanism reads the TLS session of the connection (Undertow's) itself.
 */
final class TlsPeerCertificates {

    private static final String ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private TlsPeerCertificates() {
    }

    /** The chain, leaf first, or an empty array when the client presented none. */
    static X509Certificate[] of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) {
            return chain;
        }
        ServletRequestContext context = ServletRequestContext.current();
        SSLSessionInfo session = context == null ? null : context.getExchange().getConnection().getSslSessionInfo();
        if (session == null) {
            return new X509Certificate[0];
        }
        try {
            Certificate[] peer = session.getPeerCertificates();
            return peer == null ? new X509Certificate[0] : Arrays.stream(peer)
                    .filter(X509Certificate.class::isInstance).map(X509Certificate.class::cast)
                    .toArray(X509Certificate[]::new);
        } catch (SSLPeerUnverifiedException | RenegotiationRequiredException e) {
            return new X509Certificate[0];
        }
    }
}
