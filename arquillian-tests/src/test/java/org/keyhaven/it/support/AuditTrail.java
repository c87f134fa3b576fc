package org.keyhaven.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail as an auditor reads it through {@code GET /api/v1/audit}, page by page in sequence order. Tests
 * take {@link #end()} (or {@link #head(Api)}) before an action and read {@link #after(long)} it afterwards, so they
 * see only the records that the action (and whatever ran at the same time) wrote.
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
        return read(reader, seq, "");
    }

    /** The whole trail, oldest first. */
    public List<JsonObject> all() {
        return after(0);
    }

    /** Every chained record about one object, in chain order. */
    public static List<JsonObject> about(Api auditor, String objectId) {
        return read(auditor, 0, "&object=" + Keys.encode(objectId));
    }

    /** Every chained record after the given sequence number, in chain order. */
    public static List<JsonObject> after(Api auditor, long seq) {
        return read(auditor, seq, "");
    }

    /** The sequence number of the newest chained record (0 for an empty trail). */
    public static long head(Api auditor) {
        List<JsonObject> all = after(auditor, 0);
        return all.isEmpty() ? 0 : seq(all.get(all.size() - 1));
    }

    public static List<String> operations(List<JsonObject> records) {
        return records.stream().map(record -> record.getString("operation")).toList();
    }

    /** The verification result ({@code GET /api/v1/audit/verify}); fails the test unless the answer is 200. */
    public static JsonObject verify(Api auditor) {
        ApiResponse response = auditor.get("/api/v1/audit/verify");
        assertThat(response.status()).as("audit verify: %s", response).isEqualTo(200);
        return response.object();
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

    private static List<JsonObject> read(Api auditor, long after, String filter) {
        List<JsonObject> records = new ArrayList<>();
        long next = after;
        while (true) {
            ApiResponse page = auditor.get("/api/v1/audit?limit=" + PAGE + "&after=" + next + filter);
            assertThat(page.status()).as("reading the audit trail: %s", page).isEqualTo(200);
            List<JsonObject> items = page.object().getJsonArray("items").getValuesAs(JsonValue::asJsonObject);
            if (items.isEmpty()) {
                return records;
            }
            records.addAll(items);
            next = seq(items.get(items.size() - 1));
        }
    }
}
