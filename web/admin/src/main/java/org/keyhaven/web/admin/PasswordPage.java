package org.keyhaven.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.Arrays;
import org.keyhaven.access.AdminUserService;

/**
 * Changing one's own password: forced after a one-time password, voluntary otherwise. The password policy is the
 * service's; its refusal shows next to the new password.
 */
@Named
@RequestScoped
public class PasswordPage {

    @EJB
    private AdminUserService users;

    @Inject
    private UiActions ui;

    @NotEmpty(message = "enter your current password")
    @Size(max = 1024, message = "passwords are at most 1024 characters")
    private String current;

    @NotEmpty(message = "enter a new password")
    @Size(max = 1024, message = "passwords are at most 1024 characters")
    private String replacement;

    @NotEmpty(message = "repeat the new password")
    @Size(max = 1024, message = "passwords are at most 1024 characters")
    private String confirmation;

    public void change() throws IOException {
        if (!replacement.equals(confirmation)) {
            ui.error("password:confirmation", "the two new passwords differ");
            return;
        }
        char[] old = current.toCharArray();
        char[] fresh = replacement.toCharArray();
        current = replacement = confirmation = null;
        boolean changed;
        try {
            changed = ui.run("password:replacement", () -> users.changeOwnPassword(old, fresh));
        } finally {
            Arrays.fill(old, '\0');
            Arrays.fill(fresh, '\0');
        }
        if (changed) {
            ui.info("Your password is changed.");
            ui.keepForRedirect();
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/index.xhtml");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public String getCurrent() {
        return null;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getReplacement() {
        return null;
    }

    public void setReplacement(String replacement) {
        this.replacement = replacement;
    }

    public String getConfirmation() {
        return null;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
