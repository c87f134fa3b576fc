package org.keyhaven.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.access.AdminAuthenticator;
import org.keyhaven.access.LoginResult;
import org.keyhaven.audit.CallContext;
import org.keyhaven.common.ErrorCode;

/**
 * HTTP Basic authentication of admin users over TLS, checked by {@link AdminAuthenticator} (Argon2id, lockout,
 * audit). The container receives the caller and the roles for this request. Not a CDI bean by itself: each API WAR
 * that uses it declares a subclass, so WARs with another mechanism (the admin UI's form, client certificates) are
 * not affected.
 */
public abstract class AdminBasicAuthentication implements HttpAuthenticationMechanism {

    private static final String REALM = "Basic realm=\"Keyhaven\", charset=\"UTF-8\"";
    private static final int MAX_HEADER = 4096;
    private static final Logger LOG = Logger.getLogger(AdminBasicAuthentication.class.getName());

    @EJB
    private AdminAuthenticator authenticator;

    @Inject
    private CallContext callContext;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        // authentication runs before the JAX-RS filters: login records need the caller's address too
        callContext.set(request.getRemoteAddr(), request.getLocalPort());
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected() ? refuse(response, context, ErrorCode.UNAUTHORIZED,
                    "authenticate with HTTP Basic (an admin username and password)") : context.doNothing();
        }
        char[] credentials = decode(header);
        if (credentials == null) {
            return refuse(response, context, ErrorCode.UNAUTHORIZED, "malformed Basic credentials");
        }
        int colon = indexOf(credentials, ':');
        String username = new String(credentials, 0, Math.max(colon, 0));
        char[] password = colon < 0 ? new char[0] : Arrays.copyOfRange(credentials, colon + 1, credentials.length);
        Arrays.fill(credentials, '\0');
        try {
            LoginResult result;
            try {
                result = authenticator.login(username, password);
            } catch (RuntimeException e) {
                Failure failure = Failure.of(e);
                if (failure.code() == ErrorCode.INTERNAL) {
                    LOG.log(Level.SEVERE, "authentication failed unexpectedly", e);
                    return refuse(response, context, ErrorCode.SERVER_BUSY, "authentication is unavailable; retry");
                }
                return refuse(response, context, failure.code(), failure.detail());
            }
            if (result.succeeded()) {
                return context.notifyContainerAboutLogin(new CallerPrincipal(result.username()),
                        result.containerRoles());
            }
            return result.status() == LoginResult.Status.LOCKED
                    ? refuse(response, context, ErrorCode.ACCOUNT_LOCKED,
                            "too many failed logins; the account is locked for a while")
                    : refuse(response, context, ErrorCode.UNAUTHORIZED, "wrong username or password");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] decode(String header) {
        if (header.length() > MAX_HEADER) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] result = new char[chars.remaining()];
            chars.get(result);
            Arrays.fill(chars.array(), '\0');
            return result;
        } catch (CharacterCodingException e) {
            return null;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static int indexOf(char[] chars, char wanted) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context,
            ErrorCode code, String detail) {
        return MechanismResponses.refuse(context.getRequest(), response, code, detail, REALM);
    }
}
