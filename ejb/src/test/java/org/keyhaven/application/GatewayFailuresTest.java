package org.keyhaven.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.jca.api.KeyManagerException.Reason;

/** How Keyhaven's failures reach a caller of the in-server gateway: reason by error code, safe messages. */
class GatewayFailuresTest {

    /** The codes with a reason of their own; every other client error is an invalid request. */
    private static final Set<ErrorCode> NAMED = EnumSet.of(ErrorCode.NOT_GRANTED, ErrorCode.FORBIDDEN,
            ErrorCode.KEY_NOT_FOUND, ErrorCode.NOT_FOUND, ErrorCode.KEY_NOT_USABLE, ErrorCode.KEY_NOT_EXPORTABLE,
            ErrorCode.INVALID_STATE_TRANSITION, ErrorCode.SEALED, ErrorCode.SERVER_BUSY, ErrorCode.RATE_LIMITED,
            ErrorCode.UNKNOWN_CLIENT, ErrorCode.CLIENT_REVOKED, ErrorCode.UNAUTHORIZED, ErrorCode.ACCOUNT_LOCKED);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "NOT_GRANTED, NOT_GRANTED",
        "FORBIDDEN, NOT_GRANTED",
        "KEY_NOT_FOUND, NOT_FOUND",
        "NOT_FOUND, NOT_FOUND",
        "KEY_NOT_USABLE, KEY_NOT_USABLE",
        "KEY_NOT_EXPORTABLE, KEY_NOT_USABLE",
        "INVALID_STATE_TRANSITION, KEY_NOT_USABLE",
        "SEALED, UNAVAILABLE",
        "SERVER_BUSY, UNAVAILABLE",
        "RATE_LIMITED, UNAVAILABLE",
        "UNKNOWN_CLIENT, AUTHENTICATION",
        "CLIENT_REVOKED, AUTHENTICATION",
        "UNAUTHORIZED, AUTHENTICATION",
        "ACCOUNT_LOCKED, AUTHENTICATION",
        "INVALID_CIPHERTEXT, INVALID_REQUEST",
        "INVALID_REQUEST, INVALID_REQUEST",
        "PAYLOAD_TOO_LARGE, INVALID_REQUEST",
        "UNKNOWN_ALGORITHM, INVALID_REQUEST",
        "CONCURRENT_MODIFICATION, INVALID_REQUEST",
        "INTEGRITY_VIOLATION, UNAVAILABLE",
        "INTERNAL, UNAVAILABLE"
    })
    void codesMapToTheirReasons(ErrorCode code, Reason reason) {
        assertThat(GatewayFailures.reasonFor(code)).isEqualTo(reason);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyOtherClientErrorIsAnInvalidRequestAndEveryServerErrorUnavailable(ErrorCode code) {
        if (!NAMED.contains(code)) {
            assertThat(GatewayFailures.reasonFor(code)).isEqualTo(code.httpStatus() < 500 ? Reason.INVALID_REQUEST
                    : Reason.UNAVAILABLE);
        }
    }

    @Test
    void aRefusalKeepsKeyhavensMessageAndSaysWhetherItWasAudited() {
        KeyhavenException refusal = new KeyhavenException(ErrorCode.NOT_GRANTED,
                "the client is not granted decrypt on key 'payments'", "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f");

        GatewayFailures.Failure unaudited = GatewayFailures.of(refusal);
        refusal.markAudited();
        GatewayFailures.Failure audited = GatewayFailures.of(refusal);

        assertThat(unaudited.exception().reason()).isEqualTo(Reason.NOT_GRANTED);
        assertThat(unaudited.exception()).hasMessage("the client is not granted decrypt on key 'payments'");
        assertThat(unaudited.code()).isEqualTo(ErrorCode.NOT_GRANTED);
        assertThat(unaudited.objectId()).isEqualTo("6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f");
        assertThat(unaudited.audited()).isFalse();
        assertThat(unaudited.internal()).isFalse();
        assertThat(audited.audited()).isTrue();
    }

    @Test
    void aRefusalWrappedByTheContainerIsFoundInTheCauses() {
        KeyhavenException sealed = new KeyhavenException(ErrorCode.SEALED, "Keyhaven is sealed");

        GatewayFailures.Failure failure = GatewayFailures.of(new EJBException(new IllegalStateException(sealed)));

        assertThat(failure.exception().reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.exception()).hasMessage("Keyhaven is sealed");
        assertThat(failure.internal()).isFalse();
    }

    @Test
    void theContainersRoleRefusalIsNotGranted() {
        GatewayFailures.Failure failure = GatewayFailures.of(new EJBAccessException("WFLYEJB0364: Invocation on"
                + " method ... is not allowed"));

        assertThat(failure.exception().reason()).isEqualTo(Reason.NOT_GRANTED);
        assertThat(failure.exception().getMessage()).doesNotContain("WFLYEJB");
        assertThat(failure.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(failure.audited()).isFalse();
    }

    @Test
    void anUnexpectedFailureIsUnavailableWithAnIncidentAndNoDetails() {
        GatewayFailures.Failure failure = GatewayFailures.of(new EJBException(
                new IllegalStateException("connection to db.internal:5432 refused")));

        assertThat(failure.exception().reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.internal()).isTrue();
        assertThat(failure.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(failure.exception().getMessage()).contains("incident " + failure.incident())
                .doesNotContain("db.internal");
        assertThat(failure.audited()).isFalse();
    }

    @Test
    void aKeyhavenServerErrorIsReportedWithoutItsMessage() {
        KeyhavenException tampered = new KeyhavenException(ErrorCode.INTEGRITY_VIOLATION,
                "key 6f1c2a8e failed its integrity check and is refused", "6f1c2a8e");

        GatewayFailures.Failure failure = GatewayFailures.of(tampered);

        assertThat(failure.exception().reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(failure.internal()).isTrue();
        assertThat(failure.code()).isEqualTo(ErrorCode.INTEGRITY_VIOLATION);
        assertThat(failure.objectId()).isEqualTo("6f1c2a8e");
        assertThat(failure.exception().getMessage()).doesNotContain("integrity");
    }

    @Test
    void everyFailureGetsItsOwnIncident() {
        RuntimeException bug = new NullPointerException();

        assertThat(GatewayFailures.of(bug).incident()).isNotEqualTo(GatewayFailures.of(bug).incident());
    }

    @Test
    void anUnknownSessionIsAClosedConnection() {
        assertThat(GatewayFailures.sessionClosed().reason()).isEqualTo(Reason.CONNECTION);
        assertThat(GatewayFailures.sessionClosed()).hasMessage("session closed");
    }
}
