package org.keyhaven.it.support;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail as an auditor reads it through {@code GET /api/v1/audit}, page by page in sequence order. Tests
 * take {@link #end()} before an action and read {@link #after(long)} it afterwards, so they see only the records
 * that the action (and whatever ran at the same time) wrote.
 */
public final class AuditTrail {

    private static final int PAGE = 1000;

    private final Api reader;
    private long knownEnd;

    public AuditTrail(Account auditor) {
        this.reader = auditor.api();
    }

    /** The sequence number of the newest record (0 for an empty trail). */
    public synchronized long end() {
        List<JsonObject> newer = after(knownEnd);
        if (!newer.isEmpty()) {
            knownEnd = seq(newer.get(newer.size() - 1));
        }
        return knownEnd;
    }

    /** Every record with a sequence number above {@code seq}, oldest first. */
    public List<JsonObject> after(long seq) {
        List<JsonObject> records = new ArrayList<>();
        long cursor = seq;
        while (true) {
            ApiResponse page = reader.get("/api/v1/audit?after=" + cursor + "&limit=" + PAGE);
            if (page.status() != 200) {
                throw new IllegalStateException("cannot read the audit trail: " + page);
            }
            List<JsonObject> items = page.object().getJsonArray("items").getValuesAs(JsonObject.class);
            if (items.isEmpty()) {
                return records;
            }
            records.addAll(items);
            cursor = seq(items.get(items.size() - 1));
        }
    }

    /** The whole trail, oldest first. */
    public List<JsonObject> all() {
        return after(0);
    }

    public static long seq(JsonObject record) {
        return ((JsonNumber) record.get("seq")).longValue();
    }

    /** A text field of a record, or null when the record leaves it out. */
    public static String field(JsonObject record, String name) {
        JsonValue value = record.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null
                : value.getValueType() == JsonValue.ValueType.STRING ? record.getString(name) : value.toString();
    }
}
