package org.keyhaven.monitor.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.monitor.syslog.DeliveryTest.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The senders against JDK servers on loopback: octet-counted framing over TCP, and TLS that trusts only the
 * destination's CA and checks the collector's name (the TLS collector test: rsyslog with gtls is exercised by
 * SyslogIT where the package is installed).
 */
class SendersTest {

    private final Senders senders = new Senders(Duration.ofSeconds(5));

    @Test
    void tcpFramesEachMessageAsItsOctetCountASpaceAndTheBytes() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SyslogSender sender = senders.open(DestinationSpec.of("t", "TCP", "127.0.0.1", server.getLocalPort(),
                    null, null));
            try (Socket accepted = server.accept(); InputStream in = accepted.getInputStream()) {
                sender.send(List.of("hello".getBytes(StandardCharsets.US_ASCII),
                        "zoë 12 ]".getBytes(StandardCharsets.UTF_8)));
                sender.close();

                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("5 hello9 zoë 12 ]");
            }
        }
    }

    @Test
    void aStreamSenderNoticesThatTheCollectorClosedTheConnection() throws Exception {
        try (TestCollector collector = TestCollector.tcp(0)) {
            SyslogSender sender = senders.open(DestinationSpec.of("t", "TCP", "localhost", collector.port(), null,
                    null));
            sender.send(List.of(bytes("one")));
            await(() -> collector.messages().size() == 1);
            assertThat(sender.stillConnected()).isTrue();
            assertThat(sender.stillConnected()).as("a probe that timed out leaves the connection usable").isTrue();
            sender.send(List.of(bytes("two")));
            await(() -> collector.messages().size() == 2);

            collector.close();

            await(() -> !sender.stillConnected());
            sender.close();
        }
    }

    @Test
    void tlsDeliversToACollectorWhoseCertificateChainsToTheConfiguredCaAndNamesTheHost() throws Exception {
        TlsFixtures ca = TlsFixtures.shared();
        try (TestCollector collector = TestCollector.over(ca.server(List.of("localhost"), List.of()))) {
            SyslogSender sender = senders.open(DestinationSpec.of("t", "TLS", "localhost", collector.port(), null,
                    ca.caPem()));
            sender.send(List.of(bytes("<86>1 - - keyhaven - test - over TLS"), bytes("second")));
            await(() -> collector.messages().size() == 2);
            assertThat(collector.messages()).containsExactly("<86>1 - - keyhaven - test - over TLS", "second");
            assertThat(sender.stillConnected()).as("a TLS probe that timed out leaves the connection usable")
                    .isTrue();
            sender.send(List.of(bytes("third")));
            await(() -> collector.messages().size() == 3);

            collector.close();
            await(() -> !sender.stillConnected());
            sender.close();
        }
    }

    @Test
    void anIpAddressHostIsCheckedAgainstTheIpAddressesOfTheCertificate() throws Exception {
        TlsFixtures ca = TlsFixtures.shared();
        try (TestCollector collector = TestCollector.over(ca.server(List.of(), List.of("127.0.0.1")))) {
            SyslogSender sender = senders.open(DestinationSpec.of("t", "TLS", "127.0.0.1", collector.port(), null,
                    ca.caPem()));
            sender.send(List.of(bytes("by address")));
            await(() -> collector.messages().size() == 1);
            sender.close();
        }
    }

    @Test
    void aCollectorWithACertificateFromAnotherCaIsRefused() throws Exception {
        TlsFixtures other = TlsFixtures.newCa("someone else's CA");
        try (TestCollector collector = TestCollector.over(other.server(List.of("localhost"), List.of()))) {
            assertThatThrownBy(() -> senders.open(DestinationSpec.of("t", "TLS", "localhost", collector.port(), null,
                    TlsFixtures.shared().caPem()))).isInstanceOf(SSLHandshakeException.class);
            assertThat(collector.messages()).isEmpty();
        }
    }

    @Test
    void aCollectorWhoseCertificateNamesAnotherHostIsRefused() throws Exception {
        TlsFixtures ca = TlsFixtures.shared();
        try (TestCollector collector = TestCollector.over(ca.server(List.of("syslog.example"), List.of()))) {
            assertThatThrownBy(() -> senders.open(DestinationSpec.of("t", "TLS", "localhost", collector.port(), null,
                    ca.caPem()))).isInstanceOf(SSLHandshakeException.class)
                    .hasStackTraceContaining("No subject alternative DNS name matching localhost");
        }
    }

    @Test
    void tlsOffersVersions13And12WithEcdheAeadSuitesOnly() throws Exception {
        TlsFixtures ca = TlsFixtures.shared();
        try (SSLServerSocket server = ca.server(List.of("localhost"), List.of())) {
            CompletableFuture<String> protocol = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.getInputStream().read();
                    return accepted.getSession().getProtocol();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            SyslogSender sender = senders.open(DestinationSpec.of("t", "TLS", "localhost", server.getLocalPort(),
                    null, ca.caPem()));
            sender.send(List.of(bytes("x")));
            assertThat(protocol.get(10, TimeUnit.SECONDS)).isEqualTo("TLSv1.3");
            sender.close();
        }
        String[] strong = Senders.strongSuites(new String[] {"TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"});
        assertThat(Arrays.asList(strong)).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void aTlsDestinationWithoutCaCertificatesCannotConnect() {
        assertThatThrownBy(() -> Senders.context(null)).isInstanceOf(IOException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
