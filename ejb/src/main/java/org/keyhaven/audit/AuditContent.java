package org.keyhaven.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The content fields of one audit record: everything the record's MAC covers except the chain link.
 *
 * <p>Invariants, checked by the constructor:
 * <ul>
 *   <li>{@code occurredAt} is not null and has no sub-microsecond part, because the database stores
 *       microseconds and a value read back must produce the same canonical bytes as the value that was
 *       chained. Writers truncate with {@link #truncateToMicros(Instant)} before building the content.
 *   <li>Strings are well-formed UTF-16 (no unpaired surrogate): an unpaired surrogate has no UTF-8 form,
 *       so two different strings would share one encoding. Writers that record client-supplied text pass
 *       it through {@link #storableText(String)} first.
 * </ul>
 * Nothing else is validated (no port range, no required operation): every row the database can hold must
 * map to a value, so that tampering is reported by {@link AuditChain#verify} instead of thrown by the
 * mapping. Every other field may be null, and null is distinct from the empty string.
 *
 * <h2>Canonical form, version 1</h2>
 * Big-endian throughout; this layout is persistent (old records are verified with it), never change it,
 * add a version instead.
 * <pre>
 *   u8   format version = 1
 *   i64  id
 *   i64  occurredAt as microseconds since 1970-01-01T00:00:00Z
 *   str  actor, str actorType, str clientAddress
 *   int  port
 *   str  operation, str objectId
 *   int  objectVersion
 *   str  outcome, str reason, str details
 *
 *   str  = u8 0 (null)  |  u8 1, u32 byte length, UTF-8 bytes
 *   int  = u8 0 (null)  |  u8 1, i32
 * </pre>
 * Every field either has a fixed width or is preceded by its presence tag and length, so the bytes parse
 * back into exactly one value.
 */
public record AuditContent(long id, Instant occurredAt, String actor, String actorType, String clientAddress,
        Integer port, String operation, String objectId, Integer objectVersion, String outcome, String reason,
        String details) {

    /** The version byte that starts {@link #canonicalBytes()}. */
    public static final byte FORMAT_VERSION = 1;

    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int NANOS_PER_MICRO = 1_000;

    public AuditContent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (occurredAt.getNano() % NANOS_PER_MICRO != 0) {
            throw new IllegalArgumentException(
                    "occurredAt has a sub-microsecond part; truncate it with AuditContent.truncateToMicros");
        }
        epochMicros(occurredAt); // throws when the time has no epoch-microsecond form
        requireWellFormed(actor, "actor");
        requireWellFormed(actorType, "actorType");
        requireWellFormed(clientAddress, "clientAddress");
        requireWellFormed(operation, "operation");
        requireWellFormed(objectId, "objectId");
        requireWellFormed(outcome, "outcome");
        requireWellFormed(reason, "reason");
        requireWellFormed(details, "details");
    }

    /** {@code instant} without its sub-microsecond part (towards the past), the precision the database keeps. */
    public static Instant truncateToMicros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * {@code text} with each unpaired surrogate and each NUL replaced by U+FFFD, so that it is accepted here
     * and can be stored in a PostgreSQL {@code text} column (which refuses NUL). Null stays null.
     */
    public static String storableText(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPairStart(text, i)) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c == '\0' || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** The occurrence time as whole microseconds since the epoch, as the canonical form carries it. */
    public long occurredAtMicros() {
        return epochMicros(occurredAt);
    }

    /** The unambiguous, versioned encoding the record's MAC is computed over; see the class comment. */
    public byte[] canonicalBytes() {
        byte[][] strings = {
                utf8(actor), utf8(actorType), utf8(clientAddress), utf8(operation), utf8(objectId),
                utf8(outcome), utf8(reason), utf8(details)};
        int size = 1 + Long.BYTES + Long.BYTES + intSize(port) + intSize(objectVersion);
        for (byte[] s : strings) {
            size += s == null ? 1 : 1 + Integer.BYTES + s.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(FORMAT_VERSION);
        out.putLong(id);
        out.putLong(occurredAtMicros());
        putString(out, strings[0]);
        putString(out, strings[1]);
        putString(out, strings[2]);
        putInt(out, port);
        putString(out, strings[3]);
        putString(out, strings[4]);
        putInt(out, objectVersion);
        putString(out, strings[5]);
        putString(out, strings[6]);
        putString(out, strings[7]);
        return out.array();
    }

    private static long epochMicros(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                    instant.getNano() / NANOS_PER_MICRO);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("occurredAt is outside the range of epoch microseconds", e);
        }
    }

    private static void requireWellFormed(String text, String field) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPairStart(text, i)) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " contains an unpaired surrogate at index " + i
                        + "; pass client text through AuditContent.storableText");
            }
        }
    }

    private static boolean isPairStart(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static int intSize(Integer value) {
        return value == null ? 1 : 1 + Integer.BYTES;
    }

    private static void putString(ByteBuffer out, byte[] utf8) {
        if (utf8 == null) {
            out.put(ABSENT);
        } else {
            out.put(PRESENT).putInt(utf8.length).put(utf8);
        }
    }

    private static void putInt(ByteBuffer out, Integer value) {
        if (value == null) {
            out.put(ABSENT);
        } else {
            out.put(PRESENT).putInt(value);
        }
    }
}
