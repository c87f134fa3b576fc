package org.keyhaven.kmip.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.kmip.spec.KmipTags;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.ttlv.TtlvDateTimeExtended;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/** What the writer writes, the reader reads back to an equal tree, in the test cases' own spelling. */
class KmipXmlWriterTest {

    static Stream<Path> testCaseFiles() {
        return OasisTestCases.files().stream();
    }

    @ParameterizedTest
    @MethodSource("testCaseFiles")
    void everyOasisMessageWritesAndReadsBackEqual(Path file) {
        for (KmipTestCase.Exchange exchange : OasisTestCases.read(file).exchanges()) {
            assertThat(reread(exchange.request())).isEqualTo(exchange.request());
            assertThat(reread(exchange.response())).isEqualTo(exchange.response());
        }
    }

    @Test
    void enumerationsMasksAndPlaceholdersAreWrittenByName() {
        KmipTestCase testCase = OasisTestCases.read(OasisTestCases.file("1.4", "SKLC-M-1-14"));

        String request = KmipXmlWriter.write(testCase.exchanges().get(0).request());
        String response = KmipXmlWriter.write(testCase.exchanges().get(0).response());

        assertThat(request).startsWith("<RequestMessage>\n  <RequestHeader>\n    <ProtocolVersion>\n")
                .contains("<Operation type=\"Enumeration\" value=\"Create\"/>")
                .contains("<AttributeValue type=\"Enumeration\" value=\"AES\"/>")
                .contains("<AttributeValue type=\"Integer\" value=\"Encrypt Decrypt\"/>")
                .contains("<NameType type=\"Enumeration\" value=\"UninterpretedTextString\"/>");
        assertThat(response).contains("<UniqueIdentifier type=\"TextString\" value=\"$UNIQUE_IDENTIFIER_0\"/>");
    }

    @Test
    void unnamedValuesAreWrittenInHexAndTextIsEscaped() {
        TtlvStructure item = TtlvStructure.of(tag("BatchItem"),
                new TtlvEnumeration(tag("Operation"), 0x8000_0001),
                new TtlvInteger(tag("CryptographicUsageMask"), 0x4000_0000),
                new TtlvTextString(tag("NameValue"), "<a & \"b\">"),
                TtlvDateTimeExtended.of(tag("TimeStamp"), Instant.parse("2026-01-02T03:04:05.123456Z")));

        String xml = KmipXmlWriter.write(item);

        assertThat(xml).contains("value=\"0x80000001\"").contains("value=\"1073741824\"")
                .contains("value=\"2026-01-02T03:04:05.123456+00:00\"");
        assertThat(KmipXmlReader.readItem(stream(xml)).toTtlv()).isEqualTo(item);
    }

    @Test
    void aTagWithoutANameIsRefused() {
        TtlvStructure item = TtlvStructure.of(Tag.of(0x540001));
        assertThatThrownBy(() -> KmipXmlWriter.write(item)).isInstanceOf(KmipXmlException.class)
                .hasMessageContaining("0x540001");
    }

    private static TemplateItem reread(TemplateItem item) {
        return KmipXmlReader.readItem(stream(KmipXmlWriter.write(item)));
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Tag tag(String name) {
        return KmipTags.find(name).orElseThrow();
    }
}
