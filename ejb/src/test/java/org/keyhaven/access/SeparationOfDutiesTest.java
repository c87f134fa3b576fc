package org.keyhaven.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** Every subset of the three roles: exactly the single-role sets pass. */
class SeparationOfDutiesTest {

    static Stream<Set<Role>> everyRoleSet() {
        Role[] roles = Role.values();
        return IntStream.range(0, 1 << roles.length).mapToObj(bits -> {
            EnumSet<Role> set = EnumSet.noneOf(Role.class);
            for (int i = 0; i < roles.length; i++) {
                if ((bits & 1 << i) != 0) {
                    set.add(roles[i]);
                }
            }
            return set;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRoleSet")
    void exactlyOneRoleIsAllowed(Set<Role> roles) {
        if (roles.size() == 1) {
            assertThatCode(() -> SeparationOfDuties.check(roles)).doesNotThrowAnyException();
        } else {
            ErrorCode expected = roles.isEmpty() ? ErrorCode.INVALID_REQUEST : ErrorCode.SEPARATION_OF_DUTIES;
            assertThatThrownBy(() -> SeparationOfDuties.check(roles)).isInstanceOfSatisfying(KeyhavenException.class,
                    e -> assertThat(e.code()).isEqualTo(expected));
        }
    }

    @Test
    void theTableHasEightRoleSets() {
        assertThat(everyRoleSet()).hasSize(8);
    }

    @Test
    void noRolesAtAllIsAnInvalidRequest() {
        assertThatThrownBy(() -> SeparationOfDuties.check(null)).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aSecurityAdministratorCannotAlsoBeACryptoOfficer() {
        assertThatThrownBy(() -> SeparationOfDuties.check(EnumSet.of(Role.SECURITY_ADMIN, Role.CRYPTO_OFFICER)))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SEPARATION_OF_DUTIES))
                .hasMessageContaining("SECURITY_ADMIN").hasMessageContaining("CRYPTO_OFFICER");
    }
}
