package org.keyhaven.it.support;

import java.nio.file.Path;

/** Where this test run's server lives and which database it uses (set by the failsafe execution). */
public final class Suite {

    private Suite() {
    }

    public static Path serverHome() {
        return Path.of(required("keyhaven.it.server"));
    }

    public static Path ear() {
        return Path.of(required("keyhaven.it.ear"));
    }

    /** Data and log directories of this run's server: {@code <dataDir>/data}, {@code <dataDir>/log}. */
    public static Path runDir() {
        return Path.of(required("keyhaven.it.dataDir"));
    }

    public static Path serverLog() {
        return runDir().resolve("log").resolve("server.log");
    }

    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("keyhaven.it.db"));
    }

    public static String database() {
        return required("keyhaven.it.database");
    }

    public static String postgresqlUrl() {
        return required("keyhaven.it.postgresql.url");
    }

    public static String postgresqlUser() {
        return required("keyhaven.it.postgresql.user");
    }

    /** A Keyhaven port as this run's server listens on it (default port plus the run's offset). */
    public static int port(int defaultPort) {
        return defaultPort + Integer.getInteger("keyhaven.it.portOffset", 0);
    }

    public static String jvmArguments() {
        return required("keyhaven.it.jvm");
    }

    static String required(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (run through failsafe)");
        }
        return value;
    }
}
