package org.keyhaven.monitor.syslog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.Outcome;

/**
 * ArcSight CEF events for audit records, sent as the MSG of an RFC 5424 message with no structured data:
 * <pre>{@code <86>1 2026-03-01T10:15:30.123456Z kh1.example keyhaven - key.create - CEF:0|Keyhaven|Keyhaven|1.0|
 * key.create|key.create|3|rt=1772360130123 cn1=42 cn1Label=seq cs1=q83v...\= cs1Label=mac suser=alice cs2=USER
 * cs2Label=actorType src=10.0.0.5 dpt=6001 act=key.create outcome=SUCCESS cs3=0d3f... cs3Label=object cn2=1
 * cn2Label=objectVersion msg=algorithm\=AES, length\=256}</pre>
 * (one line). Signature ID and name are the operation; severity is 3 for a success, 6 for a denial, 8 for a failure.
 * The record's sequence number and MAC come first, in {@code cn1} and {@code cs1}, so that a long message only ever
 * loses the end of {@code msg} (the details). A client address that is not an IP address (an in-server entry point
 * such as {@code jca}) goes in {@code cs4} ({@code entryPoint}) instead of {@code src}. Header fields escape
 * {@code |} and {@code \}; extension values escape {@code =} and {@code \} and write line breaks as {@code \n}.
 */
public final class CefFormatter implements RecordFormatter {

    static final String VENDOR = "Keyhaven";
    static final String PRODUCT = "Keyhaven";

    private final String hostname;
    private final String productVersion;

    public CefFormatter(String hostname, String productVersion) {
        this.hostname = Rfc5424Formatter.headerField(hostname, 255);
        this.productVersion = productVersion;
    }

    @Override
    public byte[] format(AuditEntry entry, int maxBytes) {
        String operation = entry.operation();
        StringBuilder event = new StringBuilder(Rfc5424Formatter.header(hostname, entry)).append(' ')
                .append(Rfc5424Formatter.NIL).append(" CEF:0|").append(escapeHeader(VENDOR)).append('|')
                .append(escapeHeader(PRODUCT)).append('|').append(escapeHeader(productVersion)).append('|')
                .append(escapeHeader(operation)).append('|').append(escapeHeader(operation)).append('|')
                .append(severity(entry.outcome())).append('|');
        StringBuilder extension = new StringBuilder();
        if (entry.occurredAt() != null) {
            extension(extension, "rt", entry.occurredAt().toEpochMilli());
        }
        labelled(extension, "cn1", entry.seq(), "seq");
        labelled(extension, "cs1", entry.mac() == null ? null : Base64.getEncoder().encodeToString(entry.mac()), "mac");
        extension(extension, "suser", entry.actor());
        labelled(extension, "cs2", entry.actorType(), "actorType");
        String client = entry.clientAddress();
        if (client != null && DestinationSpec.isIpLiteral(client)) {
            extension(extension, "src", client);
        } else {
            labelled(extension, "cs4", client, "entryPoint");
        }
        extension(extension, "dpt", entry.port());
        extension(extension, "act", operation);
        extension(extension, "outcome", entry.outcome());
        extension(extension, "reason", entry.reason());
        labelled(extension, "cs3", entry.objectId(), "object");
        labelled(extension, "cn2", entry.objectVersion(), "objectVersion");
        byte[] fixed = event.append(extension).toString().getBytes(StandardCharsets.UTF_8);
        String details = entry.details();
        int room = maxBytes - fixed.length - " msg=".length();
        if (details == null || details.isEmpty() || room <= 0) {
            return fixed;
        }
        byte[] message = truncateEscaped(escapeValue(details), room);
        byte[] prefix = " msg=".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[fixed.length + prefix.length + message.length];
        System.arraycopy(fixed, 0, out, 0, fixed.length);
        System.arraycopy(prefix, 0, out, fixed.length, prefix.length);
        System.arraycopy(message, 0, out, fixed.length + prefix.length, message.length);
        return out;
    }

    /** CEF severity, 0 to 10. */
    static int severity(Outcome outcome) {
        if (outcome == Outcome.SUCCESS) {
            return 3;
        }
        return outcome == Outcome.DENIED ? 6 : 8;
    }

    private static void labelled(StringBuilder extension, String key, Object value, String label) {
        if (value != null) {
            extension(extension, key, value);
            extension(extension, key + "Label", label);
        }
    }

    private static void extension(StringBuilder extension, String key, Object value) {
        if (value != null) {
            if (extension.length() > 0) {
                extension.append(' ');
            }
            extension.append(key).append('=').append(escapeValue(String.valueOf(value)));
        }
    }

    /** Header fields: {@code \} and {@code |} escaped; line breaks and other control characters become spaces. */
    static String escapeHeader(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == '\\' || c == '|') {
                out.append('\\').appendCodePoint(c);
            } else {
                out.appendCodePoint(Character.isISOControl(c) ? ' ' : c);
            }
        });
        return out.toString();
    }

    /**
     * Extension values: {@code \} and {@code =} escaped, CR and LF written as {@code \r} and {@code \n}, other
     * control characters become {@code ?}.
     */
    static String escapeValue(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c);
            }
        });
        return out.toString();
    }

    /** At most {@code max} bytes of an escaped value, never ending inside an escape or a UTF-8 sequence. */
    static byte[] truncateEscaped(String escaped, int max) {
        byte[] bytes = Rfc5424Formatter.truncateUtf8(escaped.getBytes(StandardCharsets.UTF_8), max);
        int backslashes = 0;
        for (int i = bytes.length - 1; i >= 0 && bytes[i] == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1 ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }
}
