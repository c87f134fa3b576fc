package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;

/** How a Keyhaven error answer becomes the caller's exception: the reason by slug, the message from the detail. */
class RemoteProblemTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "403, not-granted,            NOT_GRANTED",
        "404, key-not-found,          NOT_FOUND",
        "404, not-found,              NOT_FOUND",
        "409, key-not-usable,         KEY_NOT_USABLE",
        "403, key-not-exportable,     KEY_NOT_USABLE",
        "403, unknown-client,         AUTHENTICATION",
        "403, client-revoked,         AUTHENTICATION",
        "401, unauthorized,           AUTHENTICATION",
        "400, invalid-request,        INVALID_REQUEST",
        "400, invalid-ciphertext,     INVALID_REQUEST",
        "400, malformed-json,         INVALID_REQUEST",
        "413, batch-too-large,        INVALID_REQUEST",
        "409, invalid-state-transition, INVALID_REQUEST",
        "429, rate-limited,           INVALID_REQUEST",
        "403, forbidden,              INVALID_REQUEST",
    })
    void theReasonFollowsTheSlug(int status, String slug, Reason reason) {
        KeyManagerException refusal = RemoteProblem.of(status, problem(slug, "the detail")).refusal();

        assertThat(refusal.reason()).isEqualTo(reason);
        assertThat(refusal.getMessage()).isEqualTo("the detail");
    }

    @Test
    void anAnswerThatIsNotAProblemGetsItsReasonFromTheStatus() {
        assertThat(RemoteProblem.of(401, null).refusal().reason()).isEqualTo(Reason.AUTHENTICATION);
        assertThat(RemoteProblem.of(404, null).refusal().reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(RemoteProblem.of(400, Json.createArrayBuilder().build()).refusal().getMessage())
                .isEqualTo("Keyhaven refused the request (HTTP 400)");
    }

    @Test
    void aProblemWithoutDetailIsDescribedByStatusAndSlug() {
        JsonValue problem = Json.createObjectBuilder().add("type", "https://keyhaven.org/problems/not-granted").build();

        KeyManagerException refusal = RemoteProblem.of(403, problem).refusal();

        assertThat(refusal.getMessage()).isEqualTo("Keyhaven refused the request (HTTP 403 not-granted)");
    }

    @Test
    void aTypeThatIsNoSlugIsIgnoredAndTheDetailIsCutToPrintableText() {
        JsonValue problem = Json.createObjectBuilder().add("type", "https://example.org/problems/Not Granted!")
                .add("detail", "line one\nline two " + "x".repeat(500)).build();

        RemoteProblem parsed = RemoteProblem.of(403, problem);

        assertThat(parsed.slug()).isNull();
        assertThat(parsed.reason()).isEqualTo(Reason.INVALID_REQUEST);
        assertThat(parsed.detail()).startsWith("line one line two ").endsWith("...").hasSize(403);
    }

    @Test
    void aServerFailureIsLabelledByStatusAndSlug() {
        assertThat(RemoteProblem.of(503, problem("sealed", "Keyhaven is sealed")).label()).isEqualTo("HTTP 503 sealed");
        assertThat(RemoteProblem.of(502, null).label()).isEqualTo("HTTP 502");
    }

    private static JsonValue problem(String slug, String detail) {
        return Json.createObjectBuilder().add("type", "https://keyhaven.org/problems/" + slug).add("title", "t")
                .add("status", 400).add("detail", detail).build();
    }
}
