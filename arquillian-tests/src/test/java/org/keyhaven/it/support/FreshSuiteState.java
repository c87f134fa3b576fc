package org.keyhaven.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every test run starts from nothing: an empty data directory for the server and, for PostgreSQL runs, a freshly
 * created database. Runs before the first test (and before Arquillian starts the server); a run that continues the
 * previous one ({@value #CONTINUE_RUN}) keeps both.
 */
public class FreshSuiteState implements LauncherSessionListener {

    /** Set for a run that continues the previous one on its data (the log hygiene check after the suite). */
    public static final String CONTINUE_RUN = "keyhaven.it.continueRun";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("keyhaven.it.dataDir") == null || Boolean.getBoolean(CONTINUE_RUN)) {
            return;
        }
        deleteRecursively(Suite.runDir());
        if (Suite.postgresql()) {
            recreateDatabase(Suite.database());
        }
    }

    public static void recreateDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + name);
        }
        try (Connection connection = DriverManager.getConnection(Suite.postgresqlUrl() + "postgres",
                Suite.postgresqlUser(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create PostgreSQL database " + name
                    + " on " + Suite.postgresqlUrl() + " (is PostgreSQL running with trust auth?)", e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
