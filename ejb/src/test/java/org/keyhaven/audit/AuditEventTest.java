package org.keyhaven.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.common.ErrorCode;

class AuditEventTest {

    @Test
    void anEventWithoutDetailsHasNoDetailsText() {
        assertThat(AuditEvent.of("key.read").detailsText()).isNull();
    }

    @Test
    void nullDetailsAreLeftOut() {
        assertThat(AuditEvent.of("key.read").detail("version", null).detailsText()).isNull();
        assertThat(AuditEvent.of("key.read").detail("a", null).detail("b", 2).detailsText()).isEqualTo("b=2");
    }

    @Test
    void detailsAreNameValuePairsInTheOrderGiven() {
        AuditEvent event = AuditEvent.of("key.create").detail("name", "payments").detail("algorithm", "AES-256")
                .detail("exportable", false).detail("usage", EnumSet.of(org.keyhaven.key.KeyUsage.ENCRYPT));

        assertThat(event.detailsText()).isEqualTo("name=payments, algorithm=AES-256, exportable=false, usage=[ENCRYPT]");
    }

    @Test
    void aDetailGivenTwiceKeepsItsPlaceAndTheLastValue() {
        assertThat(AuditEvent.of("x").detail("a", 1).detail("b", 2).detail("a", 3).detailsText())
                .isEqualTo("a=3, b=2");
    }

    @Test
    void valuesAreMadePrintableSoNoLineCanBeForged() {
        String text = AuditEvent.of("user.login").detail("username", "eve\r\n2026-01-01 admin login ok\u001b[0m\u0000é")
                .detailsText();

        assertThat(text).isEqualTo("username=eve??2026-01-01 admin login ok?[0m??").matches("[\\x20-\\x7e]*");
    }

    @Test
    void eachValueIsCutAtTwoHundredCharacters() {
        String text = AuditEvent.of("x").detail("v", "a".repeat(199) + "bTAIL").detailsText();

        assertThat(text).isEqualTo("v=" + "a".repeat(199) + "b...");
    }

    @Test
    void theWholeTextIsBoundedForTheTwoThousandCharacterColumn() {
        AuditEvent event = AuditEvent.of("x");
        for (int i = 0; i < 100; i++) {
            event.detail("detail" + i, "v".repeat(10_000));
        }

        String text = event.detailsText();

        assertThat(text).hasSize(AuditEvent.MAX_DETAILS).startsWith("detail0=vvv").matches("[\\x20-\\x7e]*");
    }

    @Test
    void aHugeHostileValueIsBoundedAndPrintable() {
        String text = AuditEvent.of("x").detail("v", "\u0007".repeat(5_000) + "TAIL-MARKER" + "z".repeat(10_000))
                .detailsText();

        assertThat(text).hasSizeLessThanOrEqualTo(210).doesNotContain("TAIL-MARKER").matches("[\\x20-\\x7e]*");
    }

    @Test
    void anEventSucceedsUnlessToldOtherwise() {
        AuditEvent event = AuditEvent.of("key.create").object("k-1", 2);

        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.reason()).isNull();
        assertThat(event.objectId()).isEqualTo("k-1");
        assertThat(event.objectVersion()).isEqualTo(2);
        assertThat(event.operation()).isEqualTo("key.create");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ErrorCode.class)
    void aFailureIsDeniedForAuthorisationCodesAndFailedOtherwiseWithTheSlugAsReason(ErrorCode code) {
        AuditEvent event = AuditEvent.of("key.destroy").failed(code);

        boolean denied = Set.of(ErrorCode.FORBIDDEN, ErrorCode.PASSWORD_CHANGE_REQUIRED, ErrorCode.NOT_GRANTED,
                ErrorCode.CLIENT_REVOKED, ErrorCode.UNKNOWN_CLIENT, ErrorCode.SELF_APPROVAL).contains(code);
        assertThat(event.outcome()).isEqualTo(denied ? Outcome.DENIED : Outcome.FAILED);
        assertThat(event.reason()).isEqualTo(code.slug());
    }

    @Test
    void toStringNamesOperationOutcomeAndObjectButNoDetails() {
        AuditEvent event = AuditEvent.of("key.export").object("k-1").detail("secret-ish", "SHOULD-NOT-SHOW");

        assertThat(event).hasToString("key.export SUCCESS k-1");
    }
}
