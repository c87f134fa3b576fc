package org.keyhaven.kmip.xml;

import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.keyhaven.kmip.spec.KmipEnumerations;
import org.keyhaven.kmip.spec.KmipTags;
import org.keyhaven.kmip.ttlv.ItemType;
import org.keyhaven.kmip.ttlv.TtlvBigInteger;
import org.keyhaven.kmip.ttlv.TtlvBoolean;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvDateTimeExtended;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvInterval;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvLongInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * Writes {@link TemplateItem} trees (and so TTLV trees) in the KMIP XML encoding, in the form
 * {@link KmipXmlReader} reads back to an equal tree: enumerations and usage masks by name where the dictionary
 * has one, otherwise in hex; Date-Times in ISO-8601 UTC; placeholders as {@code $NAME}.
 *
 * <p>Byte Strings and Big Integers are written in hex into a Java string, which cannot be wiped: this is for
 * test cases, diagnostics and interoperability tooling, never for logging live key material.
 */
public final class KmipXmlWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter DATE_TIME_EXTENDED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final HexFormat HEX = HexFormat.of();
    private static final String INDENT = "  ";

    private KmipXmlWriter() {
    }

    /** @throws KmipXmlException if a tag has no name in the dictionary (XML element names cannot be hex) */
    public static String write(TemplateItem item) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            write(xml, item, null, 0);
            xml.writeCharacters("\n");
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new KmipXmlException("KMIP XML could not be written", e);
        }
        return out.toString();
    }

    /** A TTLV tree without placeholders. */
    public static String write(TtlvItem item) {
        return write(template(item));
    }

    private static TemplateItem template(TtlvItem item) {
        if (item instanceof TtlvStructure structure) {
            return new TemplateItem.Composite(structure.tag(),
                    structure.children().stream().map(KmipXmlWriter::template).toList());
        }
        return new TemplateItem.Fixed(item);
    }

    private static void write(XMLStreamWriter xml, TemplateItem item, String attributeName, int depth)
            throws XMLStreamException {
        String name = KmipTags.name(item.tag()).orElseThrow(() -> new KmipXmlException("tag " + item.tag()
                + " has no name to write as an element"));
        if (depth > 0) {
            xml.writeCharacters("\n" + INDENT.repeat(depth));
        }
        if (item instanceof TemplateItem.Composite composite) {
            writeStructure(xml, name, composite, depth);
        } else if (item instanceof TemplateItem.Placeholder placeholder) {
            leaf(xml, name, placeholder.type(), placeholder.name());
        } else {
            String valueTable = "AttributeValue".equals(name) && attributeName != null
                    ? KmipEnumerations.forAttributeName(attributeName) : name;
            leaf(xml, name, item.type(), value(((TemplateItem.Fixed) item).item(), valueTable));
        }
    }

    private static void writeStructure(XMLStreamWriter xml, String name, TemplateItem.Composite composite,
            int depth) throws XMLStreamException {
        if (composite.children().isEmpty()) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        String lastAttributeName = null;
        for (TemplateItem child : composite.children()) {
            write(xml, child, lastAttributeName, depth + 1);
            if (child instanceof TemplateItem.Fixed fixed && fixed.item() instanceof TtlvTextString text
                    && "AttributeName".equals(KmipTags.name(child.tag()).orElse(""))) {
                lastAttributeName = text.value();
            }
        }
        xml.writeCharacters("\n" + INDENT.repeat(depth));
        xml.writeEndElement();
    }

    private static void leaf(XMLStreamWriter xml, String name, ItemType type, String value)
            throws XMLStreamException {
        xml.writeEmptyElement(name);
        xml.writeAttribute("type", type.xmlName());
        xml.writeAttribute("value", value);
    }

    private static String value(TtlvItem item, String valueTable) {
        return switch (item.type()) {
            case INTEGER -> integer(((TtlvInteger) item).value(), valueTable);
            case LONG_INTEGER -> Long.toString(((TtlvLongInteger) item).value());
            case BIG_INTEGER -> HEX.formatHex(((TtlvBigInteger) item).encoded());
            case ENUMERATION -> {
                int value = ((TtlvEnumeration) item).value();
                yield name(valueTable, value).orElseGet(() -> String.format("0x%08X", value));
            }
            case BOOLEAN -> Boolean.toString(((TtlvBoolean) item).value());
            case TEXT_STRING -> ((TtlvTextString) item).value();
            case BYTE_STRING -> ((TtlvByteString) item).use(HEX::formatHex);
            case DATE_TIME -> DATE_TIME.format(utc(((TtlvDateTime) item).instant()));
            case INTERVAL -> Long.toString(((TtlvInterval) item).seconds());
            case DATE_TIME_EXTENDED -> DATE_TIME_EXTENDED.format(utc(((TtlvDateTimeExtended) item).instant()));
            case STRUCTURE -> throw new IllegalStateException("Structures are not leaves");
        };
    }

    private static String integer(int value, String maskTable) {
        return KmipEnumerations.isMask(maskTable) ? KmipEnumerations.maskNames(maskTable, value)
                .orElseGet(() -> Integer.toString(value)) : Integer.toString(value);
    }

    private static Optional<String> name(String enumerationTag, int value) {
        return KmipEnumerations.name(enumerationTag, value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
