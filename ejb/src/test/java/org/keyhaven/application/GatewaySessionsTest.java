package org.keyhaven.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keyhaven.testing.JdkKeyPairs;
import org.keyhaven.testing.ManualClock;

/** Sessions of the in-server gateway: random handles, idle expiry, a bound, and nothing for unknown handles. */
class GatewaySessionsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final X509Certificate CERTIFICATE = SelfSignedCertificates.of(JdkKeyPairs.ec("secp256r1"));
    private static final GatewaySessions.Session ORDERS = new GatewaySessions.Session("id-orders",
            List.of(CERTIFICATE));
    private static final GatewaySessions.Session BILLING = new GatewaySessions.Session("id-billing",
            List.of(CERTIFICATE));

    private final ManualClock clock = new ManualClock(T0);
    private final GatewaySessions sessions = new GatewaySessions(clock, GatewaySessions.IDLE_TIMEOUT, 2);

    @Test
    void theDefaultsAreHalfAnHourIdleAndTenThousandSessions() {
        assertThat(GatewaySessions.IDLE_TIMEOUT).isEqualTo(Duration.ofMinutes(30));
        assertThat(GatewaySessions.MAX_SESSIONS).isEqualTo(10_000);
    }

    @Test
    void anOpenedSessionIsFoundByItsHandle() {
        String handle = sessions.open(ORDERS);

        assertThat(sessions.use(handle)).contains(ORDERS);
        assertThat(sessions.use(handle).orElseThrow().certificates()).containsExactly(CERTIFICATE);
    }

    @Test
    void aHandleIsThirtyTwoRandomBytesInBase64Url() {
        String first = sessions.open(ORDERS);
        String second = sessions.open(ORDERS);

        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(second).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(first);
    }

    @Test
    void anUnknownHandleFindsNothing() {
        String handle = sessions.open(ORDERS);

        assertThat(sessions.use(null)).isEmpty();
        assertThat(sessions.use("")).isEmpty();
        assertThat(sessions.use(handle.substring(1))).isEmpty();
    }

    @Test
    void aClosedSessionIsGoneAndClosingAnUnknownOneIsIgnored() {
        String handle = sessions.open(ORDERS);

        sessions.close(handle);
        sessions.close(handle);
        sessions.close("no-such-session");
        sessions.close(null);

        assertThat(sessions.use(handle)).isEmpty();
    }

    @Test
    void aSessionEndsAfterHalfAnHourWithoutUse() {
        String handle = sessions.open(ORDERS);

        clock.advance(Duration.ofMinutes(30));

        assertThat(sessions.use(handle)).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void everyUseKeepsASessionOpenForAnotherHalfHour() {
        String handle = sessions.open(ORDERS);

        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(sessions.use(handle)).contains(ORDERS);
        }
    }

    @Test
    void beyondTheBoundTheLeastRecentlyUsedSessionEnds() {
        String orders = sessions.open(ORDERS);
        String billing = sessions.open(BILLING);
        clock.advance(Duration.ofMinutes(1));
        sessions.use(orders);

        String third = sessions.open(ORDERS);

        assertThat(sessions.size()).isEqualTo(2);
        assertThat(sessions.use(billing)).isEmpty();
        assertThat(sessions.use(orders)).contains(ORDERS);
        assertThat(sessions.use(third)).contains(ORDERS);
    }

    @Test
    void idleSessionsAreForgottenWhenTheNextOpens() {
        sessions.open(ORDERS);
        sessions.open(BILLING);
        clock.advance(Duration.ofHours(1));

        sessions.open(ORDERS);

        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void aSessionPrintsItsClientOnly() {
        assertThat(ORDERS.toString()).isEqualTo("Session[client id-orders]");
    }
}
