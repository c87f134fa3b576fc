package org.keyhaven.kmip.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.kmip.spec.KmipTags;
import org.keyhaven.kmip.ttlv.ItemType;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvDecoder;
import org.keyhaven.kmip.ttlv.TtlvEncoder;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/** Reading the KMIP XML encoding: the OASIS test cases, spot checks, placeholders and hostile documents. */
class KmipXmlReaderTest {

    private static final Pattern MESSAGE = Pattern.compile("<(RequestMessage|ResponseMessage)>");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    static Stream<Path> testCaseFiles() {
        return OasisTestCases.files().stream();
    }

    @Test
    void thereAreOneHundredFiftyFourTestCases() {
        assertThat(OasisTestCases.files()).hasSize(154);
    }

    @ParameterizedTest
    @MethodSource("testCaseFiles")
    void everyOasisTestCaseReadsIntoRequestResponsePairs(Path file) throws IOException {
        KmipTestCase testCase = OasisTestCases.read(file);

        // CS-BC-M-GCM-3-14 comments out one exchange: comments carry no messages
        Matcher messages = MESSAGE.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(""));
        long count = messages.results().count();
        assertThat(testCase.exchanges()).hasSize((int) count / 2).isNotEmpty();
        for (KmipTestCase.Exchange exchange : testCase.exchanges()) {
            assertThat(exchange.request().tag()).isEqualTo(tag("RequestMessage"));
            assertThat(exchange.response().tag()).isEqualTo(tag("ResponseMessage"));
            assertThat(exchange.request().findAll(tag("BatchItem"))).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("testCaseFiles")
    void everyCompleteRequestEncodesToTtlvAndDecodesBackEqual(Path file) {
        TtlvDecoder decoder = new TtlvDecoder();
        for (KmipTestCase.Exchange exchange : OasisTestCases.read(file).exchanges()) {
            if (exchange.request().hasPlaceholders()) {
                continue;
            }
            TtlvStructure request = exchange.request().toTtlv();
            assertThat(decoder.decodeMessage(TtlvEncoder.encode(request))).isEqualTo(request);
        }
    }

    @Test
    void mostRequestsAreCompleteAndRoundTrip() {
        long complete = OasisTestCases.files().stream().map(OasisTestCases::read)
                .flatMap(testCase -> testCase.exchanges().stream())
                .filter(exchange -> !exchange.request().hasPlaceholders()).count();
        assertThat(complete).isGreaterThan(100);
    }

    @Test
    void theFirstRequestOfSklcM1CreatesAnAesKey() {
        KmipTestCase testCase = OasisTestCases.read(OasisTestCases.file("1.4", "SKLC-M-1-14"));
        TtlvStructure request = testCase.exchanges().get(0).request().toTtlv();

        TtlvStructure version = request.get(tag("RequestHeader"), TtlvStructure.class)
                .get(tag("ProtocolVersion"), TtlvStructure.class);
        assertThat(version.get(tag("ProtocolVersionMinor"), TtlvInteger.class).value()).isEqualTo(4);
        TtlvStructure batchItem = request.get(tag("BatchItem"), TtlvStructure.class);
        assertThat(batchItem.get(tag("Operation"), TtlvEnumeration.class).value()).isEqualTo(0x01);
        TtlvStructure payload = batchItem.get(tag("RequestPayload"), TtlvStructure.class);
        assertThat(payload.get(tag("ObjectType"), TtlvEnumeration.class).value()).isEqualTo(0x02);
        List<TtlvStructure> attributes = payload.get(tag("TemplateAttribute"), TtlvStructure.class)
                .findAll(tag("Attribute"), TtlvStructure.class);
        assertThat(attributes).hasSize(4);
        assertThat(attributes.get(0).get(tag("AttributeName"), TtlvTextString.class).value())
                .isEqualTo("Cryptographic Algorithm");
        assertThat(attributes.get(0).get(tag("AttributeValue"), TtlvEnumeration.class).value()).isEqualTo(3);
        assertThat(attributes.get(2).get(tag("AttributeValue"), TtlvInteger.class).value())
                .as("Encrypt Decrypt").isEqualTo(0x04 | 0x08);
    }

    @Test
    void theResponseOfSklcM1CarriesPlaceholdersForServerChosenValues() {
        KmipTestCase testCase = OasisTestCases.read(OasisTestCases.file("1.4", "SKLC-M-1-14"));
        TemplateItem.Composite response = testCase.exchanges().get(0).response();

        assertThat(response.placeholders().map(TemplateItem.Placeholder::name))
                .containsExactly("$NOW", "$UNIQUE_IDENTIFIER_0");
        assertThat(testCase.exchanges().get(1).request().placeholders())
                .extracting(TemplateItem.Placeholder::tag, TemplateItem.Placeholder::type)
                .contains(org.assertj.core.groups.Tuple.tuple(tag("UniqueIdentifier"), ItemType.TEXT_STRING));
    }

    @Test
    void aResolverSuppliesPlaceholders() {
        TemplateItem item = read("""
                <RequestPayload>
                  <UniqueIdentifier type="TextString" value="$UNIQUE_IDENTIFIER_0"/>
                  <ActivationDate type="DateTime" value="$NOW-3600"/>
                </RequestPayload>""");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        TtlvItem resolved = item.resolve(placeholder -> switch (placeholder.name()) {
            case "$UNIQUE_IDENTIFIER_0" -> new TtlvTextString(placeholder.tag(), "42");
            case "$NOW-3600" -> TtlvDateTime.of(placeholder.tag(), now.minusSeconds(3600));
            default -> throw new KmipXmlException("unexpected " + placeholder.name());
        });

        TtlvStructure payload = (TtlvStructure) resolved;
        assertThat(payload.get(tag("UniqueIdentifier"), TtlvTextString.class).value()).isEqualTo("42");
        assertThat(payload.get(tag("ActivationDate"), TtlvDateTime.class).instant())
                .isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        assertThatThrownBy(item::toTtlv).isInstanceOf(KmipXmlException.class)
                .hasMessageContaining("$UNIQUE_IDENTIFIER_0");
        assertThatThrownBy(() -> item.resolve(p -> new TtlvInteger(p.tag(), 1)))
                .isInstanceOf(KmipXmlException.class).hasMessageContaining("resolved to Integer");
    }

    @Test
    void enumerationsAndIntegersReadByNameOrHex() {
        TtlvStructure item = (TtlvStructure) read("""
                <BatchItem>
                  <Operation type="Enumeration" value="0x0000000A"/>
                  <ObjectType type="Enumeration" value="SymmetricKey"/>
                  <OpaqueDataType type="Enumeration" value="0x80000001"/>
                  <BatchCount type="Integer" value="0x00000010"/>
                </BatchItem>""").toTtlv();
        assertThat(item.get(tag("Operation"), TtlvEnumeration.class).value()).isEqualTo(0x0A);
        assertThat(item.get(tag("ObjectType"), TtlvEnumeration.class).value()).isEqualTo(2);
        assertThat(item.get(tag("OpaqueDataType"), TtlvEnumeration.class).unsignedValue()).isEqualTo(0x80000001L);
        assertThat(item.get(tag("BatchCount"), TtlvInteger.class).value()).isEqualTo(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<ObjectType type=\"Enumeration\" value=\"Banana\"/>",
        "<Banana type=\"Integer\" value=\"1\"/>",
        "<BatchCount type=\"Integer\" value=\"one\"/>",
        "<BatchCount type=\"Float\" value=\"1\"/>",
        "<BatchCount type=\"Integer\"/>",
        "<BatchItem value=\"1\"/>",
        "<BatchItem>text</BatchItem>",
        "<Data type=\"ByteString\" value=\"abc\"/>",
        "<TimeStamp type=\"DateTime\" value=\"yesterday\"/>",
        "<Fresh type=\"Boolean\" value=\"yes\"/>",
        "<BatchItem><BatchCount type=\"Integer\" value=\"1\"/>"})
    void malformedItemsAreRefused(String xml) {
        assertThatThrownBy(() -> read(xml)).isInstanceOf(KmipXmlException.class);
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityExpands() {
        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <NameValue type="TextString" value="&lol2;"/>""";
        assertThatThrownBy(() -> read(billionLaughs)).isInstanceOf(KmipXmlException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anExternalEntityIsNeverFetched() {
        String externalEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <NameValue type="TextString" value="&xxe;"/>""";
        assertThatThrownBy(() -> read(externalEntity)).isInstanceOf(KmipXmlException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void aTestCaseWhoseMessagesDoNotPairIsRefused() {
        String unpaired = """
                <KMIP><ResponseMessage/><RequestMessage/></KMIP>""";
        assertThatThrownBy(() -> KmipXmlReader.readTestCase("x", stream(unpaired)))
                .isInstanceOf(KmipXmlException.class).hasMessageContaining("not a request and its response");
    }

    @Test
    void aMessageThatIsNotAStructureIsRefused() {
        String leafMessage = """
                <KMIP><RequestMessage type="Integer" value="1"/><ResponseMessage/></KMIP>""";
        assertThatThrownBy(() -> KmipXmlReader.readTestCase("x", stream(leafMessage)))
                .isInstanceOf(KmipXmlException.class).hasMessageContaining("not a Structure");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<BatchItem>".repeat(100) + "</BatchItem>".repeat(100);
        assertThatThrownBy(() -> read(deep)).isInstanceOf(KmipXmlException.class)
                .hasMessageContaining("deeper");
    }

    private static TemplateItem read(String xml) {
        return KmipXmlReader.readItem(stream(xml));
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Tag tag(String name) {
        return KmipTags.find(name).orElseThrow();
    }
}
