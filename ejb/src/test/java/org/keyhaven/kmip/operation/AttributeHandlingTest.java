package org.keyhaven.kmip.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvBoolean;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/** Attributes read from requests and written back per protocol version, without a server. */
class AttributeHandlingTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aVersion1AttributeAndAVersion2ItemReadAsTheSameAttribute() {
        TtlvStructure v1 = StructureBuilder.of(Tags.ATTRIBUTE).text(Tags.ATTRIBUTE_NAME, "Cryptographic Length")
                .integer(Tags.ATTRIBUTE_VALUE, 256).build();
        Attribute fromV1 = AttributeCodec.read(v1, ProtocolVersion.V1_4);
        Attribute fromV2 = AttributeCodec.read(new TtlvInteger(Tags.CRYPTOGRAPHIC_LENGTH, 256), ProtocolVersion.V2_1);

        assertThat(fromV1.name()).isEqualTo(fromV2.name()).isEqualTo("Cryptographic Length");
        assertThat(fromV1.value().withTag(Tags.ATTRIBUTE_VALUE)).isEqualTo(fromV2.value().withTag(Tags.ATTRIBUTE_VALUE));
    }

    @Test
    void customAttributesAreVendorXInVersion2AndKeepTheirIndexInVersion1() {
        Attribute custom = new Attribute("x-Product", new TtlvTextString(Tags.ATTRIBUTE_VALUE, "vSphere"), 2);

        TtlvStructure v2 = AttributeCodec.write(custom, ProtocolVersion.V2_0).as(TtlvStructure.class);
        TtlvStructure v1 = AttributeCodec.write(custom, ProtocolVersion.V1_1).as(TtlvStructure.class);

        assertThat(v2.get(Tags.VENDOR_IDENTIFICATION, TtlvTextString.class).value()).isEqualTo("x");
        assertThat(v2.get(Tags.ATTRIBUTE_NAME, TtlvTextString.class).value()).isEqualTo("Product");
        assertThat(AttributeCodec.read(v2, ProtocolVersion.V2_0).name()).isEqualTo("x-Product");
        assertThat(v1.get(Tags.ATTRIBUTE_INDEX, TtlvInteger.class).value()).isEqualTo(2);
        assertThat(AttributeCodec.read(v1, ProtocolVersion.V1_1)).isEqualTo(custom);
    }

    @Test
    void anAttributeVersion2DoesNotKnowIsRefusedAsUnsupported() {
        assertThatThrownBy(() -> AttributeCodec.read(new TtlvInteger(Tags.BATCH_COUNT, 1), ProtocolVersion.V2_1))
                .isInstanceOfSatisfying(KmipFailure.class, e -> assertThat(e.reason())
                        .isEqualTo(ResultReason.UNSUPPORTED_ATTRIBUTE));
    }

    @Test
    void aVersion1ClientIsNotSentWhatLaterVersionsAdded() {
        KeyView key = aesKey(Map.of());

        List<String> v10 = names(ObjectAttributes.of(key, new byte[32], ProtocolVersion.V1_0));
        List<String> v14 = names(ObjectAttributes.of(key, new byte[32], ProtocolVersion.V1_4));

        assertThat(v10).contains("Unique Identifier", "State", "Digest", "Name")
                .doesNotContain("Original Creation Date", "Extractable", "Sensitive", "Fresh");
        assertThat(v14).contains("Original Creation Date", "Extractable", "Never Extractable", "Sensitive",
                "Random Number Generator");
    }

    @Test
    void theDigestNamesItsKeyFormatFromVersion11On() {
        TtlvStructure v10 = digest(ObjectAttributes.of(aesKey(Map.of()), new byte[32], ProtocolVersion.V1_0));
        TtlvStructure v11 = digest(ObjectAttributes.of(aesKey(Map.of()), new byte[32], ProtocolVersion.V1_1));

        assertThat(v10.find(Tags.KEY_FORMAT_TYPE)).isEmpty();
        assertThat(v11.get(Tags.KEY_FORMAT_TYPE, TtlvEnumeration.class).value()).isEqualTo(1);
    }

    @Test
    void clientKeptAttributesComeBackAsGivenWithEveryInstance() {
        String stored = StoredAttributes.encode(List.of(new TtlvTextString(Tags.OBJECT_GROUP, "finance"),
                new TtlvTextString(Tags.OBJECT_GROUP, "backup")));
        KeyView key = aesKey(Map.of(StoredAttributes.key(StandardAttribute.OBJECT_GROUP), stored,
                StoredAttributes.UNNAMED, "true"));

        List<Attribute> attributes = ObjectAttributes.of(key, null, ProtocolVersion.V1_4);

        assertThat(attributes).filteredOn(a -> a.name().equals("Object Group"))
                .extracting(a -> ((TtlvTextString) a.value()).value(), Attribute::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("finance", 0),
                        org.assertj.core.groups.Tuple.tuple("backup", 1));
        assertThat(names(attributes)).doesNotContain("Name", "Digest");
    }

    @Test
    void aNewObjectRequestKeepsWhatItCanAndRefusesTheRest() {
        NewObjectRequest request = NewObjectRequest.of(List.of(
                new Attribute("Cryptographic Algorithm", new TtlvEnumeration(Tags.ATTRIBUTE_VALUE, 0x0A)),
                new Attribute("Cryptographic Usage Mask", new TtlvInteger(Tags.ATTRIBUTE_VALUE, 0x04 | 0x08 | 0x80)),
                new Attribute("Contact Information", new TtlvTextString(Tags.ATTRIBUTE_VALUE, "pki-team")),
                new Attribute("x-Owner", new TtlvTextString(Tags.ATTRIBUTE_VALUE, "team-a")),
                new Attribute("Activation Date", new TtlvDateTime(Tags.ATTRIBUTE_VALUE, NOW.getEpochSecond() - 10))));

        KeyDefinition definition = request.keyDefinition(NOW);

        assertThat(definition.spec().algorithm()).isEqualTo(org.keyhaven.key.KeyAlgorithm.HMAC_SHA384);
        assertThat(definition.usages()).containsExactly(KeyUsage.MAC);
        assertThat(definition.name()).matches("kmip-[0-9a-f]{32}");
        assertThat(definition.attributes()).containsEntry("x-Owner", "team-a")
                .containsKey("kmip:Contact Information").containsEntry(StoredAttributes.UNNAMED, "true");
        assertThat(request.activatesAt(NOW)).isTrue();
        assertThatThrownBy(() -> NewObjectRequest.of(List.of(new Attribute("State",
                new TtlvEnumeration(Tags.ATTRIBUTE_VALUE, 2))))).isInstanceOfSatisfying(KmipFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_ATTRIBUTE));
        assertThatThrownBy(() -> NewObjectRequest.of(List.of()).keyDefinition(NOW))
                .isInstanceOfSatisfying(KmipFailure.class, e -> assertThat(e.reason())
                        .isEqualTo(ResultReason.MISSING_DATA));
    }

    @Test
    void locateCriteriaCompareValuesAndReadTwoDatesAsARange() {
        KeyView key = aesKey(Map.of("x-Tier", "gold"));
        long created = key.createdAt().getEpochSecond();

        assertThat(new LocateCriteria(List.of(new Attribute("x-Tier", new TtlvTextString(Tags.ATTRIBUTE_VALUE,
                "gold"))), ProtocolVersion.V1_4).matches(key)).isTrue();
        assertThat(new LocateCriteria(List.of(new Attribute("x-Tier", new TtlvTextString(Tags.ATTRIBUTE_VALUE,
                "silver"))), ProtocolVersion.V1_4).matches(key)).isFalse();
        assertThat(new LocateCriteria(List.of(
                new Attribute("Initial Date", new TtlvDateTime(Tags.ATTRIBUTE_VALUE, created - 5)),
                new Attribute("Initial Date", new TtlvDateTime(Tags.ATTRIBUTE_VALUE, created + 5))),
                ProtocolVersion.V1_4).matches(key)).isTrue();
        assertThat(new LocateCriteria(List.of(
                new Attribute("Initial Date", new TtlvDateTime(Tags.ATTRIBUTE_VALUE, created + 1)),
                new Attribute("Initial Date", new TtlvDateTime(Tags.ATTRIBUTE_VALUE, created + 5))),
                ProtocolVersion.V1_4).matches(key)).isFalse();
    }

    @Test
    void usageMasksMapBothWaysAndMacCoversGenerationAndVerification() {
        Set<KeyUsage> usages = KmipAlgorithms.usages(0x01 | 0x02 | 0x04 | 0x100 | 0x40);

        assertThat(usages).containsExactlyInAnyOrder(KeyUsage.SIGN, KeyUsage.VERIFY, KeyUsage.ENCRYPT, KeyUsage.MAC);
        assertThat(KmipAlgorithms.usageMask(EnumSet.of(KeyUsage.MAC, KeyUsage.DECRYPT))).isEqualTo(0x08 | 0x180);
        assertThat(KmipAlgorithms.code(org.keyhaven.key.KeyAlgorithm.EC, ProtocolVersion.V1_2)).isEqualTo(0x06);
        assertThat(KmipAlgorithms.code(org.keyhaven.key.KeyAlgorithm.EC, ProtocolVersion.V1_4)).isEqualTo(0x1A);
        assertThatThrownBy(() -> KmipAlgorithms.algorithm(0x02)).isInstanceOf(KmipFailure.class)
                .hasMessageContaining("not supported");
    }

    @Test
    void sensitiveIsFalseUnlessTheClientSaidOtherwise() {
        String yes = StoredAttributes.encode(List.of(new TtlvBoolean(Tags.SENSITIVE, true)));

        List<Attribute> plain = ObjectAttributes.of(aesKey(Map.of()), null, ProtocolVersion.V1_4);
        List<Attribute> sensitive = ObjectAttributes.of(aesKey(Map.of(StoredAttributes.key(
                StandardAttribute.SENSITIVE), yes)), null, ProtocolVersion.V1_4);

        assertThat(value(plain, "Sensitive")).isEqualTo(false);
        assertThat(value(sensitive, "Sensitive")).isEqualTo(true);
        assertThat(value(sensitive, "Always Sensitive")).isEqualTo(true);
    }

    private static Object value(List<Attribute> attributes, String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).map(a -> ((TtlvBoolean) a.value()).value())
                .findFirst().orElseThrow();
    }

    private static TtlvStructure digest(List<Attribute> attributes) {
        return attributes.stream().filter(a -> a.name().equals("Digest")).map(Attribute::value)
                .map(v -> v.as(TtlvStructure.class)).findFirst().orElseThrow();
    }

    private static List<String> names(List<Attribute> attributes) {
        return attributes.stream().map(Attribute::name).toList();
    }

    static KeyView aesKey(Map<String, String> attributes) {
        return new KeyView("0b8f0e7c-6f57-4b0e-9a33-4d6a2c1b9e01", "payments-key", "AES", 256, null,
                EnumSet.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT), true, false, KeyState.ACTIVE, 1, 1, null, null, NOW, null,
                null, null, null, null, NOW.minusSeconds(60), "client:app", NOW, List.of(), new TreeMap<>(attributes));
    }
}
