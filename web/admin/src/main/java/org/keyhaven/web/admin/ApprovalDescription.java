package org.keyhaven.web.admin;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.keyhaven.approval.ApprovalKind;

/**
 * What an approval request will do, in words an approver can check before approving: one sentence naming the
 * operation and its object, and every recorded parameter as a labelled line (nested values flattened, long PEM
 * texts shortened). Built only from what the request itself recorded, which is exactly what approval will execute.
 */
public final class ApprovalDescription {

    private static final int MAX_VALUE = 160;

    /** One parameter of the request: a dotted name and its value as text. */
    public record Detail(String name, String value) {
    }

    private ApprovalDescription() {
    }

    public static String summary(ApprovalKind kind, String objectId, JsonObject parameters) {
        JsonObject p = parameters == null ? JsonValue.EMPTY_JSON_OBJECT : parameters;
        String object = objectId == null ? "" : " " + objectId;
        return switch (kind) {
            case KEY_CREATE -> createKey(p);
            case KEY_ACTIVATE -> "Activate key" + object;
            case KEY_ROTATE -> "Rotate key" + object + " (add a new version)";
            case KEY_DEACTIVATE -> "Deactivate key" + object;
            case KEY_REVOKE -> "Revoke key" + object + " with reason " + text(p, "reason");
            case KEY_DESTROY -> "Destroy key" + object + " (its material is erased; this cannot be undone)";
            case KEY_POLICY -> "Change the policy or attributes of key" + object;
            case CLIENT_CREATE -> "Create application '" + text(p, "name") + "' and issue its certificate";
            case CLIENT_CERTIFICATE_ISSUE -> "Issue a new certificate to application" + object;
            case CLIENT_CERTIFICATE_REVOKE -> "Revoke certificate " + text(p, "fingerprint") + " of application"
                    + object;
            case CLIENT_STATUS -> (p.getBoolean("enabled", false) ? "Enable" : "Disable") + " application" + object;
            case CLIENT_GRANTS -> "Replace the grants of application" + object + " with " + grants(p);
            case MASTER_KEY_ROTATE -> "Rotate the master key (re-wrap every key's material)";
            case SEAL_REKEY -> "Hand out new custodian shares (" + text(p, "threshold") + " of " + text(p, "shares")
                    + "); the current shares stop working";
            case APPROVAL_POLICY -> "Change the dual-control policy";
        };
    }

    /** Every parameter, flattened: {@code key.name}, {@code key.usage} and so on. */
    public static List<Detail> details(JsonObject parameters) {
        List<Detail> details = new ArrayList<>();
        if (parameters != null) {
            flatten("", parameters, details);
        }
        return details;
    }

    private static String createKey(JsonObject p) {
        JsonObject key = p.get("key") instanceof JsonObject k ? k : JsonValue.EMPTY_JSON_OBJECT;
        String size = key.containsKey("curve") ? text(key, "curve") : text(key, "length") + " bits";
        return "Create key '" + text(key, "name") + "' (" + text(key, "algorithm") + ", " + size + ", "
                + (key.getBoolean("exportable", false) ? "exportable" : "not exportable") + ")"
                + (p.getBoolean("activate", false) ? " and activate it" : "");
    }

    private static String grants(JsonObject p) {
        JsonArray grants = p.get("grants") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        if (grants.isEmpty()) {
            return "no grants (the application loses all access)";
        }
        return grants.size() + (grants.size() == 1 ? " grant" : " grants") + " (listed below)";
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return "?";
        }
        return shorten(value instanceof JsonString s ? s.getString() : value.toString());
    }

    private static void flatten(String prefix, JsonValue value, List<Detail> into) {
        if (value instanceof JsonObject object) {
            object.forEach((name, child) -> flatten(prefix.isEmpty() ? name : prefix + "." + name, child, into));
        } else if (value instanceof JsonArray array && !array.isEmpty() && array.get(0) instanceof JsonObject) {
            for (int i = 0; i < array.size(); i++) {
                flatten(prefix + "[" + (i + 1) + "]", array.get(i), into);
            }
        } else if (value instanceof JsonArray array) {
            List<String> items = new ArrayList<>();
            array.forEach(item -> items.add(item instanceof JsonString s ? s.getString() : item.toString()));
            into.add(new Detail(prefix, shorten(String.join(", ", items))));
        } else {
            into.add(new Detail(prefix, shorten(value instanceof JsonString s ? s.getString() : value.toString())));
        }
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_VALUE ? oneLine
                : oneLine.substring(0, MAX_VALUE) + "... (" + oneLine.length() + " characters)";
    }
}
