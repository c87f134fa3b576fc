package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.audit.AuditFilter;
import org.keyhaven.audit.Outcome;

class AuditQueryTest {

    private static AuditQuery parse(Map<String, String> parameters) {
        return AuditQuery.parse(parameters::get);
    }

    @Test
    void noParametersSearchEverythingFromTheNewest() {
        AuditQuery query = parse(Map.of());

        assertThat(query.valid()).isTrue();
        assertThat(query.filter()).isEqualTo(AuditFilter.none());
        assertThat(query.beforeSeq()).isNull();
        assertThat(query.queryString(null)).isEmpty();
    }

    @Test
    void everyCriterionIsCarriedIntoTheFilter() {
        AuditQuery query = parse(Map.of("from", "2026-11-01T10:00:00Z", "to", "2026-11-02T10:00:00Z",
                "actor", " alice ", "object", "key-1", "operation", "key.", "outcome", "denied", "before", "77"));

        assertThat(query.valid()).isTrue();
        assertThat(query.filter().from()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(query.filter().to()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        assertThat(query.filter().actor()).isEqualTo("alice");
        assertThat(query.filter().objectId()).isEqualTo("key-1");
        assertThat(query.filter().operationIsPrefix()).isTrue();
        assertThat(query.filter().outcome()).isEqualTo(Outcome.DENIED);
        assertThat(query.beforeSeq()).isEqualTo(77L);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-29, 2026-11-29T00:00:00Z",
        "2026-11-29T18:30:00Z, 2026-11-29T18:30:00Z",
        "2026-11-29t18:30z, 2026-11-29T18:30:00Z",
        "2026-11-29T18:30:00.250Z, 2026-11-29T18:30:00.250Z",
        "2026-11-29T18:30:00, 2026-11-29T18:30:00Z",
        "2026-11-29 18:30, 2026-11-29T18:30:00Z",
        "2026-11-29T19:30:00+01:00, 2026-11-29T18:30:00Z"
    })
    void fromAcceptsUtcDatesAndDateTimes(String given, String expected) {
        assertThat(parse(Map.of("from", given)).filter().from()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void aDateAloneAsToIncludesThatWholeDay() {
        assertThat(parse(Map.of("to", "2026-11-29")).filter().to()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-11-29T25:00", "29.11.2026",
        "2026-11-29T18:30:00+01:00[Europe/Paris]", "2026-11-29T18:30:00Z0000000000000000000000000000000000000"})
    void aTimeThatIsNotIsoIsRefusedNextToItsField(String given) {
        AuditQuery query = parse(Map.of("from", given));

        assertThat(query.valid()).isFalse();
        assertThat(query.filter()).isNull();
        assertThat(query.errors()).containsOnlyKeys("from");
        assertThat(query.errors().get("from")).doesNotContain(given);
    }

    @Test
    void toMustBeLaterThanFrom() {
        AuditQuery query = parse(Map.of("from", "2026-11-29T10:00:00Z", "to", "2026-11-29T10:00:00Z"));

        assertThat(query.errors()).containsOnlyKeys("to");
    }

    @Test
    void anUnknownOutcomeIsRefused() {
        assertThat(parse(Map.of("outcome", "MAYBE")).errors()).containsOnlyKeys("outcome");
    }

    @Test
    void overlongTextIsRefusedForEachField() {
        String longText = "x".repeat(AuditQuery.MAX_TEXT + 1);
        AuditQuery query = parse(Map.of("actor", longText, "object", longText, "operation", longText));

        assertThat(query.errors()).containsOnlyKeys("actor", "object", "operation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "0", "-5", "99999999999999999999"})
    void aBadPagePositionIsRefused(String given) {
        assertThat(parse(Map.of("before", given)).errors()).containsOnlyKeys("before");
    }

    @Test
    void errorsAreListedInFormOrderAndDescribedInOneLine() {
        AuditQuery query = parse(Map.of("outcome", "no", "from", "no"));

        assertThat(query.errors()).containsKeys("from", "outcome");
        assertThat(query.describeErrors()).startsWith("from: ").contains("; outcome: one of [SUCCESS, DENIED, FAILED]");
    }

    @Test
    void blankParametersCountAsAbsent() {
        AuditQuery query = parse(Map.of("from", " ", "actor", "", "outcome", ""));

        assertThat(query.valid()).isTrue();
        assertThat(query.given("actor")).isNull();
        assertThat(query.queryString(null)).isEmpty();
    }

    @Test
    void theQueryStringCarriesTheGivenFilterEncodedAndThePagePositionOnlyWhenAsked() {
        AuditQuery query = parse(Map.of("actor", "a&b=c d", "operation", "key.", "before", "10"));

        assertThat(query.queryString(null)).isEqualTo("?actor=a%26b%3Dc+d&operation=key.");
        assertThat(query.queryString(42L)).isEqualTo("?actor=a%26b%3Dc+d&operation=key.&before=42");
    }
}
