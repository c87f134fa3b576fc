package org.keyhaven.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** A response of the Keyhaven API: status, headers and the body as text and parsed JSON. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    public JsonValue json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    public JsonObject object() {
        return json().asJsonObject();
    }

    public JsonArray array() {
        return json().asJsonArray();
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    /** The problem type's last segment, e.g. {@code invalid-key-length}, of a problem+json body. */
    public String problemType() {
        String type = object().getString("type");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    public String string(String field) {
        return object().getString(field);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
