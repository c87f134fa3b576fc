package org.keyhaven.kmip.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.kmip.spec.KmipTags;
import org.keyhaven.kmip.ttlv.ItemType;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvDateTimeExtended;
import org.keyhaven.kmip.ttlv.TtlvEncoder;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/** A replay against a stand-in server that fills every response placeholder binds every later request's. */
class PlaceholderBindingsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static Stream<Path> testCaseFiles() {
        return OasisTestCases.files().stream();
    }

    @ParameterizedTest
    @MethodSource("testCaseFiles")
    void everyRequestPlaceholderIsBoundByAnEarlierResponseOrTheClock(Path file) {
        PlaceholderBindings bindings = new PlaceholderBindings(CLOCK);
        for (KmipTestCase.Exchange exchange : OasisTestCases.read(file).exchanges()) {
            TtlvStructure request = exchange.request().resolve(bindings);
            assertThat(TtlvEncoder.encode(request)).isNotEmpty();
            bindings.capture(exchange.response(), exchange.response().resolve(OasisTestCases::serverValue));
        }
    }

    @Test
    void aCreatedKeysIdentifierFillsTheNextRequest() {
        KmipTestCase testCase = OasisTestCases.read(OasisTestCases.file("1.4", "SKLC-M-1-14"));
        PlaceholderBindings bindings = new PlaceholderBindings(CLOCK);
        KmipTestCase.Exchange create = testCase.exchanges().get(0);

        bindings.capture(create.response(), create.response().resolve(OasisTestCases::serverValue));
        TtlvStructure next = testCase.exchanges().get(1).request().resolve(bindings);

        TtlvStructure payload = next.get(tag("BatchItem"), TtlvStructure.class)
                .get(tag("RequestPayload"), TtlvStructure.class);
        assertThat(payload.get(tag("UniqueIdentifier"), TtlvTextString.class).value())
                .isEqualTo("server-$UNIQUE_IDENTIFIER_0");
    }

    @Test
    void boundValuesTakeTheRequestsTagAndNowIsTheClock() {
        PlaceholderBindings bindings = new PlaceholderBindings(CLOCK);
        bindings.capture(new TemplateItem.Placeholder(tag("UniqueIdentifier"), ItemType.TEXT_STRING, "$ID"),
                new TtlvTextString(tag("UniqueIdentifier"), "7"));

        assertThat(bindings.resolve(new TemplateItem.Placeholder(tag("LinkedObjectIdentifier"),
                ItemType.TEXT_STRING, "$ID"))).isEqualTo(new TtlvTextString(tag("LinkedObjectIdentifier"), "7"));
        assertThat(bindings.resolve(new TemplateItem.Placeholder(tag("ActivationDate"), ItemType.DATE_TIME,
                "$NOW-3600"))).isEqualTo(TtlvDateTime.of(tag("ActivationDate"), NOW.minusSeconds(3600)));
        assertThat(bindings.resolve(new TemplateItem.Placeholder(tag("TimeStamp"), ItemType.DATE_TIME_EXTENDED,
                "$NOW+1"))).isEqualTo(TtlvDateTimeExtended.of(tag("TimeStamp"), NOW.plusSeconds(1)));
        assertThatThrownBy(() -> bindings.resolve(new TemplateItem.Placeholder(tag("Data"),
                ItemType.BYTE_STRING, "$OTHER"))).isInstanceOf(KmipXmlException.class)
                .hasMessageContaining("not bound");
        assertThatThrownBy(() -> bindings.resolve(new TemplateItem.Placeholder(tag("BatchCount"),
                ItemType.INTEGER, "$ID"))).isInstanceOf(KmipXmlException.class);
    }

    @Test
    void aRequestPlaceholderTakesTheLiteralOfTheLastResponseItemWithItsTag() {
        PlaceholderBindings bindings = new PlaceholderBindings(CLOCK);
        TtlvStructure response = TtlvStructure.of(tag("ResponsePayload"),
                new TtlvByteString(tag("Data"), new byte[] {1, 2, 3}));
        bindings.capture(new TemplateItem.Composite(tag("ResponsePayload"), java.util.List.of(
                new TemplateItem.Fixed(new TtlvByteString(tag("Data"), new byte[] {1, 2, 3})))), response);

        assertThat(bindings.resolve(new TemplateItem.Placeholder(tag("Data"), ItemType.BYTE_STRING, "$DATA_0")))
                .isEqualTo(new TtlvByteString(tag("Data"), new byte[] {1, 2, 3}));
        assertThat(bindings.bound("$DATA_0")).isPresent();
    }

    @Test
    void aResponseOfAnotherShapeIsRefused() {
        TemplateItem expected = new TemplateItem.Composite(tag("ResponsePayload"), java.util.List.of(
                new TemplateItem.Placeholder(tag("UniqueIdentifier"), ItemType.TEXT_STRING, "$ID")));
        assertThatThrownBy(() -> new PlaceholderBindings(CLOCK).capture(expected,
                TtlvStructure.of(tag("ResponsePayload"), new TtlvInteger(tag("BatchCount"), 1))))
                .isInstanceOf(KmipXmlException.class);
    }

    private static Tag tag(String name) {
        return KmipTags.find(name).orElseThrow();
    }
}
