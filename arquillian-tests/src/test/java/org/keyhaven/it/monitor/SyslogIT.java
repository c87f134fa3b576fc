package org.keyhaven.it.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;

/**
 * The audit trail forwarded to a real rsyslogd, started by the test on loopback: over TCP across a collector outage
 * (every record from the destination's first to the last one expected arrives, in RFC 5424 with the record's
 * sequence number and MAC, which match the audit API; duplicates are allowed and counted), over UDP as CEF, and
 * over TLS to rsyslog's GnuTLS driver with a CA made by the test (the collector's certificate is verified: a
 * destination trusting another CA gets nothing).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyslogIT {

    private static final String DESTINATIONS = "/api/v1/syslog/destinations";
    private static final Duration AT_MOST = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Pattern RFC5424_SEQ = Pattern.compile(" seq=\"(\\d+)\"");
    private static final Pattern RFC5424_MAC = Pattern.compile(" mac=\"([^\"]*)\"");
    private static final Pattern CEF_SEQ = Pattern.compile(" cn1=(\\d+) cn1Label=seq");
    private static final Pattern CEF_MAC = Pattern.compile(" cs1=(\\S+) cs1Label=mac");

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void everyRecordReachesRsyslogOverTcpInOrderAcrossAnOutageOfTheCollector() throws IOException {
        Account admin = Accounts.securityAdmin();
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        try (Rsyslog rsyslog = Rsyslog.plain()) {
            JsonObject destination = create(admin, destination("tcp", "TCP", rsyslog.tcpPort()));
            String id = destination.getString("id");
            long first = destination.getJsonNumber("cursor").longValue() + 1;
            try {
                createKeys(officer, 3);
                long before = AuditTrail.head(auditor.api());
                await().atMost(AT_MOST).pollInterval(POLL)
                        .until(() -> sequenceNumbers(rsyslog, RFC5424_SEQ).contains(before));
                await().atMost(AT_MOST).pollInterval(POLL).until(() -> cursor(admin, id) >= before);

                rsyslog.stop();
                long backlogAtStop = get(admin, id).getJsonNumber("backlog").longValue();
                createKeys(officer, 5);
                long last = AuditTrail.head(auditor.api());

                await().atMost(AT_MOST).pollInterval(POLL).untilAsserted(() -> {
                    JsonObject waiting = get(admin, id);
                    assertThat(waiting.getJsonNumber("backlog").longValue()).as("backlog while rsyslogd is down")
                            .isGreaterThanOrEqualTo(backlogAtStop + 5);
                    assertThat(waiting.getString("lastError", null)).as("last error while rsyslogd is down")
                            .isNotNull();
                });
                assertThat(cursor(admin, id)).as("the cursor waits for the collector").isLessThan(last);

                rsyslog.start();
                await().atMost(AT_MOST).pollInterval(POLL)
                        .until(() -> sequenceNumbers(rsyslog, RFC5424_SEQ).contains(last));
                await().atMost(AT_MOST).pollInterval(POLL).until(() -> cursor(admin, id) >= last);

                List<Long> received = sequenceNumbers(rsyslog, RFC5424_SEQ);
                TreeSet<Long> distinct = new TreeSet<>(received);
                System.out.printf("SyslogIT TCP: records %d to %d expected; %d messages received, %d duplicates%n",
                        first, last, received.size(), received.size() - distinct.size());
                for (long seq = first; seq <= last; seq++) {
                    assertThat(distinct).as("record %d arrived (continuity from %d to %d)", seq, first, last)
                            .contains(seq);
                }
                assertMacsMatchTheAuditTrail(auditor, rsyslog, RFC5424_SEQ, RFC5424_MAC, first, last, false);
                assertThat(rsyslog.messages()).as("the destination's first record: its own creation")
                        .anySatisfy(message -> assertThat(message)
                                .contains(" keyhaven - syslog.destination.create [keyhaven@32473 seq=\"")
                                .contains(" object=\"" + id + "\""));
                assertThat(rsyslog.messages()).filteredOn(message -> message.contains(" key.create "))
                        .allSatisfy(message -> assertThat(message).startsWith("<86>1 "));
                assertThat(get(admin, id).getString("lastError", null)).isNull();
            } finally {
                delete(admin, id);
            }
        }
    }

    @Test
    void rsyslogReceivesCefEventsOverUdp() throws IOException {
        Account admin = Accounts.securityAdmin();
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        try (Rsyslog rsyslog = Rsyslog.plain()) {
            JsonObject destination = create(admin, destination("udp", "UDP", rsyslog.udpPort()).add("format", "CEF"));
            String id = destination.getString("id");
            long first = destination.getJsonNumber("cursor").longValue() + 1;
            try {
                createKeys(officer, 1);

                await().atMost(AT_MOST).pollInterval(POLL).until(() -> !sequenceNumbers(rsyslog, CEF_SEQ).isEmpty());

                assertThat(rsyslog.messages()).allSatisfy(message -> assertThat(message).contains(" CEF:0|Keyhaven|"));
                long last = AuditTrail.head(auditor.api());
                assertMacsMatchTheAuditTrail(auditor, rsyslog, CEF_SEQ, CEF_MAC, first, last, true);
            } finally {
                delete(admin, id);
            }
        }
    }

    @Test
    void rsyslogReceivesTheTrailOverTlsFromACollectorWhoseCertificateIsVerified() throws IOException {
        assumeTrue(Rsyslog.gtlsInstalled(), "rsyslog's GnuTLS driver (Debian package rsyslog-gnutls) is not"
                + " installed; TLS is covered by the unit test SendersTest");
        Path certificates = Files.createDirectories(Path.of("target", "syslog-it", "tls-"
                + UUID.randomUUID().toString().substring(0, 8))).toAbsolutePath();
        openssl(certificates, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Keyhaven SyslogIT CA",
                "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign");
        openssl(certificates, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        Files.writeString(certificates.resolve("server.ext"),
                "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        openssl(certificates, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext");
        openssl(certificates, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "other.key", "-out", "other.pem", "-days", "2", "-subj", "/CN=Some other CA");
        Account admin = Accounts.securityAdmin();
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        try (Rsyslog rsyslog = Rsyslog.tls(certificates.resolve("ca.pem"), certificates.resolve("server.pem"),
                certificates.resolve("server.key"))) {
            JsonObject trusted = create(admin, destination("tls", "TLS", rsyslog.tcpPort()).add("host", "localhost")
                    .add("caPem", Files.readString(certificates.resolve("ca.pem"))));
            JsonObject untrusted = create(admin, destination("tls-other-ca", "TLS", rsyslog.tcpPort())
                    .add("host", "localhost").add("caPem", Files.readString(certificates.resolve("other.pem"))));
            long first = trusted.getJsonNumber("cursor").longValue() + 1;
            try {
                createKeys(officer, 2);
                long last = AuditTrail.head(auditor.api());

                await().atMost(AT_MOST).pollInterval(POLL)
                        .until(() -> sequenceNumbers(rsyslog, RFC5424_SEQ).contains(last));
                await().atMost(AT_MOST).pollInterval(POLL)
                        .until(() -> get(admin, untrusted.getString("id")).getString("lastError", null) != null);

                assertMacsMatchTheAuditTrail(auditor, rsyslog, RFC5424_SEQ, RFC5424_MAC, first, last, false);
                JsonObject refused = get(admin, untrusted.getString("id"));
                assertThat(refused.getJsonNumber("cursor").longValue()).as("nothing delivered to an unverified peer")
                        .isEqualTo(untrusted.getJsonNumber("cursor").longValue());
                assertThat(refused.getString("lastError")).containsIgnoringCase("certificat");
            } finally {
                delete(admin, trusted.getString("id"));
                delete(admin, untrusted.getString("id"));
            }
        }
    }

    /**
     * Every message with a sequence number from {@code first} to {@code last} carries the MAC the audit API shows
     * for that record, and each of those records arrived.
     */
    private static void assertMacsMatchTheAuditTrail(Account auditor, Rsyslog rsyslog, Pattern seqPattern,
            Pattern macPattern, long first, long last, boolean cefEscaped) {
        Map<Long, String> macs = new HashMap<>();
        for (JsonObject record : AuditTrail.after(auditor.api(), first - 1)) {
            macs.put(AuditTrail.seq(record), record.getString("mac"));
        }
        TreeSet<Long> checked = new TreeSet<>();
        for (String message : rsyslog.messages()) {
            Matcher seq = seqPattern.matcher(message);
            Matcher mac = macPattern.matcher(message);
            if (!seq.find()) {
                continue;
            }
            long number = Long.parseLong(seq.group(1));
            if (number < first || number > last) {
                continue;
            }
            assertThat(mac.find()).as("message %d has a MAC: %s", number, message).isTrue();
            String sent = cefEscaped ? mac.group(1).replace("\\=", "=").replace("\\\\", "\\") : mac.group(1);
            assertThat(sent).as("MAC of record %d", number).isEqualTo(macs.get(number));
            checked.add(number);
        }
        assertThat(checked).as("records checked").isNotEmpty();
    }

    private static List<Long> sequenceNumbers(Rsyslog rsyslog, Pattern seqPattern) {
        List<Long> numbers = new ArrayList<>();
        for (String message : rsyslog.messages()) {
            Matcher matcher = seqPattern.matcher(message);
            if (matcher.find()) {
                numbers.add(Long.parseLong(matcher.group(1)));
            }
        }
        return numbers;
    }

    private static JsonObjectBuilder destination(String prefix, String transport, int port) {
        return Json.createObjectBuilder().add("name", "syslog-it-" + prefix + "-"
                + UUID.randomUUID().toString().substring(0, 8)).add("transport", transport)
                .add("host", "127.0.0.1").add("port", port);
    }

    private static JsonObject create(Account admin, JsonObjectBuilder body) {
        String json = body.build().toString();
        ApiResponse created = admin.api().post(DESTINATIONS, json);
        assertThat(created.status()).as("creating a syslog destination: %s", created).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).isPresent();
        return created.object();
    }

    private static JsonObject get(Account admin, String id) {
        ApiResponse response = admin.api().get(DESTINATIONS + "/" + id);
        assertThat(response.status()).as("reading syslog destination %s: %s", id, response).isEqualTo(200);
        return response.object();
    }

    private static long cursor(Account admin, String id) {
        return get(admin, id).getJsonNumber("cursor").longValue();
    }

    private static void delete(Account admin, String id) {
        ApiResponse deleted = admin.api().delete(DESTINATIONS + "/" + id);
        assertThat(deleted.status()).as("deleting syslog destination %s: %s", id, deleted).isEqualTo(204);
    }

    private static void createKeys(Account officer, int count) {
        for (int i = 0; i < count; i++) {
            Keys.createAes(officer.api(), Keys.uniqueName("syslog-it"), false);
        }
    }

    private static void openssl(Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("openssl.out").toFile()).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("openssl %s finished", command).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(process.exitValue()).as("openssl %s: see %s", command, directory.resolve("openssl.out"))
                .isZero();
    }
}
