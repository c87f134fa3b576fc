package org.keyhaven.kmip.operation;

import java.util.Optional;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.OperationContext;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/** Reading the fields that many request payloads share. */
final class Payloads {

    /** Unique Identifiers are UUIDs here; anything longer is refused before any lookup. */
    private static final int MAX_IDENTIFIER = 128;

    private Payloads() {
    }

    /** The Unique Identifier the payload names, else the batch's ID Placeholder. */
    static String uniqueIdentifier(OperationContext context, TtlvStructure payload) {
        Optional<String> given = payload.find(Tags.UNIQUE_IDENTIFIER, TtlvTextString.class).map(TtlvTextString::value);
        String identifier = given.or(context::idPlaceholder).orElseThrow(() -> new KmipFailure(
                ResultReason.MISSING_DATA, "the request names no Unique Identifier and the batch has no ID"
                + " Placeholder"));
        if (identifier.length() > MAX_IDENTIFIER) {
            throw new KmipFailure(ResultReason.ITEM_NOT_FOUND, "no object with that Unique Identifier");
        }
        return identifier;
    }

    static StructureBuilder response() {
        return StructureBuilder.of(Tags.RESPONSE_PAYLOAD);
    }

    /** A response payload holding just the Unique Identifier. */
    static TtlvStructure identifier(String uniqueIdentifier) {
        return response().text(Tags.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
    }

    static Optional<Integer> enumeration(TtlvStructure structure, Tag tag) {
        return structure.find(tag, TtlvEnumeration.class).map(TtlvEnumeration::value);
    }

    static Optional<Integer> integer(TtlvStructure structure, Tag tag) {
        return structure.find(tag, TtlvInteger.class).map(TtlvInteger::value);
    }

    static String printable(String text) {
        return org.keyhaven.common.Texts.printable(text, 80);
    }
}
