package org.keyhaven.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Every secret the test run hands to the server (passwords set for admins, PKCS#12 passwords, key material that a
 * test retrieved), written down as it happens in {@code <run dir>/planted-secrets.txt}, so that after the whole run
 * {@code LogHygieneAudit} can check that none of them ever reached the server log. Short values are skipped (they
 * would match by chance).
 */
public final class PlantedSecrets {

    private static final int SHORTEST = 12;

    private PlantedSecrets() {
    }

    public static synchronized void remember(String secret) {
        if (secret == null || secret.length() < SHORTEST) {
            return;
        }
        try {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), secret.replace('\n', ' ') + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Key material as the log could show it: hex (both cases) and base64 (standard and URL-safe). */
    public static void rememberBytes(byte[] secret) {
        remember(HexFormat.of().formatHex(secret));
        remember(HexFormat.of().withUpperCase().formatHex(secret));
        remember(Base64.getEncoder().withoutPadding().encodeToString(secret));
        remember(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    public static List<String> all() {
        try {
            return Files.exists(file()) ? Files.readAllLines(file(), StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file() {
        return Suite.runDir().resolve("planted-secrets.txt");
    }
}
