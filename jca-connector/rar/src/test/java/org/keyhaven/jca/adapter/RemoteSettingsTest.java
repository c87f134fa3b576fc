package org.keyhaven.jca.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The remote settings: the server list grammar, each way it can be wrong, and the numeric limits. */
class RemoteSettingsTest {

    private static final String CA = "/etc/keyhaven/ca.pem";

    @Test
    void serversAreKeptInTheirOrderWithBothPorts() {
        RemoteSettings settings = RemoteSettings.of(" 10.0.0.5:6000:6003, kh2.example.org:7000:7003 ,[fd00::6]:1:65535",
                CA, 2000, 10000, 3, 30);

        assertThat(settings.servers()).containsExactly(
                new RemoteSettings.Server("10.0.0.5", 6000, 6003),
                new RemoteSettings.Server("kh2.example.org", 7000, 7003),
                new RemoteSettings.Server("fd00::6", 1, 65535));
        assertThat(settings.retrievalEndpoints()).extracting(RemoteEndpoint::authority)
                .containsExactly("10.0.0.5:6000", "kh2.example.org:7000", "[fd00::6]:1");
        assertThat(settings.encryptionEndpoints()).extracting(RemoteEndpoint::authority)
                .containsExactly("10.0.0.5:6003", "kh2.example.org:7003", "[fd00::6]:65535");
        assertThat(settings.encryptionEndpoints().get(2).uri("/api/v1/crypto/random").toString())
                .isEqualTo("https://[fd00::6]:65535/api/v1/crypto/random");
    }

    @Test
    void timeoutsAndBreakerLimitsAreKept() {
        RemoteSettings settings = RemoteSettings.of("localhost:6000:6003", " " + CA + " ", 1500, 8000, 4, 45);

        assertThat(settings.serverCaFile()).isEqualTo(CA);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofMillis(8000));
        assertThat(settings.breakerFailures()).isEqualTo(4);
        assertThat(settings.breakerOpen()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void theDefaultsAreThoseOfTheDesign() {
        assertThat(List.of(RemoteSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS, RemoteSettings.DEFAULT_REQUEST_TIMEOUT_MILLIS,
                RemoteSettings.DEFAULT_BREAKER_FAILURES, RemoteSettings.DEFAULT_BREAKER_OPEN_SECONDS))
                .containsExactly(2000, 10000, 3, 30);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"                            | the list of Keyhaven servers is empty",
        "\"   \"                           | the list of Keyhaven servers is empty",
        "10.0.0.5:6000:6003,               | servers entry 2 is empty",
        ",10.0.0.5:6000:6003               | servers entry 1 is empty",
        "10.0.0.5                          | servers entry 1 '10.0.0.5': expected host:retrievalPort:encryptionPort",
        "10.0.0.5:6000             | servers entry 1 '10.0.0.5:6000': expected host:retrievalPort:encryptionPort",
        "10.0.0.5:6000:6003:6004           | expected host:retrievalPort:encryptionPort (an IPv6 address goes in",
        ":6000:6003                        | servers entry 1 ':6000:6003': bad host: the host is empty",
        "10.0.0.256:6000:6003              | bad host '10.0.0.256' (not an IPv4 address)",
        "10.0.5:6000:6003                  | bad host '10.0.5' (not an IPv4 address)",
        "010.0.0.5:6000:6003               | bad host '010.0.0.5' (not an IPv4 address)",
        "kh_1.example:6000:6003            | bad host 'kh_1.example' (a host name has labels",
        "-kh.example:6000:6003             | bad host '-kh.example'",
        "kh..example:6000:6003             | bad host 'kh..example'",
        "kh.example.:6000:6003             | bad host 'kh.example.'",
        "https://kh:6000:6003              | expected host:retrievalPort:encryptionPort, not a URL",
        "fd00::6:6000:6003                 | (an IPv6 address goes in brackets)",
        "[fd00::6:6000:6003                | expected [ipv6]:retrievalPort:encryptionPort",
        "[fd00::6]6000:6003                | expected [ipv6]:retrievalPort:encryptionPort",
        "[fd00:::6]:6000:6003              | bad host 'fd00:::6' (not an IPv6 address)",
        "[kh.example]:6000:6003            | bad host 'kh.example' (not an IPv6 address)",
        "[1:2:3:4:5:6:7:8:9]:6000:6003     | (not an IPv6 address)",
        "10.0.0.5:0:6003           | servers entry 1 '10.0.0.5:0:6003': retrieval port 0 is out of range 1-65535",
        "10.0.0.5:6000:65536               | encryption port 65536 is out of range 1-65535",
        "10.0.0.5:6000:99999               | encryption port 99999 is out of range 1-65535",
        "10.0.0.5:6000:123456              | encryption port '123456' is not a number",
        "10.0.0.5:-1:6003                  | retrieval port '-1' is not a number",
        "10.0.0.5:+6000:6003               | retrieval port '+6000' is not a number",
        "10.0.0.5::6003                    | retrieval port '' is not a number",
        "10.0.0.5:http:6003                | retrieval port 'http' is not a number",
        "a:1:2,b:1:2,A:1:2                 | servers entry 3 'A:1:2' is listed twice",
    })
    void aBadServerListIsRefusedWithWhatIsWrong(String servers, String message) {
        assertThatThrownBy(() -> RemoteSettings.of(servers, CA, 2000, 10000, 3, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({
        "localhost, localhost",
        "KH-1.Example.ORG, KH-1.Example.ORG",
        "255.255.255.255, 255.255.255.255",
        "0.0.0.0, 0.0.0.0",
        "[::1], ::1",
        "[::], ::",
        "[::ffff:10.0.0.5], ::ffff:10.0.0.5",
        "[1:2:3:4:5:6:7:8], 1:2:3:4:5:6:7:8",
        "[1:2:3:4:5:6:7::], 1:2:3:4:5:6:7::",
        "123.example, 123.example",
    })
    void validHostsAreAccepted(String host, String kept) {
        assertThat(RemoteSettings.parseServers(host + ":6000:6003")).extracting(RemoteSettings.Server::host)
                .containsExactly(kept);
    }

    @Test
    void aHostNameLabelLongerThan63CharactersIsRefused() {
        String label = "k".repeat(64);

        assertThatThrownBy(() -> RemoteSettings.parseServers(label + ".example:6000:6003"))
                .hasMessageContaining("bad host");
        assertThat(RemoteSettings.parseServers("k".repeat(63) + ".example:6000:6003")).hasSize(1);
    }

    @Test
    void anOverlongEntryIsShownCut() {
        String host = "k".repeat(200);

        assertThatThrownBy(() -> RemoteSettings.parseServers(host))
                .hasMessage("servers entry 1 '" + "k".repeat(80) + "...': expected host:retrievalPort:encryptionPort");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"    | 2000 | 10000 |  3 | 30 | serverCaFile: the PEM file of Keyhaven's CA certificate is required",
        "/ca.pem |    0 | 10000 |  3 | 30 | connectTimeoutMillis: must be at least 1, got 0",
        "/ca.pem | 2000 |    -5 |  3 | 30 | requestTimeoutMillis: must be at least 1, got -5",
        "/ca.pem | 2000 | 10000 | -1 | 30 | breakerFailures: must be 0 (no circuit breaker) or more, got -1",
        "/ca.pem | 2000 | 10000 |  3 | -1 | breakerOpenSeconds: must be 0 (no circuit breaker) or more, got -1",
    })
    void badNumbersAndAMissingCaFileAreRefused(String ca, int connect, int request, int failures, int open,
            String message) {
        assertThatThrownBy(() -> RemoteSettings.of("localhost:6000:6003", ca, connect, request, failures, open))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void aNullCaFileIsRefused() {
        assertThatThrownBy(() -> RemoteSettings.of("localhost:6000:6003", null, 2000, 10000, 3, 30))
                .hasMessageStartingWith("serverCaFile:");
    }

    @Test
    void zeroTurnsTheBreakerOff() {
        assertThat(RemoteSettings.of("localhost:6000:6003", CA, 2000, 10000, 0, 0).breakerFailures()).isZero();
    }
}
