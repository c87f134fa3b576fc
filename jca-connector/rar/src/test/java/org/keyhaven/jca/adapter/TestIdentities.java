package org.keyhaven.jca.adapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PKCS#12 client identities made once per test run with the JDK's {@code keytool} (this module has no certificate
 * builder), in a temporary folder removed when the JVM exits. Made lazily because keytool takes a moment per key.
 */
final class TestIdentities {

    static final String PASSWORD = "test-store-password";

    private static Path folder;

    private TestIdentities() {
    }

    /** EC key and certificate, alias {@code alice}. */
    static synchronized Path alice() {
        return store("alice.p12", () -> genkey("alice.p12", "alice", "EC"));
    }

    /** EC key and certificate, alias {@code bob}: another identity. */
    static synchronized Path bob() {
        return store("bob.p12", () -> genkey("bob.p12", "bob", "EC"));
    }

    /** Two key entries: {@code first} (EC) and {@code second} (RSA). */
    static synchronized Path twoEntries() {
        return store("two.p12", () -> {
            genkey("two.p12", "first", "EC");
            genkey("two.p12", "second", "RSA");
        });
    }

    /** An Ed25519 key and certificate, alias {@code ed}. */
    static synchronized Path ed25519() {
        return store("ed.p12", () -> genkey("ed.p12", "ed", "Ed25519"));
    }

    /** Only a trusted certificate (alice's), no key entry; alias {@code ca}. */
    static synchronized Path certificateOnly() {
        Path alice = alice();
        return store("certs.p12", () -> {
            Path certificate = folder().resolve("alice.cer");
            keytool("-exportcert", "-keystore", alice.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                    "-alias", "alice", "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-keystore", folder().resolve("certs.p12").toString(), "-storetype",
                    "PKCS12", "-storepass", PASSWORD, "-alias", "ca", "-file", certificate.toString());
        });
    }

    static char[] password() {
        return PASSWORD.toCharArray();
    }

    private static Path store(String name, Runnable make) {
        Path file = folder().resolve(name);
        if (!Files.exists(file)) {
            make.run();
        }
        return file;
    }

    private static void genkey(String file, String alias, String algorithm) {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-noprompt", "-storetype", "PKCS12", "-keystore",
                folder().resolve(file).toString(), "-storepass", PASSWORD, "-keypass", PASSWORD, "-alias", alias,
                "-keyalg", algorithm, "-dname", "CN=" + alias + ",O=Keyhaven test", "-validity", "2"));
        if (algorithm.equals("EC")) {
            args.addAll(List.of("-groupname", "secp256r1"));
        }
        if (algorithm.equals("RSA")) {
            args.addAll(List.of("-keysize", "2048"));
        }
        keytool(args.toArray(String[]::new));
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("keyhaven-connector-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path created = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created)));
        }
        return folder;
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind does no harm
        }
    }
}
