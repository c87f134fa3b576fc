package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keyhaven.access.Role;

class UserRolesTest {

    @Test
    void everyRoleHasWords() {
        assertThat(UserRoles.label(Role.SECURITY_ADMIN)).isEqualTo("security administrator");
        assertThat(UserRoles.label(Role.CRYPTO_OFFICER)).isEqualTo("crypto officer");
        assertThat(UserRoles.label(Role.AUDITOR)).isEqualTo("auditor");
    }

    @Test
    void severalRolesReadInTheEnumsOrder() {
        assertThat(UserRoles.describe(EnumSet.of(Role.AUDITOR, Role.SECURITY_ADMIN)))
                .isEqualTo("security administrator, auditor");
    }

    @Test
    void aUserWithoutRoleSaysSo() {
        assertThat(UserRoles.describe(Set.of())).isEqualTo("none");
    }
}
