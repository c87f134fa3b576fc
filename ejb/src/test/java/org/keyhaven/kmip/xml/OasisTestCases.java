package org.keyhaven.kmip.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.ttlv.TtlvBigInteger;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvDateTimeExtended;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * The OASIS KMIP 1.4 and 2.1 mandatory profile test cases, kept in this module's test resources (with their OASIS
 * notice; system property {@code kmip.testcases} points elsewhere). A missing directory fails the tests.
 */
public final class OasisTestCases {

    public static final Path DIRECTORY = Paths.get(System.getProperty("kmip.testcases",
            "src/test/resources/kmip-testcases"));

    /** The time stand-in values use. */
    public static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private OasisTestCases() {
    }

    /** Every {@code 1.4/*.xml} and {@code 2.1/*.xml}, sorted. */
    public static List<Path> files() {
        requirePresent();
        try (Stream<Path> one = Files.list(DIRECTORY.resolve("1.4"));
                Stream<Path> two = Files.list(DIRECTORY.resolve("2.1"))) {
            return Stream.concat(one, two).filter(path -> path.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String version, String name) {
        requirePresent();
        return DIRECTORY.resolve(version).resolve(name + ".xml");
    }

    private static void requirePresent() {
        if (!Files.isDirectory(DIRECTORY.resolve("1.4")) || !Files.isDirectory(DIRECTORY.resolve("2.1"))) {
            throw new IllegalStateException("no OASIS test cases at " + DIRECTORY.toAbsolutePath());
        }
    }

    public static KmipTestCase read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
        try (InputStream in = Files.newInputStream(file)) {
            return KmipXmlReader.readTestCase(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a server might choose: a value of the placeholder's type derived from its name. */
    public static TtlvItem serverValue(TemplateItem.Placeholder placeholder) {
        Tag tag = placeholder.tag();
        byte[] name = placeholder.name().getBytes(StandardCharsets.UTF_8);
        return switch (placeholder.type()) {
            case TEXT_STRING -> new TtlvTextString(tag, "server-" + placeholder.name());
            case BYTE_STRING -> new TtlvByteString(tag, name);
            case DATE_TIME -> TtlvDateTime.of(tag, NOW);
            case DATE_TIME_EXTENDED -> TtlvDateTimeExtended.of(tag, NOW);
            case INTEGER -> new TtlvInteger(tag, name.length);
            case BIG_INTEGER -> TtlvBigInteger.of(tag, java.math.BigInteger.valueOf(name.length));
            default -> throw new AssertionError("no stand-in for " + placeholder.type());
        };
    }
}
