package org.keyhaven.kmip.operation;

import java.util.Objects;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * One attribute of a managed object, independent of the protocol version's way of writing it: its KMIP name
 * ({@code Cryptographic Algorithm}, or {@code x-Product_Version} for a custom attribute) and its value, an item
 * that carries the value's type (its tag is whatever the request used and is replaced on writing), and for
 * multi-instance attributes the instance's index (KMIP 1.x Attribute Index).
 */
public record Attribute(String name, TtlvItem value, int index) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The first (or only) instance. */
    public Attribute(String name, TtlvItem value) {
        this(name, value, 0);
    }

    /** The standard attribute this is, if it is one the server knows. */
    public java.util.Optional<StandardAttribute> standard() {
        return StandardAttribute.byName(name);
    }

    /** A custom attribute: named {@code x-...} by a client (KMIP 1.x), vendor "x" in KMIP 2.x. */
    public boolean isCustom() {
        return name.startsWith("x-") || name.startsWith("y-");
    }

    /** The value of a custom attribute, which Keyhaven keeps as text. */
    public String customText() {
        if (!(value instanceof TtlvTextString text)) {
            throw new KmipFailure(ResultReason.INVALID_ATTRIBUTE_VALUE, "custom attribute '"
                    + Payloads.printable(name) + "' must be a Text String here");
        }
        return text.value();
    }

    @Override
    public String toString() {
        return "Attribute[" + name + "]";
    }
}
