package org.keyhaven.web;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.util.ArrayList;
import java.util.List;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * A request body that is either one item (a JSON object) or a batch (a JSON array of objects), each item checked as
 * strictly as any Keyhaven request body and bound to its record type.
 */
public final class BatchBody {

    private final boolean batch;
    private final JsonValue body;

    private BatchBody(JsonValue body) {
        this.body = body;
        this.batch = body.getValueType() == JsonValue.ValueType.ARRAY;
    }

    public static BatchBody of(JsonValue body) {
        if (body == null || (body.getValueType() != JsonValue.ValueType.OBJECT
                && body.getValueType() != JsonValue.ValueType.ARRAY)) {
            throw new KeyhavenException(ErrorCode.MALFORMED_JSON, "send a JSON object, or a JSON array of objects");
        }
        return new BatchBody(body);
    }

    public boolean isBatch() {
        return batch;
    }

    /** The items bound to {@code type}: one for a single object, all of them for an array. */
    public <T> List<T> items(Jsonb jsonb, Class<T> type) {
        List<JsonValue> values = batch ? body.asJsonArray() : List.of(body);
        List<T> items = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            JsonValue value = values.get(i);
            String where = batch ? "item " + i : "the request body";
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new KeyhavenException(ErrorCode.MALFORMED_JSON, where + " must be a JSON object");
            }
            StrictJsonReader.check(value, type, where);
            try {
                items.add(jsonb.fromJson(value.toString(), type));
            } catch (JsonbException e) {
                throw new KeyhavenException(ErrorCode.MALFORMED_JSON, where + ": " + Failure.of(e).detail());
            }
        }
        return items;
    }
}
