package org.keyhaven.kmip.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The OASIS KMIP 1.4 and 2.1 mandatory profile test cases, read from the shared directory (system property
 * {@code kmip.testcases}, default {@code /work/shared/kmip-testcases}); tests that need them are skipped where
 * the directory is absent.
 */
public final class OasisTestCases {

    public static final Path DIRECTORY = Paths.get(System.getProperty("kmip.testcases",
            "/work/shared/kmip-testcases"));

    private OasisTestCases() {
    }

    /** Every {@code 1.4/*.xml} and {@code 2.1/*.xml}, sorted. */
    public static List<Path> files() {
        Assumptions.assumeTrue(Files.isDirectory(DIRECTORY), "no OASIS test cases at " + DIRECTORY);
        try (Stream<Path> one = Files.list(DIRECTORY.resolve("1.4"));
                Stream<Path> two = Files.list(DIRECTORY.resolve("2.1"))) {
            return Stream.concat(one, two).filter(path -> path.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String version, String name) {
        Assumptions.assumeTrue(Files.isDirectory(DIRECTORY), "no OASIS test cases at " + DIRECTORY);
        return DIRECTORY.resolve(version).resolve(name + ".xml");
    }

    public static KmipTestCase read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
        try (InputStream in = Files.newInputStream(file)) {
            return KmipXmlReader.readTestCase(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
