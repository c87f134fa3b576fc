package org.keyhaven.monitor.syslog;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.Outcome;

/**
 * RFC 5424 messages for audit records:
 * <pre>{@code <86>1 2026-03-01T10:15:30.123456Z kh1.example keyhaven - key.create [keyhaven@32473 seq="42"
 * actor="alice" actorType="USER" client="10.0.0.5" port="6001" operation="key.create" object="0d3f..." version="1"
 * outcome="SUCCESS" mac="q83v..."] BOM algorithm=AES, length=256}</pre>
 * <ul>
 * <li>PRI: facility authpriv (10, security messages that belong in a private log) times 8 plus the severity:
 * informational (6) for a success, warning (4) for a denial, error (3) for a failure.</li>
 * <li>The structured data element {@value #SD_ID} carries every audit field but the time (the TIMESTAMP, in
 * microseconds, as stored) and the details; {@code seq} and {@code mac} (base64, as the audit API shows it) let
 * the SIEM check that no record is missing, drop duplicates (delivery is at least once) and compare with
 * {@code GET /api/v1/audit}. Fields without a value are left out. 32473 is the private enterprise number that RFC
 * 5612 reserves for documentation examples: Keyhaven has no number of its own, and a SIEM must not mistake this
 * element for another vendor's.</li>
 * <li>MSG is the record's details text ({@code name=value, ...}), UTF-8 with a BOM; absent when there are none. A
 * message longer than the transport allows loses the end of its MSG, never the structured data.</li>
 * </ul>
 * Control characters in any value become {@code ?}: one record, one line, whatever a caller put in a field.
 */
public final class Rfc5424Formatter implements RecordFormatter {

    /** The documentation enterprise number (RFC 5612); see the class comment. */
    public static final int ENTERPRISE_NUMBER = 32473;
    public static final String SD_ID = "keyhaven@" + ENTERPRISE_NUMBER;
    static final int FACILITY_AUTHPRIV = 10;
    static final String APP_NAME = "keyhaven";
    static final String NIL = "-";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int MAX_HOSTNAME = 255;
    private static final int MAX_MSGID = 32;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final String hostname;

    /** @param hostname this server's name as the HOSTNAME field shows it (non-ASCII or empty: {@code -}) */
    public Rfc5424Formatter(String hostname) {
        this.hostname = headerField(hostname, MAX_HOSTNAME);
    }

    @Override
    public byte[] format(AuditEntry entry, int maxBytes) {
        byte[] head = (header(hostname, entry) + " " + structuredData(entry)).getBytes(StandardCharsets.UTF_8);
        String details = entry.details();
        if (details == null || details.isEmpty()) {
            return head;
        }
        int room = maxBytes - head.length - 1 - BOM.length;
        if (room <= 0) {
            return head;
        }
        byte[] message = truncateUtf8(sanitize(details).getBytes(StandardCharsets.UTF_8), room);
        byte[] out = Arrays.copyOf(head, head.length + 1 + BOM.length + message.length);
        out[head.length] = ' ';
        System.arraycopy(BOM, 0, out, head.length + 1, BOM.length);
        System.arraycopy(message, 0, out, head.length + 1 + BOM.length, message.length);
        return out;
    }

    /** HEADER (RFC 5424 section 6.2): {@code <PRI>1 TIMESTAMP HOSTNAME keyhaven - MSGID}; MSGID is the operation. */
    static String header(String hostname, AuditEntry entry) {
        return "<" + pri(entry.outcome()) + ">1 "
                + (entry.occurredAt() == null ? NIL : TIMESTAMP.format(entry.occurredAt())) + " "
                + hostname + " " + APP_NAME + " " + NIL + " " + headerField(entry.operation(), MAX_MSGID);
    }

    static int pri(Outcome outcome) {
        return FACILITY_AUTHPRIV * 8 + severity(outcome);
    }

    /** Informational for a success, warning for a denial, error for a failure (or an unknown outcome). */
    static int severity(Outcome outcome) {
        if (outcome == Outcome.SUCCESS) {
            return 6;
        }
        return outcome == Outcome.DENIED ? 4 : 3;
    }

    static String structuredData(AuditEntry entry) {
        StringBuilder sd = new StringBuilder("[").append(SD_ID);
        param(sd, "seq", entry.seq());
        param(sd, "actor", entry.actor());
        param(sd, "actorType", entry.actorType());
        param(sd, "client", entry.clientAddress());
        param(sd, "port", entry.port());
        param(sd, "operation", entry.operation());
        param(sd, "object", entry.objectId());
        param(sd, "version", entry.objectVersion());
        param(sd, "outcome", entry.outcome());
        param(sd, "reason", entry.reason());
        param(sd, "mac", entry.mac() == null ? null : Base64.getEncoder().encodeToString(entry.mac()));
        return sd.append(']').toString();
    }

    private static void param(StringBuilder sd, String name, Object value) {
        if (value != null) {
            sd.append(' ').append(name).append("=\"").append(escapeParamValue(String.valueOf(value))).append('"');
        }
    }

    /** PARAM-VALUE (RFC 5424 section 6.3.3): {@code "}, {@code \} and {@code ]} escaped with a backslash. */
    static String escapeParamValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : sanitize(value).toCharArray()) {
            if (c == '"' || c == '\\' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Control characters (line breaks above all) become {@code ?}. */
    static String sanitize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    /** A header field: printable US-ASCII without spaces, at most {@code max} long; otherwise the NILVALUE. */
    static String headerField(String value, int max) {
        if (value == null || value.isEmpty()) {
            return NIL;
        }
        String cut = value.length() > max ? value.substring(0, max) : value;
        return cut.chars().allMatch(c -> c >= 33 && c <= 126) ? cut : NIL;
    }

    /** At most {@code max} bytes, never ending inside a UTF-8 sequence. */
    static byte[] truncateUtf8(byte[] bytes, int max) {
        if (bytes.length <= max) {
            return bytes;
        }
        int cut = max;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return Arrays.copyOf(bytes, cut);
    }
}
