package org.keyhaven.kmip.message;

import java.util.List;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * A KMIP protocol version. The server speaks 1.0 to 1.4, 2.0 and 2.1, answers every request in the version it
 * was made in, and writes nothing that version does not define.
 */
public record ProtocolVersion(int major, int minor) implements Comparable<ProtocolVersion> {

    public static final ProtocolVersion V1_0 = new ProtocolVersion(1, 0);
    public static final ProtocolVersion V1_1 = new ProtocolVersion(1, 1);
    public static final ProtocolVersion V1_2 = new ProtocolVersion(1, 2);
    public static final ProtocolVersion V1_3 = new ProtocolVersion(1, 3);
    public static final ProtocolVersion V1_4 = new ProtocolVersion(1, 4);
    public static final ProtocolVersion V2_0 = new ProtocolVersion(2, 0);
    public static final ProtocolVersion V2_1 = new ProtocolVersion(2, 1);

    /** The supported versions, most preferred (newest) first, as Discover Versions lists them. */
    public static final List<ProtocolVersion> SUPPORTED = List.of(V2_1, V2_0, V1_4, V1_3, V1_2, V1_1, V1_0);

    public boolean isSupported() {
        return SUPPORTED.contains(this);
    }

    /** Whether this version is at least {@code other}. */
    public boolean atLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }

    /** KMIP 2.x, whose attributes travel as their own tags rather than as name/value pairs. */
    public boolean isV2() {
        return major >= 2;
    }

    public static ProtocolVersion read(TtlvStructure structure) {
        return new ProtocolVersion(structure.get(Tags.PROTOCOL_VERSION_MAJOR, TtlvInteger.class).value(),
                structure.get(Tags.PROTOCOL_VERSION_MINOR, TtlvInteger.class).value());
    }

    public TtlvStructure toTtlv() {
        return TtlvStructure.of(Tags.PROTOCOL_VERSION, new TtlvInteger(Tags.PROTOCOL_VERSION_MAJOR, major),
                new TtlvInteger(Tags.PROTOCOL_VERSION_MINOR, minor));
    }

    @Override
    public int compareTo(ProtocolVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
