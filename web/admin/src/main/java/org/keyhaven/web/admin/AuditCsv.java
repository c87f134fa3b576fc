package org.keyhaven.web.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keyhaven.audit.AuditEntry;

/**
 * Audit records as CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it holds a comma, quote or
 * line break, quotes doubled). Audit fields carry text that callers chose (usernames, object ids, reasons), so a
 * cell that a spreadsheet would take as a formula (starting with {@code = + - @}, tab or CR) gets a leading single
 * quote: opening the export must never run anything.
 */
public final class AuditCsv {

    public static final List<String> COLUMNS = List.of("seq", "time", "actor", "actorType", "clientAddress", "port",
            "operation", "objectId", "objectVersion", "outcome", "reason", "details", "mac");
    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    private static final String LINE_END = "\r\n";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditCsv() {
    }

    /** {@code keyhaven-audit-20261129T183000Z.csv} */
    public static String fileName(Instant now) {
        return "keyhaven-audit-" + FILE_TIME.format(now) + ".csv";
    }

    public static String header() {
        return line(COLUMNS.stream());
    }

    /** One record as a CSV line, line end included; the MAC in lower-case hex. */
    public static String row(AuditEntry entry) {
        return line(Stream.of(entry.seq(), entry.occurredAt(), entry.actor(), entry.actorType(),
                entry.clientAddress(), entry.port(), entry.operation(), entry.objectId(), entry.objectVersion(),
                entry.outcome(), entry.reason(), entry.details(),
                entry.mac() == null ? null : HexFormat.of().formatHex(entry.mac())));
    }

    private static String line(Stream<?> values) {
        return values.map(value -> cell(value == null ? null : Objects.toString(value)))
                .collect(Collectors.joining(",", "", LINE_END));
    }

    /** One field: null is empty; formula-like text is defused, then quoted if CSV needs it. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
