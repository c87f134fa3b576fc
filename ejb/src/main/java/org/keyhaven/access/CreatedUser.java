package org.keyhaven.access;

import java.util.Arrays;

/**
 * A new (or reset) user and the one-time password to hand over, shown exactly once. The caller wipes the password
 * with {@link #close()} once it is delivered.
 */
public record CreatedUser(AdminUserView user, char[] oneTimePassword) implements AutoCloseable {

    @Override
    public void close() {
        Arrays.fill(oneTimePassword, '\0');
    }

    @Override
    public String toString() {
        return "CreatedUser[" + user.username() + "]";
    }
}
