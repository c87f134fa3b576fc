package org.keyhaven.kmip.operation;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvDecoder;
import org.keyhaven.kmip.ttlv.TtlvEncoder;
import org.keyhaven.kmip.ttlv.TtlvItem;

/**
 * Client-kept standard attributes ({@link StandardAttribute#clientKept()}) live among a key's custom attributes as
 * {@code kmip:<name>}, their instances as TTLV in hex, one after the other: stored as given, returned as given.
 */
public final class StoredAttributes {

    public static final String PREFIX = "kmip:";
    /** Marks a key whose material a client registered (the server's generator did not make it). */
    public static final String REGISTERED = PREFIX + "registered";
    /** Marks a key the client gave no Name: its generated name is Keyhaven's, not a KMIP Name. */
    public static final String UNNAMED = PREFIX + "unnamed";
    /** The Key Format Type a key was registered in, in which Get returns it unless asked for another. */
    public static final String FORMAT = PREFIX + "format";
    /** The Secret Data Type registered secret data was given. */
    public static final String SECRET_DATA_TYPE = PREFIX + "secret-data-type";
    /** The room one attribute has among a key's attributes (hex characters). */
    private static final int MAX_HEX = 4000;

    private StoredAttributes() {
    }

    public static String key(StandardAttribute attribute) {
        return PREFIX + attribute.kmipName();
    }

    public static boolean isStored(String attributeKey) {
        return attributeKey.startsWith(PREFIX);
    }

    /** The stored Link attribute with one more link (Link Type, Linked Object Identifier) after those it has. */
    public static String withLink(String stored, int linkType, String linkedId) {
        List<TtlvItem> links = stored == null ? new ArrayList<>() : new ArrayList<>(decode(stored));
        links.add(org.keyhaven.kmip.message.StructureBuilder.of(Tags.LINK).enumeration(Tags.LINK_TYPE, linkType)
                .text(Tags.LINKED_OBJECT_IDENTIFIER, linkedId).build());
        return encode(links);
    }

    /** The instances as stored text. */
    public static String encode(List<TtlvItem> instances) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TtlvItem instance : instances) {
            out.writeBytes(TtlvEncoder.encode(instance.withTag(Tags.ATTRIBUTE_VALUE)));
        }
        String hex = HexFormat.of().formatHex(out.toByteArray());
        if (hex.length() > MAX_HEX) {
            throw new KmipFailure(ResultReason.SERVER_LIMIT_EXCEEDED, "the attribute's values exceed "
                    + MAX_HEX / 2 + " bytes");
        }
        return hex;
    }

    /** The instances of stored text, in order. */
    public static List<TtlvItem> decode(String stored) {
        byte[] bytes = HexFormat.of().parseHex(stored);
        TtlvDecoder decoder = new TtlvDecoder();
        List<TtlvItem> instances = new ArrayList<>();
        int offset = 0;
        while (offset < bytes.length) {
            long length = ((bytes[offset + 4] & 0xFFL) << 24) | ((bytes[offset + 5] & 0xFF) << 16)
                    | ((bytes[offset + 6] & 0xFF) << 8) | (bytes[offset + 7] & 0xFF);
            int size = 8 + (int) ((length + 7) / 8 * 8);
            instances.add(decoder.decode(Arrays.copyOfRange(bytes, offset, offset + size)));
            offset += size;
        }
        return instances;
    }
}
