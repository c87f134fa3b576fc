package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Request bodies written as bytes: valid JSON that a JSON parser reads back to the same members. */
class RemoteJsonBodyTest {

    @Test
    void membersAreWrittenAsJsonAndNullsAreLeftOut() {
        byte[] secret = new byte[300];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) i;
        }

        byte[] body = new RemoteJsonBody().text("key", "orders/\"quoted\" \\ \u00e9\u20ac \n\t\u0001\u2028")
                .bytes("plaintext", secret).bytes("aad", null).text("algorithm", null).number("length", -256)
                .flag("includePlaintext", true).flag("other", false).finish();

        JsonObject json = Json.createReader(new ByteArrayInputStream(body)).readObject();
        assertThat(json.keySet()).containsExactly("key", "plaintext", "length", "includePlaintext", "other");
        assertThat(json.getString("key")).isEqualTo("orders/\"quoted\" \\ \u00e9\u20ac \n\t\u0001\u2028");
        assertThat(Base64.getDecoder().decode(json.getString("plaintext"))).isEqualTo(secret);
        assertThat(json.getInt("length")).isEqualTo(-256);
        assertThat(json.getBoolean("includePlaintext")).isTrue();
        assertThat(json.getBoolean("other")).isFalse();
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        assertThat(new String(new RemoteJsonBody().finish(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(new String(new RemoteJsonBody().text("a", null).number("n", 7).finish(), StandardCharsets.UTF_8))
                .isEqualTo("{\"n\":7}");
    }

    @Test
    void aFinishedBodyTakesNothingMore() {
        RemoteJsonBody body = new RemoteJsonBody().number("n", 1);
        body.finish();

        assertThatThrownBy(body::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> body.number("m", 2)).isInstanceOf(IllegalStateException.class);
    }
}
