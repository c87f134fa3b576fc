package org.keyhaven.kmip.ttlv;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Structure: an ordered list of items, each of any type including Structure. Order is kept as received, and a
 * tag may repeat (KMIP's Batch Items, Attributes, Unique Identifiers in a Locate response).
 *
 * @param tag the tag
 * @param children the items in order; an unmodifiable copy
 */
public record TtlvStructure(Tag tag, List<TtlvItem> children) implements TtlvItem {

    public TtlvStructure {
        Objects.requireNonNull(tag, "tag");
        children = List.copyOf(children);
    }

    public static TtlvStructure of(Tag tag, TtlvItem... children) {
        return new TtlvStructure(tag, Arrays.asList(children));
    }

    @Override
    public ItemType type() {
        return ItemType.STRUCTURE;
    }

    /** The first child with this tag, of whatever type. */
    public Optional<TtlvItem> find(Tag childTag) {
        return children.stream().filter(child -> child.tag().equals(childTag)).findFirst();
    }

    /** Every child with this tag, in order; empty if there is none. */
    public List<TtlvItem> findAll(Tag childTag) {
        return children.stream().filter(child -> child.tag().equals(childTag)).toList();
    }

    /**
     * The first child with this tag, which must be of the given type if present.
     *
     * @throws TtlvException if the first child with this tag is of another type
     */
    public <T extends TtlvItem> Optional<T> find(Tag childTag, Class<T> expected) {
        return find(childTag).map(child -> child.as(expected));
    }

    /**
     * Every child with this tag, each of which must be of the given type.
     *
     * @throws TtlvException if one of them is of another type
     */
    public <T extends TtlvItem> List<T> findAll(Tag childTag, Class<T> expected) {
        return findAll(childTag).stream().map(child -> child.as(expected)).toList();
    }

    /**
     * The first child with this tag, which must be present and of the given type.
     *
     * @throws TtlvException if there is none, or it is of another type
     */
    public <T extends TtlvItem> T get(Tag childTag, Class<T> expected) {
        return find(childTag, expected).orElseThrow(() -> new TtlvException(TtlvItems.head(this)
                + " has no item " + childTag));
    }

    /**
     * Destroys every Byte String and Big Integer in this tree, at any depth, so that the key material a request or
     * response carried does not linger in memory once it has been handled. The other values stay readable (Text
     * Strings are Java strings and cannot be wiped).
     */
    public void destroySecrets() {
        for (TtlvItem child : children) {
            switch (child.type()) {
                case STRUCTURE -> ((TtlvStructure) child).destroySecrets();
                case BYTE_STRING -> ((TtlvByteString) child).destroy();
                case BIG_INTEGER -> ((TtlvBigInteger) child).destroy();
                default -> {
                    // nothing to wipe
                }
            }
        }
    }

    /** Type, tag and the children's own {@code toString()}, which hides secret-bearing values. */
    @Override
    public String toString() {
        return children.stream().map(TtlvItem::toString)
                .collect(Collectors.joining(", ", TtlvItems.head(this) + " [", "]"));
    }
}
