package org.keyhaven.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.keyhaven.access.Roles;

/**
 * Who is logged in, for the page template: the name, which navigation entries to show (only a convenience: the
 * services decide what each role may do), and logout.
 */
@Named("me")
@RequestScoped
public class CurrentAdmin {

    public String getName() {
        return request().getRemoteUser();
    }

    public boolean isLoggedIn() {
        return request().getRemoteUser() != null;
    }

    public boolean isOfficer() {
        return request().isUserInRole(Roles.CRYPTO_OFFICER);
    }

    public boolean isSecurityAdmin() {
        return request().isUserInRole(Roles.SECURITY_ADMIN);
    }

    public boolean isAuditor() {
        return request().isUserInRole(Roles.AUDITOR);
    }

    /** Sees keys and clients (metadata): crypto officers and auditors. */
    public boolean isKeyReader() {
        return isOfficer() || isAuditor();
    }

    public boolean isPasswordChangeRequired() {
        return request().isUserInRole(Roles.PASSWORD_CHANGE_REQUIRED);
    }

    public String getRole() {
        return isSecurityAdmin() ? "security administrator" : isOfficer() ? "crypto officer"
                : isAuditor() ? "auditor" : isPasswordChangeRequired() ? "password change required" : "";
    }

    /** Ends the session (a POST from the page header). */
    public void logout() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = request();
        try {
            request.logout();
        } catch (ServletException e) {
            // the session is invalidated below either way
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + "/login.xhtml?bye");
        faces.responseComplete();
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
