package org.keyhaven.monitor.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.testing.Refusals.withCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** What a security administrator may configure as a syslog destination, and what is refused. */
class DestinationSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"siem.example.com", "localhost", "SIEM-01.corp.example", "10.1.2.3", "255.255.255.255",
        "::1", "fe80::1", "2001:db8::10", "::ffff:192.0.2.1", "x"})
    void dnsNamesAndIpAddressesAreHosts(String host) {
        assertThat(DestinationSpec.of("siem", "TCP", host, null, null, null).host()).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://siem.example", "siem.example:514", "siem example", "-siem.example",
        "siem-.example", "siem..example", ".siem.example", "siem.example.", "[::1]", "fe80::1%eth0", "10.0.0.256",
        "999.1.1.1", "1.2.3", "sie_m.example", "süd.example", "gggg::1", "a/b", ""})
    void urlsPortsAndMalformedNamesAreRefused(String host) {
        assertThatThrownBy(() -> DestinationSpec.of("siem", "UDP", host, null, null, null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aHostLongerThan253CharactersIsRefused() {
        String host = ("a".repeat(63) + ".").repeat(4) + "b";

        assertThatThrownBy(() -> DestinationSpec.of("siem", "UDP", host, null, null, null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void thePortDefaultsTo514And6514ForTls() {
        assertThat(DestinationSpec.of("a", "udp", "h", null, null, null).port()).isEqualTo(514);
        assertThat(DestinationSpec.of("a", "Tcp", "h", null, null, null).port()).isEqualTo(514);
        assertThat(DestinationSpec.of("a", "TLS", "h", null, null, TlsFixtures.shared().caPem()).port())
                .isEqualTo(6514);
        assertThat(DestinationSpec.of("a", "TCP", "h", 10514, null, null).port()).isEqualTo(10514);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, 100000})
    void portsOutsideOneTo65535AreRefused(int port) {
        assertThatThrownBy(() -> DestinationSpec.of("a", "TCP", "h", port, null, null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SCTP", "RELP", "tls1.3"})
    void onlyUdpTcpAndTlsAreTransports(String transport) {
        assertThatThrownBy(() -> DestinationSpec.of("a", transport, "h", null, null, null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void theFormatIsRfc5424UnlessCefIsAskedFor() {
        assertThat(DestinationSpec.of("a", "UDP", "h", null, null, null).format()).isEqualTo(SyslogFormat.RFC5424);
        assertThat(DestinationSpec.of("a", "UDP", "h", null, "cef", null).format()).isEqualTo(SyslogFormat.CEF);
        assertThatThrownBy(() -> DestinationSpec.of("a", "UDP", "h", null, "LEEF", null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void tlsNeedsCaCertificatesAndOtherTransportsTakeNone() {
        assertThatThrownBy(() -> DestinationSpec.of("a", "TLS", "h", null, null, null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("caPem");
        assertThatThrownBy(() -> DestinationSpec.of("a", "TCP", "h", null, null, TlsFixtures.shared().caPem()))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("TLS");
        assertThatThrownBy(() -> DestinationSpec.of("a", "TLS", "h", null, null, "not a certificate"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_CERTIFICATE));
        assertThat(DestinationSpec.of("a", "TLS", "h", null, null, TlsFixtures.shared().caPem()).caPem())
                .startsWith("-----BEGIN CERTIFICATE-----");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " siem", "siem ", "siem\nlog", "s\u00efem"})
    void namesAreOneTo64PrintableCharacters(String name) {
        assertThatThrownBy(() -> DestinationSpec.of(name, "UDP", "h", null, null, null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aNameOf64CharactersIsAcceptedAndOf65Refused() {
        assertThat(DestinationSpec.of("n".repeat(64), "UDP", "h", null, null, null).name()).hasSize(64);
        assertThatThrownBy(() -> DestinationSpec.of("n".repeat(65), "UDP", "h", null, null, null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void theAddressNamesTransportHostAndPortAndToStringLeavesOutTheCertificates() {
        DestinationSpec tls = DestinationSpec.of("siem", "TLS", "2001:db8::10", null, null,
                TlsFixtures.shared().caPem());

        assertThat(tls.address()).isEqualTo("tls://[2001:db8::10]:6514");
        assertThat(tls.toString()).doesNotContain("BEGIN");
    }
}
