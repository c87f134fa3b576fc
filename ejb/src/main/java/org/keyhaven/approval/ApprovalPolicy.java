package org.keyhaven.approval;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * How many approvals each management operation needs (0 is single control) and how long a request waits for them.
 * Operations the policy does not name need none. Production servers start with {@link #dualControl()}: one approval
 * from another officer for every operation; others with {@link #singleControl()}.
 */
public record ApprovalPolicy(Map<ApprovalKind, Integer> quorum, Duration expiry) {

    public static final int MAX_APPROVALS = 5;
    private static final Duration MIN_EXPIRY = Duration.ofSeconds(1);
    private static final Duration MAX_EXPIRY = Duration.ofDays(30);
    private static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

    public ApprovalPolicy {
        EnumMap<ApprovalKind, Integer> copy = new EnumMap<>(ApprovalKind.class);
        for (ApprovalKind kind : ApprovalKind.values()) {
            copy.put(kind, 0);
        }
        if (quorum != null) {
            quorum.forEach((kind, count) -> {
                if (kind == null || count == null || count < 0 || count > MAX_APPROVALS) {
                    throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "each operation needs 0 to "
                            + MAX_APPROVALS + " approvals");
                }
                copy.put(kind, count);
            });
        }
        quorum = Collections.unmodifiableMap(copy);
        if (expiry == null) {
            expiry = DEFAULT_EXPIRY;
        }
        if (expiry.compareTo(MIN_EXPIRY) < 0 || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "requests expire after 1 second to 30 days");
        }
    }

    /** No operation needs approval (the embedded evaluation default). */
    public static ApprovalPolicy singleControl() {
        return new ApprovalPolicy(Map.of(), DEFAULT_EXPIRY);
    }

    /** Every operation needs one approval from another holder of its role (the production default). */
    public static ApprovalPolicy dualControl() {
        Map<ApprovalKind, Integer> all = new EnumMap<>(ApprovalKind.class);
        for (ApprovalKind kind : ApprovalKind.values()) {
            all.put(kind, 1);
        }
        return new ApprovalPolicy(all, DEFAULT_EXPIRY);
    }

    public int required(ApprovalKind kind) {
        return quorum.getOrDefault(kind, 0);
    }

    /** {@code {"expiry":"PT24H","quorum":{"KEY_CREATE":1,...}}}, every operation listed. */
    public JsonObject toJson() {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        for (ApprovalKind kind : ApprovalKind.values()) {
            counts.add(kind.name(), required(kind));
        }
        return Json.createObjectBuilder().add("expiry", expiry.toString()).add("quorum", counts).build();
    }

    public static ApprovalPolicy fromJson(String text) {
        try {
            return fromJson(Json.createReader(new StringReader(text)).readObject());
        } catch (jakarta.json.JsonException | ClassCastException e) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "the dual-control policy is not a JSON object");
        }
    }

    /** Operations the JSON does not name need no approval. */
    public static ApprovalPolicy fromJson(JsonObject json) {
        Map<ApprovalKind, Integer> counts = new EnumMap<>(ApprovalKind.class);
        JsonValue given = json.getOrDefault("quorum", JsonValue.EMPTY_JSON_OBJECT);
        if (given.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "quorum is an object of operations and counts");
        }
        given.asJsonObject().forEach((name, value) -> {
            if (value.getValueType() != JsonValue.ValueType.NUMBER) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "approval counts are numbers");
            }
            try {
                counts.put(ApprovalKind.parse(name), ((jakarta.json.JsonNumber) value).intValueExact());
            } catch (ArithmeticException e) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "approval counts are whole numbers, 0 to "
                        + MAX_APPROVALS);
            }
        });
        Duration expiry;
        try {
            expiry = json.containsKey("expiry") ? Duration.parse(json.getString("expiry")) : null;
        } catch (DateTimeParseException | ClassCastException e) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "expiry is an ISO-8601 duration such as PT24H");
        }
        return new ApprovalPolicy(counts, expiry);
    }
}
