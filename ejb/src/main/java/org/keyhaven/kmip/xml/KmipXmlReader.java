package org.keyhaven.kmip.xml;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.keyhaven.kmip.spec.KmipEnumerations;
import org.keyhaven.kmip.spec.KmipTags;
import org.keyhaven.kmip.ttlv.ItemType;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.ttlv.TtlvBigInteger;
import org.keyhaven.kmip.ttlv.TtlvBoolean;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvDateTimeExtended;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvException;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvInterval;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvLongInteger;
import org.keyhaven.kmip.ttlv.TtlvTextString;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the KMIP XML encoding into {@link TemplateItem} trees. An element is named by its tag ({@code BatchItem}
 * or {@code 0x42000F}); a leaf has {@code type} and {@code value} attributes, a Structure neither. Enumerations
 * are written by name or as {@code 0x} hex; Integers that are masks (Cryptographic Usage Mask, Protection
 * Storage Mask) also as names joined by spaces or {@code |}. A value starting with {@code $} is a placeholder.
 *
 * <p>Hostile input is refused, not tolerated: a document with a DOCTYPE (and so any entity) does not parse,
 * external resources are never fetched, and nesting is limited. Thread-safe; each call builds its own parser.
 */
public final class KmipXmlReader {

    private static final int MAX_DEPTH = 64;
    private static final String ROOT = "KMIP";
    private static final String REQUEST = "RequestMessage";
    private static final String RESPONSE = "ResponseMessage";
    private static final String ATTRIBUTE_NAME = "AttributeName";
    private static final String ATTRIBUTE_VALUE = "AttributeValue";
    private static final HexFormat HEX = HexFormat.of();

    private KmipXmlReader() {
    }

    /**
     * Reads a test-case file: a {@code <KMIP>} root holding RequestMessage and ResponseMessage elements that
     * alternate, each request first.
     *
     * @throws KmipXmlException if the document is malformed or hostile, or a message does not read
     */
    public static KmipTestCase readTestCase(String name, InputStream in) {
        Element root = parse(in).getDocumentElement();
        if (!ROOT.equals(root.getTagName())) {
            throw new KmipXmlException("a test case has the root element " + ROOT + ", not " + root.getTagName());
        }
        List<Element> messages = childElements(root);
        if (messages.isEmpty() || messages.size() % 2 != 0) {
            throw new KmipXmlException("test case " + name + " has " + messages.size()
                    + " messages; requests and responses come in pairs");
        }
        List<KmipTestCase.Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < messages.size(); i += 2) {
            Element request = messages.get(i);
            Element response = messages.get(i + 1);
            if (!REQUEST.equals(request.getTagName()) || !RESPONSE.equals(response.getTagName())) {
                throw new KmipXmlException("message " + i + " of " + name + " is " + request.getTagName()
                        + " followed by " + response.getTagName() + ", not a request and its response");
            }
            exchanges.add(new KmipTestCase.Exchange(i / 2, message(request), message(response)));
        }
        return new KmipTestCase(name, exchanges);
    }

    private static TemplateItem.Composite message(Element element) {
        if (read(element, null, 0) instanceof TemplateItem.Composite message) {
            return message;
        }
        throw new KmipXmlException(element.getTagName() + " is not a Structure");
    }

    /**
     * Reads one item, usually a message, whose element is the document root.
     *
     * @throws KmipXmlException if the document is malformed or hostile, or the item does not read
     */
    public static TemplateItem readItem(InputStream in) {
        return read(parse(in).getDocumentElement(), null, 0);
    }

    private static Document parse(InputStream in) {
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(RETHROW);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused");
            });
            return builder.parse(in);
        } catch (SAXException e) {
            throw new KmipXmlException("not a well-formed KMIP XML document without DTD: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new KmipXmlException("KMIP XML document could not be read", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature", e);
        }
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setIgnoringComments(true);
        return factory;
    }

    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document unusable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** @param attributeName the Attribute Name before this element in its Structure, if any (KMIP 1.x) */
    private static TemplateItem read(Element element, String attributeName, int depth) {
        if (depth > MAX_DEPTH) {
            throw new KmipXmlException("items nest deeper than " + MAX_DEPTH);
        }
        String name = element.getTagName();
        Tag tag = KmipTags.find(name).orElseThrow(() -> new KmipXmlException("unknown tag " + name));
        String typeName = element.hasAttribute("type") ? element.getAttribute("type") : null;
        ItemType type = typeName == null ? ItemType.STRUCTURE : ItemType.ofXmlName(typeName)
                .orElseThrow(() -> new KmipXmlException(name + " has unknown type " + typeName));
        if (type == ItemType.STRUCTURE) {
            if (element.hasAttribute("value")) {
                throw new KmipXmlException("Structure " + name + " has a value attribute");
            }
            List<TemplateItem> children = new ArrayList<>();
            String lastAttributeName = null;
            for (Element child : childElements(element)) {
                TemplateItem item = read(child, lastAttributeName, depth + 1);
                if (ATTRIBUTE_NAME.equals(child.getTagName()) && item instanceof TemplateItem.Fixed fixed
                        && fixed.item() instanceof TtlvTextString text) {
                    lastAttributeName = text.value();
                }
                children.add(item);
            }
            return new TemplateItem.Composite(tag, children);
        }
        if (!childElements(element).isEmpty()) {
            throw new KmipXmlException(type + " " + name + " has child elements");
        }
        if (!element.hasAttribute("value")) {
            throw new KmipXmlException(type + " " + name + " has no value attribute");
        }
        String value = element.getAttribute("value");
        if (value.startsWith("$")) {
            return new TemplateItem.Placeholder(tag, type, value);
        }
        String valueTable = ATTRIBUTE_VALUE.equals(name) && attributeName != null
                ? KmipEnumerations.forAttributeName(attributeName) : name;
        try {
            return new TemplateItem.Fixed(leaf(tag, type, valueTable, value));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new KmipXmlException(type + " " + name + " has a value that is not a " + type, e);
        } catch (IllegalArgumentException | TtlvException e) {
            throw new KmipXmlException(type + " " + name + " has an unusable value: " + e.getMessage(), e);
        }
    }

    private static TtlvItem leaf(Tag tag, ItemType type, String valueTable, String value) {
        return switch (type) {
            case INTEGER -> new TtlvInteger(tag, integer(valueTable, value));
            case LONG_INTEGER -> new TtlvLongInteger(tag, isHex(value)
                    ? Long.parseUnsignedLong(value.substring(2), 16) : Long.parseLong(value));
            case BIG_INTEGER -> bigInteger(tag, value);
            case ENUMERATION -> new TtlvEnumeration(tag, enumeration(valueTable, value));
            case BOOLEAN -> new TtlvBoolean(tag, bool(value));
            case TEXT_STRING -> new TtlvTextString(tag, value);
            case BYTE_STRING -> new TtlvByteString(tag, HEX.parseHex(value));
            case DATE_TIME -> isHex(value) ? new TtlvDateTime(tag, Long.parseUnsignedLong(value.substring(2), 16))
                    : TtlvDateTime.of(tag, instant(value));
            case INTERVAL -> new TtlvInterval(tag, isHex(value)
                    ? Long.parseUnsignedLong(value.substring(2), 16) : Long.parseLong(value));
            case DATE_TIME_EXTENDED -> isHex(value)
                    ? new TtlvDateTimeExtended(tag, Long.parseUnsignedLong(value.substring(2), 16))
                    : TtlvDateTimeExtended.of(tag, instant(value));
            case STRUCTURE -> throw new IllegalStateException("Structures are not leaves");
        };
    }

    private static int integer(String maskTable, String value) {
        if (isHex(value)) {
            return Integer.parseUnsignedInt(value.substring(2), 16);
        }
        if (!value.isEmpty() && (Character.isDigit(value.charAt(0)) || value.charAt(0) == '-')) {
            return Integer.parseInt(value);
        }
        OptionalInt mask = KmipEnumerations.maskValue(maskTable, value);
        if (mask.isEmpty()) {
            throw new KmipXmlException("Integer " + maskTable + " is neither a number nor known mask names");
        }
        return mask.getAsInt();
    }

    private static int enumeration(String enumerationTag, String value) {
        if (isHex(value)) {
            return Integer.parseUnsignedInt(value.substring(2), 16);
        }
        OptionalInt known = KmipEnumerations.value(enumerationTag, value);
        if (known.isEmpty()) {
            throw new KmipXmlException("unknown value " + value + " of enumeration " + enumerationTag);
        }
        return known.getAsInt();
    }

    /** Hex of the two's complement; sign-extended to whole 8-byte blocks when the document is shorter. */
    private static TtlvBigInteger bigInteger(Tag tag, String value) {
        String hex = isHex(value) ? value.substring(2) : value;
        byte[] bytes = HEX.parseHex(hex);
        if (bytes.length % 8 == 0 && bytes.length > 0) {
            return new TtlvBigInteger(tag, bytes);
        }
        return TtlvBigInteger.of(tag, new BigInteger(bytes));
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true", "0x0000000000000001" -> true;
            case "false", "0x0000000000000000" -> false;
            default -> throw new KmipXmlException("a Boolean is true or false");
        };
    }

    private static Instant instant(String value) {
        return OffsetDateTime.parse(value).toInstant();
    }

    private static boolean isHex(String value) {
        return value.startsWith("0x") || value.startsWith("0X");
    }

    private static List<Element> childElements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            switch (node.getNodeType()) {
                case Node.ELEMENT_NODE -> elements.add((Element) node);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (!node.getNodeValue().isBlank()) {
                        throw new KmipXmlException(parent.getTagName() + " contains text; values are attributes");
                    }
                }
                case Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> {
                    // no meaning in the encoding
                }
                default -> throw new KmipXmlException(parent.getTagName() + " contains an unexpected node");
            }
        }
        return elements;
    }

}
