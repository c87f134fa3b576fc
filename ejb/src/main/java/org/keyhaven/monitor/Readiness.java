package org.keyhaven.monitor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether this server can serve keys, for load balancers: it is ready when it is unsealed and its database answers.
 * The checks name only states ({@code SEALED}/{@code UNSEALED}, {@code UP}/{@code DOWN}): no version, no detail a
 * stranger could use.
 */
public record Readiness(boolean sealed, boolean databaseUp) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public boolean ready() {
        return !sealed && databaseUp;
    }

    /** {@value #UP} or {@value #DOWN}. */
    public String status() {
        return ready() ? UP : DOWN;
    }

    /** Each check and its state, in a fixed order: {@code seal}, {@code database}. */
    public Map<String, String> checks() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("seal", sealed ? "SEALED" : "UNSEALED");
        checks.put("database", databaseUp ? UP : DOWN);
        return checks;
    }
}
