package org.keyhaven.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** One item of a batch: a value or that item's own refusal. */
class OutcomeTest {

    @Test
    void aValueSucceedsAndIsReturned() {
        Outcome<String> outcome = Outcome.of("ciphertext");

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.value()).isEqualTo("ciphertext");
        assertThat(outcome.error()).isNull();
        assertThat(outcome.valueOrThrow()).isEqualTo("ciphertext");
    }

    @Test
    void aNullValueIsStillASuccess() {
        Outcome<String> outcome = Outcome.of(null);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.valueOrThrow()).isNull();
    }

    @Test
    void aRefusalCarriesItsExceptionAndRethrowsTheSameOne() {
        KeyhavenException refusal = new KeyhavenException(ErrorCode.NOT_GRANTED, "not granted", "key-1");

        Outcome<String> outcome = Outcome.refused(refusal);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.value()).isNull();
        assertThat(outcome.error()).isSameAs(refusal);
        assertThatThrownBy(outcome::valueOrThrow).isSameAs(refusal);
    }

    @Test
    void anAuditedRefusalStaysMarkedWhenRethrown() {
        KeyhavenException refusal = new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "deactivated");
        refusal.markAudited();

        assertThatThrownBy(Outcome.<String>refused(refusal)::valueOrThrow)
                .isInstanceOfSatisfying(KeyhavenException.class, e -> assertThat(e.isAudited()).isTrue());
    }

    @Test
    void anErrorWinsOverAValue() {
        // as implemented: the canonical constructor accepts both; the error decides
        KeyhavenException refusal = new KeyhavenException(ErrorCode.INTERNAL, "boom");
        Outcome<String> both = new Outcome<>("value", refusal);

        assertThat(both.succeeded()).isFalse();
        assertThatThrownBy(both::valueOrThrow).isSameAs(refusal);
    }
}
