package org.keyhaven.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An unambiguous byte encoding of a list of fields, for MACs over database rows: each field is a type tag, then
 * a fixed-width value or a length-prefixed byte string; null has its own tag. Two different field lists never
 * encode to the same bytes.
 */
public final class Canonical {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte BYTES = 3;
    private static final byte BOOLEAN = 4;
    private static final byte INSTANT = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    public Canonical(String domain) {
        add(domain);
    }

    public Canonical add(String value) {
        if (value == null) {
            out.write(NULL);
        } else {
            out.write(STRING);
            lengthPrefixed(value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    public Canonical add(Long value) {
        if (value == null) {
            out.write(NULL);
        } else {
            out.write(LONG);
            fixed(value);
        }
        return this;
    }

    public Canonical add(Integer value) {
        return add(value == null ? null : Long.valueOf(value));
    }

    public Canonical add(boolean value) {
        out.write(BOOLEAN);
        out.write(value ? 1 : 0);
        return this;
    }

    public Canonical add(byte[] value) {
        if (value == null) {
            out.write(NULL);
        } else {
            out.write(BYTES);
            lengthPrefixed(value);
        }
        return this;
    }

    /** Instants enter with microsecond precision, the precision the database keeps. */
    public Canonical add(Instant value) {
        if (value == null) {
            out.write(NULL);
        } else {
            out.write(INSTANT);
            fixed(ChronoUnit.MICROS.between(Instant.EPOCH, value));
        }
        return this;
    }

    public Canonical add(Enum<?> value) {
        return add(value == null ? null : value.name());
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    private void lengthPrefixed(byte[] bytes) {
        fixed(bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private void fixed(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }
}
