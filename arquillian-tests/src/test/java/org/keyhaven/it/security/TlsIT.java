package org.keyhaven.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.PinnedTls;
import org.keyhaven.it.support.Suite;

/**
 * TLS of the server's listeners, tested with plain JSSE sockets: the management API (6001) and the container's
 * default HTTPS listener (8443), both with the server's per-installation identity. TLS 1.3 and 1.2 only, TLS 1.2
 * only with ECDHE and an AEAD cipher; no plain HTTP anywhere; the management API only on its own port; security
 * headers on every management response.
 *
 * <p>TLS 1.0 and 1.1: the test JVM's own {@code jdk.tls.disabledAlgorithms} stops it from even offering them, so a
 * refusal seen from here would prove nothing. {@link LegacyTlsClient} therefore runs in a forked JVM whose list is
 * emptied (a security properties file given with {@code -Djava.security.properties}); two controls show that the
 * refusal is the server's: the forked client's ClientHello, caught on a local socket, really carries the legacy
 * version, and the same client gets a TLS 1.2 session from the server. This needs nothing but the JDK the tests run
 * on. Where {@code openssl} is on the PATH, a second, independent client ({@code openssl s_client}) repeats the
 * check; without it that test is skipped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TlsIT {

    private static final String HOST = "localhost";
    /** The server binds its listeners to the IPv4 loopback (jboss.bind.address). */
    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern FORWARD_SECRET_AEAD = Pattern.compile(
            "TLS_ECDHE_(RSA|ECDSA)_WITH_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)");
    private static final Set<String> TLS13_SUITES = Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    // --- protocol versions and cipher suites ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {6001, 8443})
    void tls13IsNegotiatedWhenOffered(int port) throws IOException {
        SSLSession session = handshake(port, null, null);

        assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(session.getCipherSuite()).isIn(TLS13_SUITES);
    }

    static Stream<Arguments> tls13Suites() {
        return Stream.of(6001, 8443).flatMap(port -> TLS13_SUITES.stream().map(suite -> Arguments.of(port, suite)));
    }

    @ParameterizedTest
    @MethodSource("tls13Suites")
    void eachTls13SuiteIsAccepted(int port, String suite) throws IOException {
        SSLSession session = handshake(port, "TLSv1.3", suite);

        assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(session.getCipherSuite()).isEqualTo(suite);
    }

    @ParameterizedTest
    @ValueSource(ints = {6001, 8443})
    void tls12WithEcdheAndAesGcmIsAccepted(int port) throws IOException {
        // the server's key is EC (P-256), issued by Keyhaven's internal CA
        SSLSession session = handshake(port, "TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");

        assertThat(session.getProtocol()).isEqualTo("TLSv1.2");
        assertThat(session.getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    }

    @ParameterizedTest
    @CsvSource({
        "6001, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
        "6001, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
        "6001, TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
        "8443, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
        "8443, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
        "8443, TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"})
    void tls12WithoutForwardSecrecyOrWithoutAeadIsRefusedByTheServer(int port, String suite) {
        assertThatThrownBy(() -> handshake(port, "TLSv1.2", suite))
                .isInstanceOf(SSLHandshakeException.class)
                // an alert from the server, not a client-side refusal to offer the suite
                .hasMessageContaining("Received fatal alert");
    }

    /**
     * Offers every TLS 1.2 suite this JDK can send, one at a time. (Suites the JDK itself has disabled are never
     * offered, so they say nothing about the server; the explicit refusals are tested above.)
     */
    @ParameterizedTest
    @ValueSource(ints = {6001, 8443})
    void everyTls12SuiteTheServerAcceptsHasForwardSecrecyAndAead(int port) throws IOException {
        List<String> accepted = new ArrayList<>();
        for (String suite : clientContext(port).getSocketFactory().getSupportedCipherSuites()) {
            if (TLS13_SUITES.contains(suite) || suite.endsWith("_SCSV")) {
                continue;
            }
            try {
                handshake(port, "TLSv1.2", suite);
                accepted.add(suite);
            } catch (SSLHandshakeException refused) {
                // not accepted: what we want for all but the strong suites
            }
        }

        assertThat(accepted).isNotEmpty().allSatisfy(suite -> assertThat(suite).matches(FORWARD_SECRET_AEAD));
    }

    @ParameterizedTest
    @CsvSource({"6001, TLSv1.1", "6001, TLSv1", "8443, TLSv1.1", "8443, TLSv1"})
    void legacyProtocolVersionsAreRefusedByTheServer(int port, String protocol) throws IOException {
        byte[] clientHello = clientHelloOfLegacyClient(protocol);
        assertThat(clientHello[0]).as("TLS handshake record").isEqualTo((byte) 0x16);
        assertThat(clientHello[5]).as("ClientHello").isEqualTo((byte) 0x01);
        assertThat(Arrays.copyOfRange(clientHello, 9, 11)).as("ClientHello version offered")
                .containsExactly(0x03, "TLSv1.1".equals(protocol) ? 0x02 : 0x01);
        assertThat(legacyClient(Suite.port(port), "TLSv1.2")).as("control: the same client with TLS 1.2")
                .startsWith("NEGOTIATED TLSv1.2");

        String result = legacyClient(Suite.port(port), protocol);

        assertThat(result).startsWith("FAILED").contains("Received fatal alert");
    }

    @ParameterizedTest
    @CsvSource({"6001, -tls1_1", "6001, -tls1", "8443, -tls1_1", "8443, -tls1"})
    void legacyProtocolVersionsAreRefusedToOpenSsl(int port, String version) throws IOException {
        assumeTrue(onPath("openssl"), "openssl is not on the PATH");
        assertThat(openSsl(port, "-tls1_2")).as("control: openssl with TLS 1.2").contains("New, TLSv1.2");

        // SECLEVEL=0: OpenSSL 3 would otherwise refuse to offer TLS 1.0/1.1 at all (SHA-1 in the handshake)
        String output = openSsl(port, version, "-cipher", "DEFAULT:@SECLEVEL=0");

        assertThat(output).contains("Cipher is (NONE)").containsPattern("SSL alert number (70|40)");
    }

    // --- no plain HTTP; the management API on its own port only ------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {6001, 8443})
    void plainHttpOnATlsPortGetsNoHttpAnswer(int port) throws IOException {
        byte[] answer;
        try (Socket socket = new Socket(LOOPBACK, Suite.port(port))) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("GET /api/v1/status HTTP/1.1\r\nHost: localhost\r\nConnection: close"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            answer = readUntilClosed(socket.getInputStream());
        }

        String text = new String(answer, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContainPattern("^HTTP/1\\.[01] [23]\\d\\d");
        assertThat(answer.length == 0 || answer[0] == 0x15 || text.startsWith("HTTP/1.1 400"))
                .as("closed, a TLS alert or 400, got %s", HexFormat.of().formatHex(answer, 0, Math.min(32,
                        answer.length)))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {8080, 8009})
    void nothingListensOnThePlainHttpOrAjpPort(int port) throws IOException {
        try (Socket control = new Socket()) {
            control.connect(new InetSocketAddress(LOOPBACK, Suite.port(Api.MANAGEMENT_PORT)), 5_000);
            assertThat(control.isConnected()).as("control: the management port accepts connections").isTrue();
        }

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LOOPBACK, Suite.port(port)), 5_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/status", "/api/v1/users/me", "/openapi"})
    void theManagementApiIsNotServedOnTheDefaultHttpsPort(String path) {
        Accounts.admin();
        Api onDefaultPort = Api.withAuthorization(8443, Api.basic(Accounts.ADMIN, Accounts.ADMIN_PASSWORD));
        assertThat(Accounts.admin().api().get("/api/v1/status").status()).as("control: served on 6001")
                .isEqualTo(200);

        ApiResponse response = onDefaultPort.get(path);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("\"version\"", "SECURITY_ADMIN");
    }

    // --- response headers ----------------------------------------------------------------------------------------

    static Stream<Arguments> managementResponses() {
        return Stream.of(
                Arguments.of("200 status", 200, (ResponseSource) () -> Accounts.admin().api().get("/api/v1/status")),
                Arguments.of("401 without credentials", 401,
                        (ResponseSource) () -> Api.anonymous(Api.MANAGEMENT_PORT).get("/api/v1/status")),
                Arguments.of("403 wrong role", 403,
                        (ResponseSource) () -> Accounts.admin().api().get("/api/v1/keys")),
                Arguments.of("404 unknown path", 404,
                        (ResponseSource) () -> Accounts.admin().api().get("/api/v1/no-such-resource")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("managementResponses")
    void managementResponsesCarryTheSecurityHeaders(String name, int status, ResponseSource source) {
        ApiResponse response = source.get();

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(Long.parseLong(hsts.replaceAll("(?s).*max-age=(\\d+).*", "$1")))
                        .as(hsts).isGreaterThanOrEqualTo(Duration.ofDays(365).toSeconds()));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("no-store"));
    }

    /** A request made inside the test (after the deployment), not while the arguments are listed. */
    @FunctionalInterface
    interface ResponseSource {
        ApiResponse get();
    }

    // --- the server's identity -------------------------------------------------------------------------------

    @Test
    void theServerCertificateWasGeneratedForThisInstallation() {
        X509Certificate certificate = PinnedTls.serverCertificate(Suite.port(Api.MANAGEMENT_PORT));
        Instant testJvmStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

        // the test JVM started the server, whose data dir was empty: the certificate is younger than this JVM (its
        // validity starts five minutes before it was issued, for clients whose clocks lag)
        assertThat(certificate.getNotBefore().toInstant())
                .isAfter(testJvmStarted.minus(Duration.ofMinutes(6)))
                .isBefore(Instant.now().plusSeconds(60));
        assertThat(PinnedTls.serverCertificate(Suite.port(8443))).as("one identity for every listener")
                .isEqualTo(certificate);
        assertThat(certificate.getSigAlgName()).doesNotContainIgnoringCase("SHA1").doesNotContainIgnoringCase("MD5");
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            assertThat(rsa.getModulus().bitLength()).isGreaterThanOrEqualTo(2048);
        }
    }

    @Test
    void theServerCertificateIsIssuedByThisInstallationsInternalCaForItsHostNames() throws Exception {
        X509Certificate certificate = PinnedTls.serverCertificate(Suite.port(Api.MANAGEMENT_PORT));
        ApiResponse published = Api.anonymous(Api.MANAGEMENT_PORT).get("/ca.pem");
        assertThat(published.status()).as("%s", published).isEqualTo(200);
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(published.body().getBytes(StandardCharsets.US_ASCII)));

        assertThatCode(() -> certificate.verify(ca.getPublicKey())).as("signed by the published CA")
                .doesNotThrowAnyException();
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(ca.getBasicConstraints()).as("the CA is a CA").isGreaterThanOrEqualTo(0);
        assertThat(certificate.getBasicConstraints()).as("the server certificate is not").isEqualTo(-1);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> String.valueOf(name.get(1)))
                .contains("localhost", "127.0.0.1");
    }

    /**
     * Each failsafe execution (H2, PostgreSQL) installs its own server; their certificates must differ. The
     * fingerprint is kept under target/, so the second execution of a build compares with the first.
     */
    @Test
    void theServerCertificateDiffersFromThoseOfOtherTestInstallations() throws IOException {
        String mine = sha256(PinnedTls.serverCertificate(Suite.port(Api.MANAGEMENT_PORT)));
        Path recorded = Suite.runDir().toAbsolutePath().getParent().resolve("tls-fingerprints");
        Files.createDirectories(recorded);
        Path own = recorded.resolve(Suite.runDir().getFileName() + ".sha256");
        Files.writeString(own, mine);

        List<String> others;
        try (Stream<Path> files = Files.list(recorded)) {
            others = files.filter(file -> !file.equals(own)).map(TlsIT::read).toList();
        }

        assumeFalse(others.isEmpty(), "no other installation recorded a fingerprint yet (first execution)");
        assertThat(others).doesNotContain(mine);
    }

    @Test
    void theRepositoryHoldsNoKeyStoreCertificateOrPrivateKey() throws IOException {
        Path repository = Suite.serverHome().toAbsolutePath().getParent().getParent().getParent();
        assertThat(repository.resolve("ear/src/main/wildfly/configure-keyhaven.cli")).as("repository root").exists();
        Pattern keyMaterialFile = Pattern.compile(
                "(?i).*\\.(p12|pfx|jks|jceks|bks|keystore|truststore|pem|crt|cer|der|key)$");
        // a PEM block with real content: a BEGIN line, then lines of base64 (real line breaks or "\n" escapes);
        // tests that build PEM text around a few placeholder characters do not count
        Pattern pemBlock = Pattern.compile("-----" + "BEGIN [A-Z0-9 ]+-----(\\\\n|\\s)+"
                + "([A-Za-z0-9+/=]{40,}(\\\\n|\\s)+){2,}");

        List<Path> found;
        try (Stream<Path> files = Files.walk(repository)) {
            found = files.filter(file -> !excluded(repository.relativize(file)))
                    .filter(Files::isRegularFile)
                    .filter(file -> keyMaterialFile.matcher(file.getFileName().toString()).matches()
                            || contains(file, pemBlock))
                    .toList();
        }

        assertThat(found).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------

    private static SSLContext clientContext(int port) {
        return PinnedTls.context(Suite.port(port));
    }

    /** A full handshake with the server, trusting only its pinned certificate; null means the JDK's defaults. */
    private static SSLSession handshake(int port, String protocol, String suite) throws IOException {
        try (SSLSocket socket = (SSLSocket) clientContext(port).getSocketFactory().createSocket(HOST,
                Suite.port(port))) {
            socket.setSoTimeout(15_000);
            if (protocol != null) {
                socket.setEnabledProtocols(new String[] {protocol});
            }
            if (suite != null) {
                socket.setEnabledCipherSuites(new String[] {suite});
            }
            socket.startHandshake();
            return socket.getSession();
        }
    }

    /** The first bytes the forked legacy client sends when offering {@code protocol}, caught on a local socket. */
    private static byte[] clientHelloOfLegacyClient(String protocol) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            listener.setSoTimeout(60_000);
            Process client = startLegacyClient(listener.getLocalPort(), protocol);
            try (Socket connection = listener.accept()) {
                connection.setSoTimeout(30_000);
                byte[] hello = connection.getInputStream().readNBytes(11);
                assertThat(hello).as("ClientHello header").hasSize(11);
                return hello;
            } finally {
                client.destroy();
                waitFor(client);
            }
        }
    }

    private static String legacyClient(int port, String protocol) throws IOException {
        Process client = startLegacyClient(port, protocol);
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        waitFor(client);
        return output;
    }

    private static Process startLegacyClient(int port, String protocol) throws IOException {
        Path properties = Files.createTempFile("legacy-tls", ".security");
        properties.toFile().deleteOnExit();
        Files.writeString(properties, "jdk.tls.disabledAlgorithms=\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Djava.security.properties=" + properties, "-cp", testClasses(),
                LegacyTlsClient.class.getName(), LOOPBACK, String.valueOf(port), protocol)
                .redirectErrorStream(true)
                .start();
    }

    private static String testClasses() {
        try {
            return Path.of(LegacyTlsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String openSsl(int port, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                LOOPBACK + ":" + Suite.port(port), "-servername", HOST));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        waitFor(process);
        return output;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // the server reset the connection: an answer too
        } catch (SocketTimeoutException stillOpen) {
            // kept open without answering: what arrived so far is the answer
        }
        return answer.toByteArray();
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean excluded(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals(".git") || name.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Path file, Pattern pattern) {
        try {
            if (Files.size(file) > 2_000_000) {
                return false;
            }
            return pattern.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
