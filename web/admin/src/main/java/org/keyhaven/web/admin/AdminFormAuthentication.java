package org.keyhaven.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.access.AdminAuthenticator;
import org.keyhaven.access.LoginResult;
import org.keyhaven.audit.CallContext;
import org.keyhaven.system.SettingsService;

/**
 * The admin UI's form login. The login page hands the credentials over through
 * {@code SecurityContext.authenticate}; {@link AdminAuthenticator} checks them (Argon2id, lockout, audit). A good login
 * gets a new session id (no fixation) holding only the username. Every later request takes the user's roles afresh
 * from the database, so disabling, locking or re-roling an admin takes effect on their open session at once, and an
 * admin on a one-time password holds nothing but the right to change it.
 */
@ApplicationScoped
public class AdminFormAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_USER = "keyhaven.admin.user";
    /** How long a logged-in session may stay idle before it ends. */
    static final String IDLE_SECONDS_PROPERTY = "keyhaven.admin-ui.idle-seconds";
    static final int DEFAULT_IDLE_SECONDS = 900;
    /** Request attribute: why a login failed ({@link LoginResult.Status}), for the login page's message. */
    static final String LOGIN_STATUS = "keyhaven.login.status";

    private static final Logger LOG = Logger.getLogger(AdminFormAuthentication.class.getName());

    static final String SWITCHED_OFF = "The Keyhaven admin web UI is switched off. A security administrator switches it"
            + " on again from the server side: PUT /api/v1/settings/admin-ui {\"enabled\":true} on the management port"
            + " (6001).\n";

    @EJB
    private AdminAuthenticator authenticator;

    @EJB
    private SettingsService settings;

    @Inject
    private CallContext callContext;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        callContext.set(request.getRemoteAddr(), request.getLocalPort());
        AdminHeadersFilter.apply(response); // also on the redirects answered here, before any filter runs
        if (!settings.adminUiEnabled()) {
            return switchedOff(request, response);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential password) {
            return login(request, context, password);
        }
        HttpSession session = request.getSession(false);
        String username = session == null ? null : (String) session.getAttribute(SESSION_USER);
        if (username != null) {
            Optional<Set<String>> roles;
            try {
                roles = authenticator.currentRoles(username);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "admin UI: cannot check the session's user", e);
                return context.redirect(request.getContextPath() + "/error.xhtml?problem=unavailable");
            }
            if (roles.isPresent()) {
                return context.notifyContainerAboutLogin(new CallerPrincipal(username), roles.get());
            }
            session.invalidate();
        }
        return context.isProtected() ? context.redirect(request.getContextPath() + "/login.xhtml")
                : context.doNothing();
    }

    /**
     * The security guide's switch: once a security administrator turns the admin UI off, every request (public pages
     * too, before any login) gets 404 with a notice of how to switch it on again, and open sessions end.
     */
    private static AuthenticationStatus switchedOff(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        try {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(SWITCHED_OFF);
            response.flushBuffer(); // committed: no error page replaces the notice
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE; // answered here: the page is not invoked
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context,
            UsernamePasswordCredential credential) {
        LoginResult result;
        try {
            result = authenticator.login(credential.getCaller(), credential.getPassword().getValue());
        } finally {
            credential.getPassword().clear();
        }
        if (!result.succeeded()) {
            request.setAttribute(LOGIN_STATUS, result.status());
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(SESSION_USER, result.username());
        session.setMaxInactiveInterval(Integer.getInteger(IDLE_SECONDS_PROPERTY, DEFAULT_IDLE_SECONDS));
        return context.notifyContainerAboutLogin(new CallerPrincipal(result.username()), result.containerRoles());
    }
}
