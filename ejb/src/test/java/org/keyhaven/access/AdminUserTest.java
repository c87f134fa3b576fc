package org.keyhaven.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

class AdminUserTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);
    private static final int MAX_ATTEMPTS = 5;

    private final AdminUser user = new AdminUser("u-1", "alice", Set.of(Role.CRYPTO_OFFICER), "one-time-hash", "admin",
            T0);

    @Test
    void aNewUserHasAOneTimePasswordAndIsEnabledAndUnlocked() {
        assertThat(user.mustChangePassword()).isTrue();
        assertThat(user.enabled()).isTrue();
        assertThat(user.isLocked(T0)).isFalse();
        assertThat(user.roles()).containsExactly(Role.CRYPTO_OFFICER);
        assertThat(user.passwordHash()).isEqualTo("one-time-hash");
        AdminUserView view = user.toView(T0);
        assertThat(view.username()).isEqualTo("alice");
        assertThat(view.passwordChangeRequired()).isTrue();
        assertThat(view.locked()).isFalse();
    }

    @Test
    void aUserWithConflictingRolesCannotBeCreated() {
        assertThatThrownBy(() -> new AdminUser("u-2", "bob", EnumSet.of(Role.SECURITY_ADMIN, Role.AUDITOR), "h",
                "admin", T0)).isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SEPARATION_OF_DUTIES));
    }

    @Test
    void reachingTheThresholdLocksTheAccountAndNothingEarlierDoes() {
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            assertThat(user.recordFailedLogin(MAX_ATTEMPTS, LOCK, T0)).as("failure %d", attempt).isFalse();
            assertThat(user.isLocked(T0)).isFalse();
        }

        assertThat(user.recordFailedLogin(MAX_ATTEMPTS, LOCK, T0)).isTrue();
        assertThat(user.isLocked(T0)).isTrue();
        assertThat(user.toView(T0).locked()).isTrue();
        assertThat(user.toView(T0).lockedUntil()).isEqualTo(T0.plus(LOCK));
    }

    @ParameterizedTest(name = "threshold {0}")
    @ValueSource(ints = {1, 3, 10})
    void theThresholdIsTheCallersSetting(int threshold) {
        for (int attempt = 1; attempt < threshold; attempt++) {
            user.recordFailedLogin(threshold, LOCK, T0);
        }

        assertThat(user.isLocked(T0)).isFalse();
        assertThat(user.recordFailedLogin(threshold, LOCK, T0)).isTrue();
    }

    @Test
    void theLockLastsExactlyTheLockDuration() {
        lockOut(T0);

        assertThat(user.isLocked(T0.plus(LOCK).minusNanos(1))).isTrue();
        assertThat(user.isLocked(T0.plus(LOCK))).isFalse();
        assertThat(user.isLocked(T0.plus(LOCK).plusSeconds(1))).isFalse();
    }

    @Test
    void afterALockTheCountStartsAgain() {
        lockOut(T0);
        Instant later = T0.plus(LOCK).plusSeconds(1);

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            assertThat(user.recordFailedLogin(MAX_ATTEMPTS, LOCK, later)).isFalse();
        }
        assertThat(user.recordFailedLogin(MAX_ATTEMPTS, LOCK, later)).isTrue();
        assertThat(user.isLocked(later)).isTrue();
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            user.recordFailedLogin(MAX_ATTEMPTS, LOCK, T0);
        }

        user.recordSuccessfulLogin(T0.plusSeconds(1));

        assertThat(user.recordFailedLogin(MAX_ATTEMPTS, LOCK, T0.plusSeconds(2))).isFalse();
        assertThat(user.isLocked(T0.plusSeconds(2))).isFalse();
    }

    @Test
    void unlockLiftsTheLockAndResetsTheCount() {
        lockOut(T0);

        user.unlock();

        assertThat(user.isLocked(T0)).isFalse();
        assertThat(user.recordFailedLogin(MAX_ATTEMPTS, LOCK, T0)).isFalse();
    }

    @Test
    void resettingThePasswordMakesItOneTimeAndUnlocks() {
        user.changePassword("chosen-hash", T0.plusSeconds(10));
        assertThat(user.mustChangePassword()).isFalse();
        lockOut(T0.plusSeconds(20));

        user.resetPassword("new-one-time-hash", T0.plusSeconds(30));

        assertThat(user.mustChangePassword()).isTrue();
        assertThat(user.passwordHash()).isEqualTo("new-one-time-hash");
        assertThat(user.isLocked(T0.plusSeconds(30))).isFalse();
        assertThat(user.toView(T0.plusSeconds(30)).passwordChangedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(user.recordFailedLogin(MAX_ATTEMPTS, LOCK, T0.plusSeconds(31))).isFalse();
    }

    @Test
    void changingThePasswordEndsItsOneTimeStatus() {
        user.changePassword("chosen-hash", T0.plusSeconds(10));

        assertThat(user.mustChangePassword()).isFalse();
        assertThat(user.passwordHash()).isEqualTo("chosen-hash");
        assertThat(user.toView(T0).passwordChangedAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void upgradingTheHashKeepsTheOneTimeStatus() {
        user.upgradeHash("stronger-hash");

        assertThat(user.mustChangePassword()).isTrue();
        assertThat(user.passwordHash()).isEqualTo("stronger-hash");
    }

    @Test
    void rolesChangeOnlyWithinSeparationOfDuties() {
        user.setRoles(EnumSet.of(Role.AUDITOR));
        assertThat(user.roles()).containsExactly(Role.AUDITOR);

        assertThatThrownBy(() -> user.setRoles(EnumSet.of(Role.AUDITOR, Role.CRYPTO_OFFICER)))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SEPARATION_OF_DUTIES));
        assertThatThrownBy(() -> user.setRoles(EnumSet.noneOf(Role.class)))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThat(user.roles()).containsExactly(Role.AUDITOR);
    }

    @Test
    void theRoleSetHandedOutIsACopy() {
        user.roles().add(Role.SECURITY_ADMIN);

        assertThat(user.roles()).containsExactly(Role.CRYPTO_OFFICER);
    }

    @Test
    void aDisabledUserStaysDisabledUntilEnabled() {
        user.setEnabled(false);
        assertThat(user.toView(T0).enabled()).isFalse();

        user.setEnabled(true);
        assertThat(user.enabled()).isTrue();
    }

    private void lockOut(Instant now) {
        boolean locked = false;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            locked = user.recordFailedLogin(MAX_ATTEMPTS, LOCK, now);
        }
        assertThat(locked).isTrue();
    }
}
