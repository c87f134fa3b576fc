package org.keyhaven.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyhavenProvider;
import org.keyhaven.crypto.SecretBytes;

/**
 * The embedded-default unseal key: an AES-256 key in a PKCS#12 key store file in the server's data dir,
 * readable by the server's user only. It wraps the master key, so whoever can read this file and the
 * database can read every key: this mode is for evaluation and non-production use.
 *
 * <p>The key store password is taken from the environment variable {@value #PASSWORD_ENV} when set (so the
 * file alone is not enough), otherwise generated at creation and kept in a sibling pin file with the same
 * owner-only permissions.
 */
public final class EmbeddedUnsealKey {

    public static final String PASSWORD_ENV = "KEYHAVEN_SEAL_PASSWORD";
    private static final String ALIAS = "keyhaven-unseal-key";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final String environmentPassword;

    public EmbeddedUnsealKey(Path directory, String environmentPassword) {
        this.directory = directory;
        this.environmentPassword = environmentPassword == null || environmentPassword.isEmpty() ? null
                : environmentPassword;
    }

    public Path keyStoreFile() {
        return directory.resolve("unseal-key.p12");
    }

    private Path pinFile() {
        return directory.resolve("unseal-key.pin");
    }

    public boolean exists() {
        return Files.exists(keyStoreFile());
    }

    /** Creates the key store with a new random unseal key; refuses to overwrite an existing one. */
    public SecretBytes create() {
        if (exists()) {
            throw new IllegalStateException("unseal key store exists already: " + keyStoreFile());
        }
        byte[] key = new byte[32];
        KeyhavenProvider.random().nextBytes(key);
        char[] password = environmentPassword != null ? environmentPassword.toCharArray() : newPin();
        try {
            createOwnerOnlyDirectory(directory);
            if (environmentPassword == null) {
                writeOwnerOnly(pinFile(), new String(password).getBytes(StandardCharsets.US_ASCII));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            SecretKey secretKey = new SecretKeySpec(key, "AES");
            store.setEntry(ALIAS, new KeyStore.SecretKeyEntry(secretKey),
                    new KeyStore.PasswordProtection(password));
            Path temporary = directory.resolve("unseal-key.p12.new");
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                setOwnerOnly(temporary);
                store.store(out, password);
            }
            Files.move(temporary, keyStoreFile(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return SecretBytes.adopt(key);
        } catch (IOException | GeneralSecurityException e) {
            Arrays.fill(key, (byte) 0);
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot create the unseal key store in " + directory,
                    null, e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    public SecretBytes load() {
        char[] password = environmentPassword != null ? environmentPassword.toCharArray() : readPin();
        try (InputStream in = Files.newInputStream(keyStoreFile())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyStore.Entry entry = store.getEntry(ALIAS, new KeyStore.PasswordProtection(password));
            if (!(entry instanceof KeyStore.SecretKeyEntry secretEntry)) {
                throw new KeyhavenException(ErrorCode.SEALED, "the unseal key store holds no unseal key");
            }
            return SecretBytes.adopt(secretEntry.getSecretKey().getEncoded());
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyhavenException(ErrorCode.SEALED,
                    "cannot open the unseal key store (wrong " + PASSWORD_ENV + "?)", null, e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] readPin() {
        try {
            byte[] bytes = Files.readAllBytes(pinFile());
            char[] pin = new char[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                pin[i] = (char) bytes[i];
            }
            Arrays.fill(bytes, (byte) 0);
            return pin;
        } catch (IOException e) {
            throw new KeyhavenException(ErrorCode.SEALED, "the unseal key store password is not available: set "
                    + PASSWORD_ENV + " or restore " + pinFile().getFileName(), null, e);
        }
    }

    private static char[] newPin() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        char[] pin = new char[32];
        for (int i = 0; i < pin.length; i++) {
            pin[i] = alphabet.charAt(KeyhavenProvider.random().nextInt(alphabet.length()));
        }
        return pin;
    }

    static void createOwnerOnlyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (supportsPosix(dir)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        }
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            setOwnerOnly(file);
            out.write(content);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static void setOwnerOnly(Path file) throws IOException {
        if (supportsPosix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
