package org.keyhaven.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.regex.Pattern;

/**
 * What every refusal of the API must look like: RFC 9457 application/problem+json with the stable type, the status
 * repeated in the body, a title and a detail a person can act on, and nothing of the implementation (no stack
 * trace, no Java class, no library or SQL internals).
 */
public final class ProblemAssertions {

    public static final String TYPE_BASE = "https://keyhaven.org/problems/";

    private static final Pattern JAVA_CLASS =
            Pattern.compile("\\b(?:java|javax|jakarta|org|com|io|sun|jdk)\\.[a-z_][a-z0-9_]*\\.[A-Za-z0-9_.$]+");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [A-Za-z0-9_.$/@]+\\(");
    private static final Pattern CLASS_WORD = Pattern.compile("\\b(?:class|interface) [a-z][A-Za-z0-9_]*\\.");
    private static final Pattern INTERNALS =
            Pattern.compile("Exception|SQLState|Hibernate|Yasson|RESTEasy|Undertow|Parsson", Pattern.CASE_INSENSITIVE);

    private ProblemAssertions() {
    }

    public static void assertProblem(ApiResponse response, int status, String type) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        JsonObject problem = response.object();
        assertThat(problem.getString("type", null)).as("problem type of %s", response).isEqualTo(TYPE_BASE + type);
        assertThat(problem.getInt("status", -1)).as("problem status of %s", response).isEqualTo(status);
        assertThat(problem.getString("title", "")).as("problem title of %s", response).isNotBlank();
        assertReadable(problem.getString("detail", ""), response);
        assertNoInternals(response.body());
    }

    /** The detail explains the refusal in words: present, more than a word, not a bare provider message. */
    public static void assertReadable(String detail, ApiResponse response) {
        assertThat(detail).as("problem detail of %s", response).hasSizeGreaterThan(10).doesNotEndWith(": null");
    }

    public static void assertNoInternals(String body) {
        assertThat(body).as("a response body naming a Java class").doesNotContainPattern(JAVA_CLASS);
        assertThat(body).as("a response body naming a Java type").doesNotContainPattern(CLASS_WORD);
        assertThat(body).as("a response body with a stack frame").doesNotContainPattern(STACK_FRAME);
        assertThat(body).as("a response body with implementation internals").doesNotContainPattern(INTERNALS);
    }
}
