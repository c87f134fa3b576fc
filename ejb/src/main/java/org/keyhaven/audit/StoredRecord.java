package org.keyhaven.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One audit record as read from the database: its chain position {@code seq}, the MAC of the record it
 * was chained after ({@code prevMac}, {@link AuditChain#genesis()} for the first record), its own
 * {@code mac}, and its content.
 *
 * <p>The arrays are copied in and out, so the value is immutable. Neither their presence nor their length is
 * checked here: a chained row whose MAC column was emptied, nulled, cut or padded is tampering, which
 * {@link AuditChain#verify} reports rather than this constructor refusing it. A null MAC becomes an empty one.
 */
public record StoredRecord(long seq, byte[] prevMac, byte[] mac, AuditContent content) {

    public StoredRecord {
        prevMac = prevMac == null ? new byte[0] : prevMac.clone();
        mac = mac == null ? new byte[0] : mac.clone();
        Objects.requireNonNull(content, "content");
    }

    @Override
    public byte[] prevMac() {
        return prevMac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredRecord that
                && seq == that.seq
                && Arrays.equals(prevMac, that.prevMac)
                && Arrays.equals(mac, that.mac)
                && content.equals(that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, Arrays.hashCode(prevMac), Arrays.hashCode(mac), content);
    }

    /** Shows seq and MACs only; the content is left out so that log lines do not copy audit data. */
    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "StoredRecord[seq=" + seq + ", prevMac=" + hex.formatHex(prevMac) + ", mac=" + hex.formatHex(mac)
                + ", id=" + content.id() + "]";
    }
}
