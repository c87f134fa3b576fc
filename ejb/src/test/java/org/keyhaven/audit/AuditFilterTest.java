package org.keyhaven.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * The audit search criteria: blank text means "any", text is trimmed and bounded, the time range must be
 * non-empty, and an operation ending in a dot is a prefix.
 */
class AuditFilterTest {

    private static final Instant FROM = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant TO = Instant.parse("2024-05-02T10:00:00Z");

    private static AuditFilter textOnly(String actor, String objectId, String operation) {
        return new AuditFilter(null, null, actor, objectId, operation, null);
    }

    private static void assertInvalidRequest(Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void noneHasNoCriteriaAtAll() {
        assertThat(AuditFilter.none()).isEqualTo(new AuditFilter(null, null, null, null, null, null));
        assertThat(AuditFilter.none().operationIsPrefix()).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   ", "\t", " \n\t "})
    void blankOrMissingTextBecomesNull(String blank) {
        AuditFilter filter = textOnly(blank, blank, blank);

        assertThat(filter.actor()).isNull();
        assertThat(filter.objectId()).isNull();
        assertThat(filter.operation()).isNull();
    }

    @Test
    void textIsTrimmed() {
        AuditFilter filter = textOnly("  alice ", "\tkey-42\n", " key.create ");

        assertThat(filter.actor()).isEqualTo("alice");
        assertThat(filter.objectId()).isEqualTo("key-42");
        assertThat(filter.operation()).isEqualTo("key.create");
    }

    @Test
    void innerWhitespaceIsKept() {
        assertThat(textOnly("alice smith", null, null).actor()).isEqualTo("alice smith");
    }

    @Test
    void theOutcomeIsKeptAsGiven() {
        assertThat(new AuditFilter(null, null, null, null, null, Outcome.DENIED).outcome()).isEqualTo(Outcome.DENIED);
    }

    @Test
    void textOfExactly255CharactersIsAccepted() {
        String longest = "a".repeat(255);

        AuditFilter filter = textOnly(longest, longest, longest);

        assertThat(filter.actor()).isEqualTo(longest);
        assertThat(filter.objectId()).isEqualTo(longest);
        assertThat(filter.operation()).isEqualTo(longest);
    }

    @Test
    void theLengthLimitAppliesAfterTrimming() {
        String padded = "  " + "a".repeat(255) + "  ";

        assertThat(textOnly(padded, null, null).actor()).hasSize(255);
    }

    @Test
    void tooLongActorIsRefusedAsInvalidRequest() {
        assertInvalidRequest(() -> textOnly("a".repeat(256), null, null));
    }

    @Test
    void tooLongObjectIdIsRefusedAsInvalidRequest() {
        assertInvalidRequest(() -> textOnly(null, "k".repeat(256), null));
    }

    @Test
    void tooLongOperationIsRefusedAsInvalidRequest() {
        assertInvalidRequest(() -> textOnly(null, null, "key.".repeat(100)));
    }

    @Test
    void aTimeRangeThatEndsAfterItStartsIsAccepted() {
        AuditFilter filter = new AuditFilter(FROM, TO, null, null, null, null);

        assertThat(filter.from()).isEqualTo(FROM);
        assertThat(filter.to()).isEqualTo(TO);
    }

    @Test
    void aRangeOfOneNanosecondIsAccepted() {
        assertThat(new AuditFilter(FROM, FROM.plusNanos(1), null, null, null, null).to()).isAfter(FROM);
    }

    @Test
    void anEmptyTimeRangeIsRefused() {
        assertInvalidRequest(() -> new AuditFilter(FROM, FROM, null, null, null, null));
    }

    @Test
    void aTimeRangeEndingBeforeItStartsIsRefused() {
        assertInvalidRequest(() -> new AuditFilter(TO, FROM, null, null, null, null));
    }

    @Test
    void aTimeRangeOpenOnEitherSideIsAccepted() {
        assertThat(new AuditFilter(FROM, null, null, null, null, null).from()).isEqualTo(FROM);
        assertThat(new AuditFilter(null, TO, null, null, null, null).to()).isEqualTo(TO);
    }

    @Test
    void anOperationEndingInADotIsAPrefix() {
        assertThat(textOnly(null, null, "key.").operationIsPrefix()).isTrue();
    }

    @Test
    void aTrimmedOperationEndingInADotIsAPrefix() {
        assertThat(textOnly(null, null, "  client.  ").operationIsPrefix()).isTrue();
    }

    @Test
    void aFullOperationNameIsNotAPrefix() {
        assertThat(textOnly(null, null, "key.create").operationIsPrefix()).isFalse();
        assertThat(textOnly(null, null, "key").operationIsPrefix()).isFalse();
    }

    @Test
    void aMissingOrBlankOperationIsNotAPrefix() {
        assertThat(textOnly(null, null, null).operationIsPrefix()).isFalse();
        assertThat(textOnly(null, null, "   ").operationIsPrefix()).isFalse();
    }
}
