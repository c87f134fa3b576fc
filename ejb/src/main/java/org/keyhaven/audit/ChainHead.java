package org.keyhaven.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The head row: the seq and MAC of the last record chained. It lets {@link AuditChain#verify} notice
 * records removed from the end of the log, which leave no gap behind them. The head is only as trustworthy
 * as the place it is kept: someone who can rewrite it together with the tail can truncate unseen, so a
 * copy should also be anchored outside the database (syslog, backups, monitoring).
 *
 * <p>A log with no records has no head ({@code null}) or the head {@code (0, genesis)}.
 */
public record ChainHead(long seq, byte[] mac) {

    public ChainHead {
        mac = Objects.requireNonNull(mac, "mac").clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainHead that && seq == that.seq && Arrays.equals(mac, that.mac);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(seq) + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "ChainHead[seq=" + seq + ", mac=" + HexFormat.of().formatHex(mac) + "]";
    }
}
