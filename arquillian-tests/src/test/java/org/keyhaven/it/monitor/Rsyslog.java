package org.keyhaven.it.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real rsyslogd (Debian package {@code rsyslog}; TLS needs {@code rsyslog-gnutls}) run by the test as the test's
 * user, on loopback ports chosen free, with everything in its own directory under {@code target/syslog-it}: its
 * configuration, work directory, pid file, console output and the file every message is written to, raw (the
 * message as received, one per line). Stopping it ends the process as a collector that goes away would; starting
 * it again uses the same ports and appends to the same file.
 */
final class Rsyslog implements AutoCloseable {

    private static final Path EXECUTABLE = Files.isExecutable(Path.of("/usr/sbin/rsyslogd"))
            ? Path.of("/usr/sbin/rsyslogd") : Path.of("rsyslogd");
    private static final Duration START_WAIT = Duration.ofSeconds(20);

    private final Path dir;
    private final int tcpPort;
    private final int udpPort;
    private Process process;

    private Rsyslog(Path dir, int tcpPort, int udpPort) {
        this.dir = dir;
        this.tcpPort = tcpPort;
        this.udpPort = udpPort;
    }

    /** Listens for plain TCP (octet counting) and UDP on 127.0.0.1. */
    static Rsyslog plain() throws IOException {
        Rsyslog rsyslog = new Rsyslog(newDirectory(), freeTcpPort(), freeUdpPort());
        rsyslog.writeConfig("module(load=\"imtcp\")\nmodule(load=\"imudp\")\n",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + rsyslog.tcpPort + "\" ruleset=\"keyhaven\")\n"
                + "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + rsyslog.udpPort + "\" ruleset=\"keyhaven\")\n",
                "");
        rsyslog.start();
        return rsyslog;
    }

    /**
     * Listens for TLS (gtls driver, server authentication only) on 127.0.0.1, presenting {@code certificate} (PEM,
     * with {@code key}) issued by {@code ca}.
     */
    static Rsyslog tls(Path ca, Path certificate, Path key) throws IOException {
        Rsyslog rsyslog = new Rsyslog(newDirectory(), freeTcpPort(), 0);
        rsyslog.writeConfig("module(load=\"imtcp\" streamDriver.name=\"gtls\" streamDriver.mode=\"1\""
                + " streamDriver.authMode=\"anon\")\n",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + rsyslog.tcpPort + "\" ruleset=\"keyhaven\")\n",
                "\n  defaultNetstreamDriver=\"gtls\"\n  defaultNetstreamDriverCAFile=\"" + ca.toAbsolutePath() + "\"\n"
                + "  defaultNetstreamDriverCertFile=\"" + certificate.toAbsolutePath() + "\"\n"
                + "  defaultNetstreamDriverKeyFile=\"" + key.toAbsolutePath() + "\"");
        rsyslog.start();
        return rsyslog;
    }

    /** Whether rsyslog's GnuTLS network stream driver (package rsyslog-gnutls) is installed. */
    static boolean gtlsInstalled() {
        for (String lib : List.of("/usr/lib", "/usr/lib64")) {
            Path root = Path.of(lib);
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root, 3)) {
                    if (files.anyMatch(file -> file.getFileName().toString().equals("lmnsd_gtls.so"))) {
                        return true;
                    }
                } catch (IOException | UncheckedIOException e) {
                    // not found there
                }
            }
        }
        return false;
    }

    int tcpPort() {
        return tcpPort;
    }

    int udpPort() {
        return udpPort;
    }

    Path directory() {
        return dir;
    }

    /** Every message received so far, one per line, as received. */
    List<String> messages() {
        Path file = dir.resolve("messages.log");
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start() throws IOException {
        process = new ProcessBuilder(EXECUTABLE.toString(), "-n", "-f", dir.resolve("rsyslog.conf").toString(), "-i",
                dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.out").toFile()))
                .start();
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("rsyslogd exited with " + process.exitValue() + "; see "
                        + dir.resolve("rsyslogd.out"));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort), 500);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("rsyslogd does not listen on " + tcpPort + " after " + START_WAIT);
    }

    /** Ends the process (SIGTERM, then SIGKILL after 10 s) and waits for it. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void writeConfig(String modules, String inputs, String globals) throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        String config = "global(workDirectory=\"" + work.toAbsolutePath() + "\" maxMessageSize=\"64k\"" + globals
                + ")\n" + modules
                + "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")\n"
                + "ruleset(name=\"keyhaven\") {\n  action(type=\"omfile\" file=\""
                + dir.resolve("messages.log").toAbsolutePath() + "\" template=\"raw\")\n}\n"
                + inputs;
        Files.writeString(dir.resolve("rsyslog.conf"), config);
    }

    private static Path newDirectory() throws IOException {
        return Files.createDirectories(Path.of("target", "syslog-it", UUID.randomUUID().toString().substring(0, 8)))
                .toAbsolutePath();
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
