package org.keyhaven.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Keys through the management API: request bodies built with jakarta.json, creation that insists on 201, and the
 * check that a key response carries metadata only.
 */
public final class Keys {

    public static final String BASE = "/api/v1/keys";

    /** Every field a key's metadata may have (DESIGN.md section 11); anything else could be material. */
    private static final Set<String> METADATA_FIELDS = Set.of("id", "name", "algorithm", "length", "curve", "usage",
            "exportable", "publicKeyOnly", "state", "currentVersion", "minDecryptionVersion", "rotationPeriod",
            "nextRotation", "activationDate", "deactivationDate", "compromiseDate", "destroyDate", "revocationReason",
            "revocationMessage", "createdAt", "createdBy", "updatedAt", "versions", "attributes");
    private static final Set<String> VERSION_FIELDS = Set.of("version", "createdAt", "destroyed", "destroyedAt");
    /** 15 or more bytes in base64, or 16 or more in hex: what raw key bytes, wrapped or not, would look like. */
    private static final Pattern ENCODED_BYTES = Pattern.compile("[A-Za-z0-9+/]{20,}={0,2}|[0-9a-fA-F]{32,}");

    private Keys() {
    }

    /** A name no other test uses: {@code prefix-<uuid>}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A prefix no other test uses, for list and count checks: {@code prefix-<8 hex>-}. */
    public static String uniquePrefix(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    public static String path(String id) {
        return BASE + "/" + id;
    }

    public static String path(String id, String action) {
        return BASE + "/" + id + "/" + action;
    }

    public static JsonObjectBuilder request(String name, String algorithm) {
        return Json.createObjectBuilder().add("name", name).add("algorithm", algorithm);
    }

    public static JsonObjectBuilder aes(String name) {
        return request(name, "AES").add("length", 256);
    }

    /** Creates the key and returns its metadata; fails the test unless the answer is 201. */
    public static JsonObject create(Api officer, JsonObjectBuilder request) {
        JsonObject body = request.build();
        ApiResponse created = officer.post(BASE, body.toString());
        assertThat(created.status()).as("creating %s: %s", body, created).isEqualTo(201);
        return created.object();
    }

    public static JsonObject createAes(Api officer, String name, boolean activate) {
        return create(officer, aes(name).add("activate", activate));
    }

    /** The key's metadata; fails the test unless the answer is 200. */
    public static JsonObject get(Api api, String idOrName) {
        ApiResponse response = api.get(path(idOrName));
        assertThat(response.status()).as("reading key %s: %s", idOrName, response).isEqualTo(200);
        return response.object();
    }

    /** Runs a lifecycle action ({@code activate}, {@code rotate}, ...); fails the test unless the answer is 200. */
    public static JsonObject act(Api officer, String id, String action) {
        ApiResponse response = officer.post(path(id, action));
        assertThat(response.status()).as("%s of key %s: %s", action, id, response).isEqualTo(200);
        return response.object();
    }

    public static String state(Api api, String idOrName) {
        return get(api, idOrName).getString("state");
    }

    /** How many keys have a name starting with the prefix, from the list's {@code total}. */
    public static long count(Api api, String prefix) {
        ApiResponse page = api.get(BASE + "?limit=1&name=" + encode(prefix));
        assertThat(page.status()).as("listing %s: %s", prefix, page).isEqualTo(200);
        return page.object().getJsonNumber("total").longValue();
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Fails unless the key JSON holds metadata only: documented fields, version entries with documented fields, and
     * no value anywhere that looks like encoded key bytes.
     */
    public static void assertNoKeyMaterial(JsonObject key) {
        assertThat(key.keySet()).as("fields of key %s", key).isSubsetOf(METADATA_FIELDS);
        if (key.containsKey("versions")) {
            key.getJsonArray("versions").forEach(version ->
                    assertThat(version.asJsonObject().keySet()).as("fields of a version of %s", key)
                            .isSubsetOf(VERSION_FIELDS));
        }
        assertNoEncodedBytes(key, key);
    }

    private static void assertNoEncodedBytes(JsonValue value, JsonObject key) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().forEach((name, member) -> {
                if (!"id".equals(name) && !"name".equals(name)) {
                    assertNoEncodedBytes(member, key);
                }
            });
            case ARRAY -> value.asJsonArray().forEach(member -> assertNoEncodedBytes(member, key));
            case STRING -> assertThat(ENCODED_BYTES.matcher(((JsonString) value).getString()).find())
                    .as("a value that looks like encoded key bytes in %s", key).isFalse();
            default -> {
            }
        }
    }
}
