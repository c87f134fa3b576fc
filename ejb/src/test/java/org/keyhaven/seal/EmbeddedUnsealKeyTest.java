package org.keyhaven.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.bouncycastle.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;

/** The embedded-mode unseal key store on a real file system, in a fresh directory per test. */
class EmbeddedUnsealKeyTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path temp;

    private Path dataDir;

    @BeforeEach
    void dataDirectoryDoesNotExistYet() {
        dataDir = temp.resolve("data").resolve("keyhaven");
    }

    @Test
    void loadReturnsTheKeyThatCreateMade() {
        EmbeddedUnsealKey store = new EmbeddedUnsealKey(dataDir, null);

        byte[] created = copyAndClose(store.create());

        assertThat(created).hasSize(32).isNotEqualTo(new byte[32]);
        assertThat(store.exists()).isTrue();
        assertThat(copyAndClose(store.load())).isEqualTo(created);
        assertThat(copyAndClose(new EmbeddedUnsealKey(dataDir, null).load())).isEqualTo(created);
    }

    @Test
    void withoutAnEnvironmentPasswordAPinFileIsWrittenNextToTheKeyStore() throws IOException {
        new EmbeddedUnsealKey(dataDir, null).create().close();

        assertThat(names(dataDir)).containsExactlyInAnyOrder("unseal-key.p12", "unseal-key.pin");
        assertThat(Files.readString(dataDir.resolve("unseal-key.pin"))).matches("[A-Za-z0-9]{32}");
    }

    @Test
    void theKeyStoreThePinAndTheDirectoryAreOwnerOnly() throws IOException {
        assumeTrue(dataDir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        new EmbeddedUnsealKey(dataDir, null).create().close();

        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        assertThat(permissions(dataDir.resolve("unseal-key.p12"))).isEqualTo("rw-------");
        assertThat(permissions(dataDir.resolve("unseal-key.pin"))).isEqualTo("rw-------");
    }

    @Test
    void theKeyDoesNotAppearInTheKeyStoreFileInClear() throws IOException {
        EmbeddedUnsealKey store = new EmbeddedUnsealKey(dataDir, null);
        byte[] key = copyAndClose(store.create());

        byte[] file = Files.readAllBytes(store.keyStoreFile());

        assertThat(indexOf(file, key)).isEqualTo(-1);
    }

    @Test
    void createRefusesToOverwriteAnExistingKeyStore() throws IOException {
        EmbeddedUnsealKey store = new EmbeddedUnsealKey(dataDir, null);
        byte[] original = copyAndClose(store.create());
        byte[] fileBefore = Files.readAllBytes(store.keyStoreFile());
        byte[] pinBefore = Files.readAllBytes(dataDir.resolve("unseal-key.pin"));

        assertThatThrownBy(store::create).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new EmbeddedUnsealKey(dataDir, PASSWORD).create())
                .isInstanceOf(IllegalStateException.class);

        assertThat(Files.readAllBytes(store.keyStoreFile())).isEqualTo(fileBefore);
        assertThat(Files.readAllBytes(dataDir.resolve("unseal-key.pin"))).isEqualTo(pinBefore);
        assertThat(copyAndClose(store.load())).isEqualTo(original);
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws IOException {
        new EmbeddedUnsealKey(dataDir, PASSWORD).create().close();

        assertThat(names(dataDir)).containsExactly("unseal-key.p12");
    }

    @Test
    void withAnEnvironmentPasswordNoPinFileIsWrittenAndThePasswordOpensTheStore() throws IOException {
        EmbeddedUnsealKey store = new EmbeddedUnsealKey(dataDir, PASSWORD);

        byte[] created = copyAndClose(store.create());

        assertThat(names(dataDir)).containsExactly("unseal-key.p12");
        assertThat(copyAndClose(new EmbeddedUnsealKey(dataDir, PASSWORD).load())).isEqualTo(created);
    }

    @Test
    void aWrongEnvironmentPasswordIsSealed() {
        new EmbeddedUnsealKey(dataDir, PASSWORD).create().close();

        assertSealed(() -> new EmbeddedUnsealKey(dataDir, PASSWORD + "!").load());
    }

    @Test
    void aStoreMadeWithAnEnvironmentPasswordDoesNotOpenWithoutIt() {
        new EmbeddedUnsealKey(dataDir, PASSWORD).create().close();

        assertSealed(() -> new EmbeddedUnsealKey(dataDir, null).load());
        assertSealed(() -> new EmbeddedUnsealKey(dataDir, "").load());
    }

    @Test
    void anEmptyEnvironmentPasswordCountsAsNone() throws IOException {
        EmbeddedUnsealKey store = new EmbeddedUnsealKey(dataDir, "");

        byte[] created = copyAndClose(store.create());

        assertThat(names(dataDir)).contains("unseal-key.pin");
        assertThat(copyAndClose(new EmbeddedUnsealKey(dataDir, null).load())).isEqualTo(created);
    }

    @Test
    void aMissingPinIsSealed() throws IOException {
        EmbeddedUnsealKey store = new EmbeddedUnsealKey(dataDir, null);
        store.create().close();

        Files.delete(dataDir.resolve("unseal-key.pin"));

        assertThatThrownBy(store::load).isInstanceOfSatisfying(KeyhavenException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SEALED);
            assertThat(e.getMessage()).contains(EmbeddedUnsealKey.PASSWORD_ENV).contains("unseal-key.pin");
        });
    }

    @Test
    void aWrongPinIsSealed() throws IOException {
        EmbeddedUnsealKey store = new EmbeddedUnsealKey(dataDir, null);
        store.create().close();

        Files.writeString(dataDir.resolve("unseal-key.pin"), "A".repeat(32));

        assertSealed(store::load);
    }

    @Test
    void aMissingOrDamagedKeyStoreIsSealed() throws IOException {
        assertSealed(() -> new EmbeddedUnsealKey(dataDir, PASSWORD).load());

        EmbeddedUnsealKey store = new EmbeddedUnsealKey(dataDir, PASSWORD);
        store.create().close();
        byte[] file = Files.readAllBytes(store.keyStoreFile());
        file[file.length / 2] ^= 0x10;
        Files.write(store.keyStoreFile(), file);

        assertSealed(store::load);
    }

    @Test
    void everyStoreGetsItsOwnKey() {
        byte[] first = copyAndClose(new EmbeddedUnsealKey(temp.resolve("a"), null).create());
        byte[] second = copyAndClose(new EmbeddedUnsealKey(temp.resolve("b"), null).create());

        assertThat(first).isNotEqualTo(second);
    }

    // --- fixtures ---

    private static byte[] copyAndClose(SecretBytes secret) {
        try (secret) {
            return secret.copy();
        }
    }

    private static void assertSealed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SEALED));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.areEqual(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
