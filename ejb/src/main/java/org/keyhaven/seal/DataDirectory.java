package org.keyhaven.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * The server's data directory holds the embedded database, the TLS key store and the unseal key store. Keyhaven
 * keeps it readable by the server's user only.
 */
public final class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

    private DataDirectory() {
    }

    public static Path serverDataDir() {
        String dir = System.getProperty("jboss.server.data.dir");
        if (dir == null) {
            throw new IllegalStateException("jboss.server.data.dir is not set");
        }
        return Path.of(dir);
    }

    /** Keyhaven's own directory inside the server data dir, created owner-only. */
    public static Path keyhavenDir() {
        Path dir = serverDataDir().resolve("keyhaven");
        try {
            EmbeddedUnsealKey.createOwnerOnlyDirectory(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        return dir;
    }

    /** Restricts the whole data dir to the server's user; logs where the file system cannot. */
    public static void restrictServerDataDir() {
        Path dir = serverDataDir();
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            LOG.warning(() -> "cannot restrict permissions of " + dir + " to its owner: " + e.getMessage());
        }
    }
}
