package org.keyhaven.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ready only when unsealed with a database that answers; the checks name states, in a fixed order. */
class ReadinessTest {

    @ParameterizedTest(name = "sealed={0} database={1} -> {2}")
    @CsvSource({
        "false, true,  UP,   UNSEALED, UP",
        "true,  true,  DOWN, SEALED,   UP",
        "false, false, DOWN, UNSEALED, DOWN",
        "true,  false, DOWN, SEALED,   DOWN",
    })
    void readinessFollowsSealAndDatabase(boolean sealed, boolean databaseUp, String status, String seal,
            String database) {
        Readiness readiness = new Readiness(sealed, databaseUp);

        assertThat(readiness.ready()).isEqualTo("UP".equals(status));
        assertThat(readiness.status()).isEqualTo(status);
        assertThat(readiness.checks()).containsExactly(
                entry("seal", seal),
                entry("database", database));
    }
}
