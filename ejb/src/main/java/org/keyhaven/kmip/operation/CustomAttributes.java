package org.keyhaven.kmip.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * Custom attributes ({@code x-...}, {@code y-...}) among a key's attributes: a single Text String value is kept as
 * the text itself under the attribute's name (so the REST API shows it as it is); any other value, or several, as
 * TTLV under {@code kmip:} and the name ({@link StoredAttributes}).
 */
final class CustomAttributes {

    private CustomAttributes() {
    }

    /** The instances of a custom attribute, in index order. */
    static List<TtlvItem> instances(Map<String, String> attributes, String name) {
        List<TtlvItem> instances = new ArrayList<>();
        String text = attributes.get(name);
        if (text != null) {
            instances.add(new TtlvTextString(Tags.ATTRIBUTE_VALUE, text));
        }
        String stored = attributes.get(StoredAttributes.PREFIX + name);
        if (stored != null) {
            instances.addAll(StoredAttributes.decode(stored));
        }
        return instances;
    }

    /** The attribute's storage key and value for these instances (none: the attribute goes). */
    static void put(Map<String, String> attributes, String name, List<TtlvItem> instances) {
        attributes.remove(name);
        attributes.remove(StoredAttributes.PREFIX + name);
        if (instances.size() == 1 && instances.get(0) instanceof TtlvTextString text) {
            attributes.put(name, text.value());
        } else if (!instances.isEmpty()) {
            attributes.put(StoredAttributes.PREFIX + name, StoredAttributes.encode(instances));
        }
    }

    /** Every custom attribute name among the attributes, in order. */
    static List<String> names(Map<String, String> attributes) {
        return attributes.keySet().stream()
                .map(key -> key.startsWith(StoredAttributes.PREFIX) ? key.substring(StoredAttributes.PREFIX.length())
                        : key)
                .filter(name -> name.startsWith("x-") || name.startsWith("y-")).distinct().sorted().toList();
    }
}
