package org.keyhaven.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Keyhaven server started by the test itself, as an operator would (bin/standalone.sh with the EAR in the
 * deployments directory), so that tests can stop it, kill it with SIGKILL and start it again on the same data. It
 * runs from the provisioned server with its own base directory (configuration, deployments, data, log) under the
 * run directory, on the run's port offset, with the run's database environment.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Path base;
    private final Map<String, String> environment;
    private Process process;

    private ServerProcess(Path base, Map<String, String> environment) {
        this.base = base;
        this.environment = Map.copyOf(environment);
    }

    /** A fresh installation: new base directory, and for PostgreSQL runs a new database. */
    public static ServerProcess fresh(String name) {
        return fresh(name, Map.of());
    }

    /** The same, with environment variables for the server (e.g. {@code KEYHAVEN_SEAL_MODE}). */
    public static ServerProcess fresh(String name, Map<String, String> environment) {
        Path base = Suite.runDir().resolve(name);
        FreshSuiteState.deleteRecursively(base);
        if (Suite.postgresql()) {
            FreshSuiteState.recreateDatabase(Suite.database());
        }
        try {
            copyDirectory(Suite.serverHome().resolve("standalone").resolve("configuration"),
                    base.resolve("configuration"));
            FreshSuiteState.deleteRecursively(base.resolve("configuration").resolve("standalone_xml_history"));
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(Suite.ear(), base.resolve("deployments").resolve("keyhaven.ear"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerProcess(base, environment);
    }

    public Path serverLog() {
        return base.resolve("log").resolve("server.log");
    }

    /** Starts the server and waits until Keyhaven is deployed (or fails the test if it is not). */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        long logLength = logLength();
        ProcessBuilder builder = new ProcessBuilder(
                Suite.serverHome().resolve("bin").resolve("standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + Suite.port(0))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        builder.environment().put("JAVA_OPTS", Suite.jvmArguments());
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String fresh = logSince(logLength);
            if (fresh.contains("WFLYSRV0010: Deployed \"keyhaven.ear\"")) {
                return;
            }
            if (fresh.contains("WFLYSRV0026") || fresh.contains("WFLYCTL0186") || !process.isAlive()) {
                throw new IllegalStateException("Keyhaven did not deploy; see " + serverLog());
            }
            pause(500);
        }
        throw new IllegalStateException("Keyhaven did not start within " + START_TIMEOUT + "; see " + serverLog());
    }

    /** Graceful stop (SIGTERM to the JVM), waiting for it to exit. */
    public void stop() {
        java().ifPresent(ProcessHandle::destroy);
        awaitExit();
    }

    /** SIGKILL to the JVM: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        java().ifPresent(ProcessHandle::destroyForcibly);
        awaitExit();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private Optional<ProcessHandle> java() {
        if (process == null) {
            return Optional.empty();
        }
        try (Stream<ProcessHandle> descendants = process.descendants()) {
            List<ProcessHandle> javas = descendants.filter(p -> p.info().command().map(c -> c.endsWith("java"))
                    .orElse(false)).toList();
            return javas.isEmpty() ? Optional.of(process.toHandle()) : Optional.of(javas.get(0));
        }
    }

    private void awaitExit() {
        try {
            process.waitFor();
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long logLength() {
        try {
            return Files.exists(serverLog()) ? Files.size(serverLog()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logSince(long offset) {
        try {
            if (!Files.exists(serverLog())) {
                return "";
            }
            byte[] all = Files.readAllBytes(serverLog());
            return offset >= all.length ? "" : new String(all, (int) offset, all.length - (int) offset,
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
