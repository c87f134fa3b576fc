package org.keyhaven.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.keyhaven.access.AdminUserService;
import org.keyhaven.access.AdminUserView;
import org.keyhaven.access.CreatedUser;
import org.keyhaven.access.Role;

/**
 * The users page: the admin users for security administrators (who manage them) and auditors (who read the list).
 * A new user's or a reset one-time password is shown in the response to that action only: it lives in this
 * request-scoped bean as long as rendering needs it, and the service's copy is wiped at once. Each row's form names
 * its user in a hidden field, so an action never hits another user when the list changed since it was shown.
 */
@Named
@RequestScoped
public class UsersPage {

    private static final int MAX_ID = 64;

    @EJB
    private AdminUserService users;

    @Inject
    private UiActions ui;

    private List<AdminUserView> list;

    @NotBlank(message = "enter a username")
    @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}",
            message = "3-64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
    private String username;

    @NotNull(message = "choose a role")
    private Role role;

    private String otpUsername;
    private String otp;

    /** Loads the list once per request, before rendering (a refusal then shows as a message). */
    public void load() {
        if (list == null) {
            list = ui.attempt(null, users::list).orElse(List.of());
        }
    }

    public void create() {
        String wanted = username;
        Set<Role> roles = EnumSet.of(role);
        if (showPassword(ui.attempt(null, () -> users.create(wanted, roles)))) {
            ui.info("User " + wanted + " is created.");
            username = null;
            role = null;
        }
        list = null;
    }

    public void resetPassword() {
        if (showPassword(ui.attempt(null, () -> users.resetPassword(postedUser())))) {
            ui.info("The password of " + otpUsername + " is reset; the old one no longer works.");
        }
        list = null;
    }

    public void unlock() {
        act(users::unlock, user -> " is unlocked.");
    }

    public void enable() {
        act(users::enable, user -> " is enabled.");
    }

    public void disable() {
        act(users::disable, user -> " is disabled: refused from their next request on.");
    }

    /** Gives the posted user this role instead of theirs (one button per role, so the row needs no select). */
    public void changeRole(Role role) {
        act(id -> users.setRoles(id, EnumSet.of(role)), user -> " is now " + UserRoles.describe(user.roles()) + ".");
    }

    private void act(Function<String, AdminUserView> action, Function<AdminUserView, String> done) {
        String id = postedUser();
        ui.attempt(null, () -> action.apply(id)).ifPresent(user -> ui.info("User " + user.username()
                + done.apply(user)));
        list = null;
    }

    /** Keeps the one-time password for this response and wipes the service's copy; whether there was one. */
    private boolean showPassword(Optional<CreatedUser> created) {
        created.ifPresent(user -> {
            try (user) {
                otpUsername = user.user().username();
                otp = new String(user.oneTimePassword());
            }
        });
        return created.isPresent();
    }

    private static String postedUser() {
        return ClientParameter.get("user", MAX_ID);
    }

    public List<AdminUserView> getList() {
        load();
        return list;
    }

    public List<Role> getRoles() {
        return List.of(Role.values());
    }

    public String roleLabel(Role value) {
        return UserRoles.label(value);
    }

    public String rolesText(AdminUserView user) {
        return UserRoles.describe(user.roles());
    }

    public boolean holds(AdminUserView user, Role value) {
        return user.roles().contains(value);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getOtpUsername() {
        return otpUsername;
    }

    public String getOtp() {
        return otp;
    }
}
