package org.keyhaven.it.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.Base64;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Keys;

/**
 * The admin accounts the application-access tests act through (created once per test JVM; the tests only read them)
 * and the keys they create, each with a fresh name.
 */
public final class Fixtures {

    private static Account officer;
    private static Account auditor;
    private static Account securityAdmin;

    private Fixtures() {
    }

    public static synchronized Account officer() {
        if (officer == null) {
            ClientIdentities.internalCa();
            officer = Accounts.cryptoOfficer();
        }
        return officer;
    }

    public static synchronized Account auditor() {
        if (auditor == null) {
            ClientIdentities.internalCa();
            auditor = Accounts.auditor();
        }
        return auditor;
    }

    public static synchronized Account securityAdmin() {
        if (securityAdmin == null) {
            ClientIdentities.internalCa();
            securityAdmin = Accounts.securityAdmin();
        }
        return securityAdmin;
    }

    /** An Active key, exportable or not, with a fresh name under the prefix; its metadata. */
    public static JsonObject key(JsonObjectBuilder request, boolean exportable) {
        return Keys.create(officer().api(), request.add("exportable", exportable).add("activate", true));
    }

    public static JsonObject aes(String prefix, boolean exportable) {
        return key(Keys.aes(Keys.uniqueName(prefix)), exportable);
    }

    public static JsonObject rsa(String prefix, boolean exportable, String... usage) {
        JsonObjectBuilder request = Keys.request(Keys.uniqueName(prefix), "RSA").add("length", 2048);
        if (usage.length > 0) {
            request.add("usage", Json.createArrayBuilder(Arrays.asList(usage)));
        }
        return key(request, exportable);
    }

    /** Rotates, deactivates, sets a policy...: {@code POST /api/v1/keys/{id}/{action}}; fails unless 200. */
    public static JsonObject act(String keyId, String action) {
        return Keys.act(officer().api(), keyId, action);
    }

    public static JsonObject minDecryptionVersion(String keyId, int version) {
        ApiResponse response = officer().api().put(Keys.path(keyId, "policy"),
                Json.createObjectBuilder().add("minDecryptionVersion", version).build().toString());
        assertThat(response.status()).as("policy of %s: %s", keyId, response).isEqualTo(200);
        return response.object();
    }

    public static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] bytes(JsonObject object, String field) {
        return Base64.getDecoder().decode(object.getString(field));
    }
}
