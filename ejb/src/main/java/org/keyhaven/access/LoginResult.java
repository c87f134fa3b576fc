package org.keyhaven.access;

import java.util.Set;

/**
 * The outcome of checking an admin's credentials. On success, {@code containerRoles} are the roles the caller gets
 * for this request: the user's role, or only {@link Roles#PASSWORD_CHANGE_REQUIRED} while a one-time password is
 * still in use.
 */
public record LoginResult(Status status, String username, Set<String> containerRoles) {

    public enum Status {
        SUCCESS,
        INVALID_CREDENTIALS,
        LOCKED
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }

    public boolean passwordChangeRequired() {
        return containerRoles.contains(Roles.PASSWORD_CHANGE_REQUIRED);
    }

    static LoginResult failed(Status status, String username) {
        return new LoginResult(status, username, Set.of());
    }
}
