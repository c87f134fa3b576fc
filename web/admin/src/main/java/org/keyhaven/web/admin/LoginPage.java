package org.keyhaven.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.keyhaven.access.LoginResult;

/**
 * The login form. Success always lands on the dashboard (or the password page for a one-time password): there is no
 * return-to parameter that could be turned into an open redirect.
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private UiActions ui;

    @NotEmpty(message = "enter your username")
    @Size(max = 64, message = "usernames are at most 64 characters")
    private String username;

    @NotEmpty(message = "enter your password")
    @Size(max = 1024, message = "passwords are at most 1024 characters")
    private String password;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        char[] secret = password.toCharArray();
        password = null;
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(secret))));
        java.util.Arrays.fill(secret, '\0');
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(external.getRequestContextPath() + "/index.xhtml");
            faces.responseComplete();
            return;
        }
        Object why = request.getAttribute(AdminFormAuthentication.LOGIN_STATUS);
        ui.error(null, why == LoginResult.Status.LOCKED
                ? "This account is locked after too many failed logins. Wait, or ask a security administrator to"
                        + " unlock it."
                : "Wrong username or password.");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
