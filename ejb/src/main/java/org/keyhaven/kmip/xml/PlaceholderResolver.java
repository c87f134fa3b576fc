package org.keyhaven.kmip.xml;

import org.keyhaven.kmip.ttlv.TtlvItem;

/**
 * Supplies the item for a placeholder such as {@code $UNIQUE_IDENTIFIER_0} or {@code $NOW-3600}; a test-case
 * replayer answers from values captured in earlier responses and from its clock.
 */
@FunctionalInterface
public interface PlaceholderResolver {

    /**
     * @return an item with the placeholder's tag and type
     * @throws KmipXmlException if the placeholder cannot be resolved
     */
    TtlvItem resolve(TemplateItem.Placeholder placeholder);

    /** A resolver that refuses every placeholder: for messages that must be complete. */
    static PlaceholderResolver refusing() {
        return placeholder -> {
            throw new KmipXmlException("placeholder " + placeholder.name() + " in " + placeholder.tag()
                    + " is not resolved");
        };
    }
}
