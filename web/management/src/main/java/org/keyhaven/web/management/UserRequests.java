package org.keyhaven.web.management;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.keyhaven.access.AdminUserView;

/** Request and response bodies of the user endpoints. */
public final class UserRequests {

    private UserRequests() {
    }

    public record Create(@NotBlank @Size(max = 64) String username,
            @NotEmpty @Size(max = 3) List<@NotBlank @Size(max = 32) String> roles) {
    }

    public record Roles(@NotEmpty @Size(max = 3) List<@NotBlank @Size(max = 32) String> roles) {
    }

    public record ChangePassword(@NotNull @Size(max = 256) String currentPassword,
            @NotNull @Size(max = 256) String newPassword) {
    }

    /** A created or reset user with the one-time password, shown exactly once. */
    public record WithOneTimePassword(AdminUserView user, String oneTimePassword) {
    }
}
