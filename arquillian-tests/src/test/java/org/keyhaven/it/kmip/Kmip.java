package org.keyhaven.it.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.keyhaven.kmip.message.Operation;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/** Builds KMIP requests and reads responses, for the tests; written out tag by tag as a client library would. */
final class Kmip {

    static final int AES = 0x03;
    static final int SYMMETRIC_KEY = 0x02;
    static final int SECRET_DATA = 0x07;
    static final int ENCRYPT_DECRYPT = 0x04 | 0x08;
    static final int SUCCESS = 0;
    static final int FAILED = 1;

    private Kmip() {
    }

    /** A request of one or more batch items; several items get Unique Batch Item IDs 1, 2, ... */
    static TtlvStructure request(ProtocolVersion version, TtlvStructure... items) {
        StructureBuilder message = StructureBuilder.of(Tags.REQUEST_MESSAGE).add(StructureBuilder
                .of(Tags.REQUEST_HEADER).add(version.toTtlv()).integer(Tags.BATCH_COUNT, items.length).build());
        for (int i = 0; i < items.length; i++) {
            if (items.length == 1) {
                message.add(items[i]);
            } else {
                List<TtlvItem> children = new ArrayList<>(items[i].children());
                children.add(1, new org.keyhaven.kmip.ttlv.TtlvByteString(Tags.UNIQUE_BATCH_ITEM_ID,
                        new byte[] {(byte) (i + 1)}));
                message.add(new TtlvStructure(Tags.BATCH_ITEM, children));
            }
        }
        return message.build();
    }

    static TtlvStructure item(Operation operation, TtlvItem... payload) {
        return StructureBuilder.of(Tags.BATCH_ITEM).enumeration(Tags.OPERATION, operation.code())
                .add(new TtlvStructure(Tags.REQUEST_PAYLOAD, List.of(payload))).build();
    }

    static TtlvTextString id(String uniqueIdentifier) {
        return new TtlvTextString(Tags.UNIQUE_IDENTIFIER, uniqueIdentifier);
    }

    /** A KMIP 1.x Attribute. */
    static TtlvStructure attribute(String name, TtlvItem value) {
        return StructureBuilder.of(Tags.ATTRIBUTE).text(Tags.ATTRIBUTE_NAME, name)
                .add(value.withTag(Tags.ATTRIBUTE_VALUE)).build();
    }

    static TtlvStructure template(TtlvStructure... attributes) {
        return new TtlvStructure(Tags.TEMPLATE_ATTRIBUTE, List.of(attributes));
    }

    static TtlvStructure name(String name) {
        return StructureBuilder.of(Tags.NAME).text(Tags.NAME_VALUE, name).enumeration(Tags.NAME_TYPE, 1).build();
    }

    static TtlvEnumeration enumeration(Tag tag, int value) {
        return new TtlvEnumeration(tag, value);
    }

    static TtlvInteger integer(Tag tag, int value) {
        return new TtlvInteger(tag, value);
    }

    /** A 1.x Create of an AES key; name null for none. */
    static TtlvStructure createAes(int bits, int usageMask, String name) {
        List<TtlvStructure> attributes = new ArrayList<>(List.of(
                attribute("Cryptographic Algorithm", enumeration(Tags.CRYPTOGRAPHIC_ALGORITHM, AES)),
                attribute("Cryptographic Length", integer(Tags.CRYPTOGRAPHIC_LENGTH, bits)),
                attribute("Cryptographic Usage Mask", integer(Tags.CRYPTOGRAPHIC_USAGE_MASK, usageMask))));
        if (name != null) {
            attributes.add(attribute("Name", name(name)));
        }
        return item(Operation.CREATE, enumeration(Tags.OBJECT_TYPE, SYMMETRIC_KEY),
                template(attributes.toArray(TtlvStructure[]::new)));
    }

    static List<TtlvStructure> items(TtlvStructure response) {
        assertThat(response.tag()).isEqualTo(Tags.RESPONSE_MESSAGE);
        return response.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
    }

    static TtlvStructure only(TtlvStructure response) {
        List<TtlvStructure> items = items(response);
        assertThat(items).as("batch items of %s", response).hasSize(1);
        return items.get(0);
    }

    static int status(TtlvStructure item) {
        return item.get(Tags.RESULT_STATUS, TtlvEnumeration.class).value();
    }

    static int reason(TtlvStructure item) {
        return item.get(Tags.RESULT_REASON, TtlvEnumeration.class).value();
    }

    static String message(TtlvStructure item) {
        return item.find(Tags.RESULT_MESSAGE, TtlvTextString.class).map(TtlvTextString::value).orElse("");
    }

    /** The payload of a successful item (fails with the result message otherwise). */
    static TtlvStructure succeeded(TtlvStructure item) {
        assertThat(status(item)).as("result of %s: %s", item, message(item)).isEqualTo(SUCCESS);
        return item.find(Tags.RESPONSE_PAYLOAD, TtlvStructure.class).orElse(TtlvStructure.of(Tags.RESPONSE_PAYLOAD));
    }

    static String text(TtlvStructure structure, Tag tag) {
        return structure.get(tag, TtlvTextString.class).value();
    }

    /** 1.x Get Attributes answer: the value of one attribute by name. */
    static TtlvItem attributeValue(TtlvStructure payload, String name) {
        return payload.findAll(Tags.ATTRIBUTE, TtlvStructure.class).stream()
                .filter(attribute -> text(attribute, Tags.ATTRIBUTE_NAME).equals(name)).findFirst()
                .map(attribute -> attribute.find(Tags.ATTRIBUTE_VALUE).orElseThrow())
                .orElseThrow(() -> new AssertionError("no attribute " + name + " in " + payload));
    }
}
