package org.keyhaven.kmip.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.keyhaven.kmip.ttlv.ItemType;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * A TTLV item tree as a KMIP XML document writes it, in which some leaves may be placeholders for values only
 * known at run time. {@link #resolve(PlaceholderResolver)} turns it into a {@link TtlvItem}; a tree without
 * placeholders converts with {@link #toTtlv()}.
 */
public sealed interface TemplateItem permits TemplateItem.Fixed, TemplateItem.Composite, TemplateItem.Placeholder {

    Tag tag();

    ItemType type();

    TtlvItem resolve(PlaceholderResolver resolver);

    /** Every placeholder in the tree, in document order. */
    Stream<Placeholder> placeholders();

    default boolean hasPlaceholders() {
        return placeholders().findAny().isPresent();
    }

    /** @throws KmipXmlException if the tree has a placeholder */
    default TtlvItem toTtlv() {
        return resolve(PlaceholderResolver.refusing());
    }

    /** A leaf with its value. */
    record Fixed(TtlvItem item) implements TemplateItem {

        public Fixed {
            Objects.requireNonNull(item, "item");
            if (item.type() == ItemType.STRUCTURE) {
                throw new IllegalArgumentException("a Structure is a Composite");
            }
        }

        @Override
        public Tag tag() {
            return item.tag();
        }

        @Override
        public ItemType type() {
            return item.type();
        }

        @Override
        public TtlvItem resolve(PlaceholderResolver resolver) {
            return item;
        }

        @Override
        public Stream<Placeholder> placeholders() {
            return Stream.empty();
        }
    }

    /** A Structure; children in document order. */
    record Composite(Tag tag, List<TemplateItem> children) implements TemplateItem {

        public Composite {
            Objects.requireNonNull(tag, "tag");
            children = List.copyOf(children);
        }

        @Override
        public ItemType type() {
            return ItemType.STRUCTURE;
        }

        @Override
        public TtlvStructure resolve(PlaceholderResolver resolver) {
            List<TtlvItem> items = new ArrayList<>(children.size());
            for (TemplateItem child : children) {
                items.add(child.resolve(resolver));
            }
            return new TtlvStructure(tag, items);
        }

        @Override
        public TtlvStructure toTtlv() {
            return resolve(PlaceholderResolver.refusing());
        }

        @Override
        public Stream<Placeholder> placeholders() {
            return children.stream().flatMap(TemplateItem::placeholders);
        }

        /** The children with this tag, in order. */
        public List<TemplateItem> findAll(Tag childTag) {
            return children.stream().filter(child -> child.tag().equals(childTag)).toList();
        }
    }

    /**
     * A value to be supplied at run time, written {@code $NAME} (e.g. {@code $UNIQUE_IDENTIFIER_0}, {@code $NOW},
     * {@code $NOW-3600}).
     *
     * @param name the placeholder as written, with the leading {@code $}
     */
    record Placeholder(Tag tag, ItemType type, String name) implements TemplateItem {

        public Placeholder {
            Objects.requireNonNull(tag, "tag");
            Objects.requireNonNull(type, "type");
            if (type == ItemType.STRUCTURE || !name.startsWith("$")) {
                throw new IllegalArgumentException("a placeholder is a $NAME leaf");
            }
        }

        @Override
        public TtlvItem resolve(PlaceholderResolver resolver) {
            TtlvItem item = resolver.resolve(this);
            if (!item.tag().equals(tag) || item.type() != type) {
                throw new KmipXmlException("placeholder " + name + " resolved to " + item.type() + " "
                        + item.tag() + ", not " + type + " " + tag);
            }
            return item;
        }

        @Override
        public Stream<Placeholder> placeholders() {
            return Stream.of(this);
        }
    }
}
