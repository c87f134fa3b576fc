package org.keyhaven.kmip.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.ItemType;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvItem;

/**
 * The attributes a Locate names beyond those the database selects by: a key matches when it has each of them with
 * an equal value (any instance of a multi-instance attribute). A date attribute named twice is a range, both ends
 * included, as KMIP defines.
 */
final class LocateCriteria {

    private final Map<String, List<TtlvItem>> wanted = new LinkedHashMap<>();
    private final ProtocolVersion version;

    LocateCriteria(List<Attribute> attributes, ProtocolVersion version) {
        this.version = version;
        for (Attribute attribute : attributes) {
            wanted.computeIfAbsent(attribute.name(), name -> new java.util.ArrayList<>())
                    .add(attribute.value().withTag(Tags.ATTRIBUTE_VALUE));
        }
    }

    boolean matches(KeyView key) {
        if (wanted.isEmpty()) {
            return true;
        }
        List<Attribute> present = ObjectAttributes.of(key, null, version);
        return wanted.entrySet().stream().allMatch(criterion -> {
            List<TtlvItem> values = present.stream().filter(attribute -> attribute.name().equals(criterion.getKey()))
                    .map(attribute -> attribute.value().withTag(Tags.ATTRIBUTE_VALUE)).toList();
            List<TtlvItem> asked = criterion.getValue();
            if (asked.size() == 2 && asked.get(0).type() == ItemType.DATE_TIME) {
                long from = ((TtlvDateTime) asked.get(0)).epochSeconds();
                long to = ((TtlvDateTime) asked.get(1)).epochSeconds();
                return values.stream().anyMatch(value -> value instanceof TtlvDateTime date
                        && date.epochSeconds() >= Math.min(from, to) && date.epochSeconds() <= Math.max(from, to));
            }
            return values.containsAll(asked);
        });
    }
}
