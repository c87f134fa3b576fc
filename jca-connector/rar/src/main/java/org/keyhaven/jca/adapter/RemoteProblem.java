package org.keyhaven.jca.adapter;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;

/**
 * An error answer of a Keyhaven server: the HTTP status and, when the body is an RFC 9457 problem, the slug that ends
 * its {@code type} ({@code https://keyhaven.org/problems/<slug>}) and its {@code detail}. A 4xx is a refusal by a
 * reachable server and becomes a {@link KeyManagerException} whose reason follows the slug and whose message is the
 * problem's detail; anything that is not a problem (a proxy's or container's own error page) still gets a reason,
 * from the status. Text from the server is cut to printable characters and a bounded length before it is shown.
 */
record RemoteProblem(int status, String slug, String detail) {

    private static final int MAX_DETAIL = 400;
    private static final int MAX_SLUG = 40;

    /** Slugs with a reason of their own; other 4xx slugs are INVALID_REQUEST. */
    private static final Map<String, Reason> REASONS = Map.of(
            "not-granted", Reason.NOT_GRANTED,
            "key-not-found", Reason.NOT_FOUND,
            "not-found", Reason.NOT_FOUND,
            "key-not-usable", Reason.KEY_NOT_USABLE,
            "key-not-exportable", Reason.KEY_NOT_USABLE,
            "unknown-client", Reason.AUTHENTICATION,
            "client-revoked", Reason.AUTHENTICATION,
            "unauthorized", Reason.AUTHENTICATION);

    /** The problem in a parsed error body, or only the status when the body is not a JSON object. */
    static RemoteProblem of(int status, JsonValue body) {
        if (body == null || body.getValueType() != JsonValue.ValueType.OBJECT) {
            return new RemoteProblem(status, null, null);
        }
        JsonObject problem = body.asJsonObject();
        return new RemoteProblem(status, slug(string(problem, "type")), printable(string(problem, "detail")));
    }

    Reason reason() {
        Reason reason = slug == null ? null : REASONS.get(slug);
        if (reason != null) {
            return reason;
        }
        return status == 401 ? Reason.AUTHENTICATION : Reason.INVALID_REQUEST;
    }

    /** The refusal a 4xx answer stands for. */
    KeyManagerException refusal() {
        String message = detail != null && !detail.isEmpty() ? detail
                : "Keyhaven refused the request (HTTP " + status + (slug == null ? "" : " " + slug) + ")";
        return new KeyManagerException(reason(), message);
    }

    /** A short label for an answer that is a server failure, e.g. {@code HTTP 503 sealed}. */
    String label() {
        return "HTTP " + status + (slug == null ? "" : " " + slug);
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }

    /** The last path segment of the type URI, if it looks like a slug (lower-case letters, digits, hyphens). */
    private static String slug(String type) {
        if (type == null) {
            return null;
        }
        String slug = type.substring(type.lastIndexOf('/') + 1);
        boolean plain = !slug.isEmpty() && slug.length() <= MAX_SLUG
                && slug.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
        return plain ? slug : null;
    }

    private static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(MAX_DETAIL).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return text.codePointCount(0, text.length()) > MAX_DETAIL ? shown.append("...").toString() : shown.toString();
    }
}
