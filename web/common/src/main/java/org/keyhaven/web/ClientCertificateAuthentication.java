package org.keyhaven.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.CallContext;
import org.keyhaven.client.ClientAuthenticator;
import org.keyhaven.client.ClientIdentity;
import org.keyhaven.common.ErrorCode;

/**
 * Application clients authenticate with the certificate they presented in the mutual TLS handshake (the listener
 * refuses connections without one); {@link ClientAuthenticator} decides whether it still identifies an enabled client.
 * The container receives the client's principal and the single role CLIENT. Declared by a subclass in each
 * application WAR.
 */
public abstract class ClientCertificateAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ClientCertificateAuthentication.class.getName());

    @EJB
    private ClientAuthenticator authenticator;

    @Inject
    private CallContext callContext;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        callContext.set(request.getRemoteAddr(), request.getLocalPort());
        if (!context.isProtected()) {
            return context.doNothing();
        }
        X509Certificate[] chain = TlsPeerCertificates.of(request);
        if (chain.length == 0) {
            return MechanismResponses.refuse(request, response, ErrorCode.UNAUTHORIZED, "a client certificate is required",
                    null);
        }
        ClientIdentity client;
        try {
            client = authenticator.authenticate(chain);
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e);
            if (failure.code() == ErrorCode.INTERNAL) {
                LOG.log(Level.SEVERE, "client authentication failed unexpectedly", e);
                return MechanismResponses.refuse(request, response, ErrorCode.SERVER_BUSY, "authentication is unavailable",
                        null);
            }
            return MechanismResponses.refuse(request, response, failure.code(), failure.detail(), null);
        }
        return context.notifyContainerAboutLogin(new CallerPrincipal(client.principalName()), Set.of(Roles.CLIENT));
    }
}
