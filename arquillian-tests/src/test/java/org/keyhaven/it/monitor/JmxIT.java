package org.keyhaven.it.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;
import org.keyhaven.it.support.Suite;

/**
 * Keyhaven's MBeans as an operator's monitoring reads them: a standard remote JMX client on WildFly's management
 * interface ({@code service:jmx:remote+http}), authenticated as a WildFly management user created with the server's
 * own {@code bin/add-user.sh}. Every attribute answers, none can be written and no operation exists, and the figures
 * move when keys are created, refused, verified or sealed; a syslog destination has an MBean while it exists. The
 * client library is remoting-jmx, the same version the provisioned server runs (on the test class path through the
 * Arquillian WildFly container).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JmxIT {

    private static final Duration AT_MOST = Duration.ofSeconds(20);
    private static final List<String> FIXED = List.of("org.keyhaven:type=Server", "org.keyhaven:type=Keys",
            "org.keyhaven:type=Audit", "org.keyhaven:type=Clients", "org.keyhaven:type=Approvals",
            "org.keyhaven:type=Kmip");
    private static final String KEY_CREATE = "org.keyhaven:type=Operation,name=key.create";
    private static final String SYSLOG_DESTINATIONS = "/api/v1/syslog/destinations";
    /** The syslog MBeans follow the destinations on a refresh every few seconds. */
    private static final Duration SYSLOG_AT_MOST = Duration.ofSeconds(15);

    private static final String USER = "keyhaven-jmx-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "Jmx!" + UUID.randomUUID() + "7";

    private JMXConnector connector;
    private MBeanServerConnection jmx;
    private Account securityAdmin;

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    /** A management user, as the README tells operators to create one; the realm re-reads its file on change. */
    @BeforeAll
    static void addManagementUser() throws IOException, InterruptedException {
        Path home = Suite.serverHome();
        Process process = new ProcessBuilder("bash", home.resolve("bin/add-user.sh").toString(),
                "-m", "-u", USER, "-p", PASSWORD, "-sc", configurationDir().toString())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("add-user.sh finished").isTrue();
        assertThat(process.exitValue()).as("add-user.sh: %s", output).isZero();
        assertThat(output).contains("Added user '" + USER + "'");
    }

    @AfterAll
    static void removeManagementUser() throws IOException {
        for (String file : List.of("mgmt-users.properties", "mgmt-groups.properties")) {
            Path properties = configurationDir().resolve(file);
            List<String> lines = Files.readAllLines(properties, StandardCharsets.UTF_8);
            List<String> kept = lines.stream().filter(line -> !line.startsWith(USER + "=")).toList();
            if (kept.size() != lines.size()) {
                Files.write(properties, kept, StandardCharsets.UTF_8);
            }
        }
    }

    @BeforeEach
    void connect() throws IOException {
        connector = connect(USER, PASSWORD);
        jmx = connector.getMBeanServerConnection();
    }

    @AfterEach
    void disconnectAndUnseal() throws IOException {
        if (securityAdmin != null) {
            ApiResponse unsealed = securityAdmin.api().post("/api/v1/unseal");
            assertThat(unsealed.status()).as("unsealing after the test: %s", unsealed).isEqualTo(200);
        }
        connector.close();
    }

    private static Path configurationDir() {
        return Suite.serverHome().resolve("standalone").resolve("configuration");
    }

    private static JMXServiceURL url() throws IOException {
        int port = Integer.getInteger("keyhaven.it.managementPort", Suite.port(9990));
        return new JMXServiceURL("service:jmx:remote+http://127.0.0.1:" + port);
    }

    private static JMXConnector connect(String user, String password) throws IOException {
        return JMXConnectorFactory.connect(url(), Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    private Object read(String name, String attribute) {
        try {
            return jmx.getAttribute(new ObjectName(name), attribute);
        } catch (JMException | IOException e) {
            throw new AssertionError("reading " + name + " " + attribute, e);
        }
    }

    private long number(String name, String attribute) {
        return ((Number) read(name, attribute)).longValue();
    }

    /** The operation's count so far; 0 before its MBean exists (before its first call on this deployment). */
    private long operationCount(String name, String attribute) throws IOException, JMException {
        return jmx.isRegistered(new ObjectName(name)) ? number(name, attribute) : 0;
    }

    @Test
    void everyMBeanAnswersRemotelyToAManagementUser() throws IOException, JMException {
        for (String name : FIXED) {
            assertThat(jmx.isRegistered(new ObjectName(name))).as(name).isTrue();
        }

        assertThat((String) read("org.keyhaven:type=Server", "Version")).isNotBlank();
        assertThat(read("org.keyhaven:type=Server", "Environment")).isEqualTo("TEST");
        assertThat(read("org.keyhaven:type=Server", "Sealed")).isEqualTo(false);
        assertThat(read("org.keyhaven:type=Server", "SealMode")).isEqualTo("embedded");
        assertThat(number("org.keyhaven:type=Server", "MasterKeyVersion")).isPositive();
        long states = 0;
        for (String state : List.of("PreActive", "Active", "Deactivated", "Compromised", "Destroyed",
                "DestroyedCompromised")) {
            long count = number("org.keyhaven:type=Keys", state);
            assertThat(count).as(state).isNotNegative();
            states += count;
        }
        assertThat(number("org.keyhaven:type=Keys", "Total")).isGreaterThanOrEqualTo(0).isEqualTo(states);
        assertThat(number("org.keyhaven:type=Audit", "HeadSequence")).isNotNegative();
        long clients = number("org.keyhaven:type=Clients", "Count");
        assertThat(number("org.keyhaven:type=Clients", "Enabled")).isNotNegative().isLessThanOrEqualTo(clients);
        assertThat(number("org.keyhaven:type=Approvals", "Pending")).isNotNegative();
        await().atMost(AT_MOST).untilAsserted(() ->
                assertThat(read("org.keyhaven:type=Kmip", "Listening")).isEqualTo(true));
        assertThat(number("org.keyhaven:type=Kmip", "OpenConnections")).isNotNegative();
    }

    @Test
    void noKeyhavenMBeanHasAnOperationOrAWritableAttribute() throws IOException, JMException {
        Keys.createAes(Accounts.cryptoOfficer().api(), Keys.uniqueName("jmx-readonly"), false);

        Set<ObjectName> names = jmx.queryNames(new ObjectName("org.keyhaven:*"), null);

        assertThat(names).extracting(ObjectName::getCanonicalName).contains(
                new ObjectName(KEY_CREATE).getCanonicalName());
        assertThat(names).hasSizeGreaterThan(FIXED.size());
        for (ObjectName name : names) {
            MBeanInfo info;
            try {
                info = jmx.getMBeanInfo(name);
            } catch (javax.management.InstanceNotFoundException gone) {
                continue; // a syslog destination deleted by an earlier test, its MBean removed since the query
            }
            assertThat(info.getOperations()).as("operations of %s", name).isEmpty();
            assertThat(info.getAttributes()).as("attributes of %s", name).isNotEmpty();
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                assertThat(attribute.isWritable()).as("%s %s writable", name, attribute.getName()).isFalse();
            }
        }
    }

    @Test
    void creatingAKeyMovesTheKeyCountsTheAuditHeadAndTheOperationFigures() throws IOException, JMException {
        long total = number("org.keyhaven:type=Keys", "Total");
        long preActive = number("org.keyhaven:type=Keys", "PreActive");
        long head = number("org.keyhaven:type=Audit", "HeadSequence");
        long creates = operationCount(KEY_CREATE, "Count");
        long errors = operationCount(KEY_CREATE, "Errors");
        Account officer = Accounts.cryptoOfficer();
        String name = Keys.uniqueName("jmx");

        Keys.createAes(officer.api(), name, false);
        ApiResponse duplicate = officer.api().post(Keys.BASE, Keys.aes(name).build().toString());

        assertThat(duplicate.status()).as("%s", duplicate).isEqualTo(409);
        await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(number("org.keyhaven:type=Keys", "Total")).isGreaterThanOrEqualTo(total + 1);
            assertThat(number("org.keyhaven:type=Keys", "PreActive")).isGreaterThanOrEqualTo(preActive + 1);
            assertThat(number("org.keyhaven:type=Audit", "HeadSequence")).isGreaterThan(head);
        });
        assertThat(number(KEY_CREATE, "Count")).isGreaterThanOrEqualTo(creates + 2);
        assertThat(number(KEY_CREATE, "Errors")).isGreaterThanOrEqualTo(errors + 1);
        assertThat(number(KEY_CREATE, "PerMinute")).isGreaterThanOrEqualTo(2);
        assertThat((Double) read(KEY_CREATE, "P50Millis")).isPositive();
        assertThat((Double) read(KEY_CREATE, "MaxMillis"))
                .isGreaterThanOrEqualTo((Double) read(KEY_CREATE, "P99Millis"))
                .isGreaterThanOrEqualTo((Double) read(KEY_CREATE, "P50Millis"));
    }

    @Test
    void anAuditVerificationIsShownWithItsResultAndTime() {
        Instant before = Instant.now().minusSeconds(1);

        ApiResponse verification = Accounts.auditor().api().get("/api/v1/audit/verify");

        assertThat(verification.status()).as("%s", verification).isEqualTo(200);
        assertThat(verification.object().getBoolean("intact")).isTrue();
        assertThat(read("org.keyhaven:type=Audit", "LastVerifyIntact")).isEqualTo(true);
        assertThat(Instant.parse((String) read("org.keyhaven:type=Audit", "LastVerifyTime"))).isAfter(before);
    }

    @Test
    void whileSealedTheServerSaysSoAndTheCountsStillAnswer() throws InterruptedException {
        securityAdmin = Accounts.securityAdmin();
        Thread.sleep(1_100); // the counts are cached for a second: let keys made by earlier tests show first
        long total = number("org.keyhaven:type=Keys", "Total");

        ApiResponse sealed = securityAdmin.api().post("/api/v1/seal");

        assertThat(sealed.status()).as("%s", sealed).isEqualTo(200);
        assertThat(read("org.keyhaven:type=Server", "Sealed")).isEqualTo(true);
        assertThat(read("org.keyhaven:type=Server", "MasterKeyVersion")).isNull();
        assertThat(read("org.keyhaven:type=Server", "Environment")).isEqualTo("TEST");
        assertThat(number("org.keyhaven:type=Keys", "Total")).isEqualTo(total);
        assertThat(number("org.keyhaven:type=Audit", "HeadSequence")).isNotNegative();
    }

    @Test
    void aSyslogDestinationHasAnMBeanFromItsCreationUntilItsDeletion() throws IOException, JMException {
        Account admin = Accounts.securityAdmin();
        String name = "jmx-it-" + UUID.randomUUID().toString().substring(0, 8);
        String mbean = "org.keyhaven:type=Syslog,name=" + name;
        String destination = Json.createObjectBuilder().add("name", name).add("transport", "UDP")
                .add("host", "127.0.0.1").add("port", 9).build().toString();

        ApiResponse created = admin.api().post(SYSLOG_DESTINATIONS, destination);

        assertThat(created.status()).as("creating a syslog destination: %s", created).isEqualTo(201);
        String id = created.string("id");
        try {
            await().atMost(SYSLOG_AT_MOST).untilAsserted(() -> {
                assertThat(jmx.isRegistered(new ObjectName(mbean))).as("%s registered", mbean).isTrue();
                assertThat(read(mbean, "Backlog")).isInstanceOf(Number.class);
                assertThat(number(mbean, "Backlog")).isNotNegative();
                assertThat(read(mbean, "Enabled")).isEqualTo(true);
            });
        } finally {
            ApiResponse deleted = admin.api().delete(SYSLOG_DESTINATIONS + "/" + id);
            assertThat(deleted.status()).as("deleting syslog destination %s: %s", id, deleted).isEqualTo(204);
        }
        await().atMost(SYSLOG_AT_MOST).until(() -> !jmx.isRegistered(new ObjectName(mbean)));
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> connect(USER, "not the password " + UUID.randomUUID()).close())
                .isInstanceOfAny(SecurityException.class, IOException.class);
    }
}
