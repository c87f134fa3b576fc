package org.keyhaven.access;

import java.util.List;
import java.util.Set;

/**
 * Admin users: created, reset, unlocked, re-roled and disabled by security administrators, under separation of
 * duties; every user changes their own password.
 */
public interface AdminUserService {

    CreatedUser create(String username, Set<Role> roles);

    List<AdminUserView> list();

    AdminUserView get(String id);

    AdminUserView me();

    void changeOwnPassword(char[] currentPassword, char[] newPassword);

    CreatedUser resetPassword(String id);

    AdminUserView unlock(String id);

    AdminUserView setRoles(String id, Set<Role> roles);

    AdminUserView enable(String id);

    AdminUserView disable(String id);
}
