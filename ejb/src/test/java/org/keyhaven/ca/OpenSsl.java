package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code openssl} binary (OpenSSL 3) in a test's temporary directory, as an implementation that
 * shares no code with Bouncy Castle or the JDK. Standard input is closed at once (so a prompt fails instead of
 * hanging), output goes to files (so a chatty process cannot block on a full pipe), and a process that outlives
 * {@link #TIMEOUT_SECONDS} is killed and fails the test.
 */
final class OpenSsl {

    static final Path BINARY = Path.of("/usr/bin/openssl");
    static final long TIMEOUT_SECONDS = 60;

    record Result(int exitCode, String stdout, String stderr) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private OpenSsl() {
    }

    /** Runs {@code openssl arguments...} in {@code directory}, whatever its exit code. */
    static Result run(Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(arguments));
        try {
            Path stdout = Files.createTempFile(directory, "openssl", ".out");
            Path stderr = Files.createTempFile(directory, "openssl", ".err");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS
                        + " s");
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + BINARY + " (is OpenSSL 3 installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running openssl", e);
        }
    }

    /** Runs {@code openssl arguments...}, fails the test unless it exits with 0, and returns its standard output. */
    static String succeed(Path directory, String... arguments) {
        Result result = run(directory, arguments);
        assertThat(result.exitCode()).as("openssl %s%nstdout: %s%nstderr: %s", String.join(" ", arguments),
                result.stdout(), result.stderr()).isZero();
        return result.stdout();
    }

    static Path write(Path directory, String name, String content) {
        try {
            return Files.writeString(directory.resolve(name), content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Path write(Path directory, String name, byte[] content) {
        try {
            return Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Path writeCertificates(Path directory, String name, X509Certificate... certificates) {
        return write(directory, name, Pem.write(List.of(certificates)));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
