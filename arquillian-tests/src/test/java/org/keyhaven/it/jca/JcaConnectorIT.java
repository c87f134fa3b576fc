package org.keyhaven.it.jca;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;
import org.keyhaven.it.support.PinnedTls;
import org.keyhaven.it.support.ResourceAdapters;
import org.keyhaven.it.support.Suite;

/**
 * The JCA adapter as applications in the same server use it: Keyhaven and two consumers deployed side by side (the
 * sample WAR and a test probe), connection factories configured in the server's resource-adapters subsystem with
 * PKCS#12 identities Keyhaven issued. Encrypt/decrypt, a missing grant, two identities with different grants, a
 * pool that never mixes identities under load, a key revoked while cached, and remote mode failing over from a
 * closed port set to the running server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JcaConnectorIT {

    private static final String ADAPTER = "keyhaven-jca-it";
    private static final String PROBE = "jca-probe";
    private static final String SAMPLE = "keyhaven-connector-sample";
    private static final String SAMPLE_KEY = "sample-records";

    @ArquillianResource
    private ManagementClient management;

    @ArquillianResource
    private Deployer deployer;

    private static Fixture fixture;

    private final Account officer = Accounts.cryptoOfficer();
    private String keyId;
    private String keyName;

    @Deployment(name = "keyhaven", order = 1, testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Deployment(name = PROBE, managed = false, testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, PROBE + ".war").addClass(JcaProbeServlet.class)
                .addAsWebInfResource(new StringAsset(DEPLOYMENT_STRUCTURE), "jboss-deployment-structure.xml");
    }

    @Deployment(name = SAMPLE, managed = false, testable = false)
    static WebArchive sample() {
        return ShrinkWrap.create(ZipImporter.class, SAMPLE + ".war")
                .importFrom(Suite.ear().resolveSibling(SAMPLE + ".war").toFile()).as(WebArchive.class);
    }

    private static final String DEPLOYMENT_STRUCTURE = "<jboss-deployment-structure><deployment><dependencies>"
            + "<module name=\"deployment.keyhaven.ear.keyhaven-connector.rar\"/>"
            + "</dependencies></deployment></jboss-deployment-structure>";

    /**
     * Once per class (an adapter entry removed and added again in a running server needs a reload): two client
     * identities as PKCS#12 files, their factories in the resource-adapters subsystem, and both consumers deployed.
     * Each test then gets its own key, granted to A (encrypt, decrypt, retrieve) and to B (retrieve only).
     */
    @BeforeEach
    void keyAndGrants() throws IOException {
        if (fixture == null) {
            fixture = configure();
        }
        keyName = Keys.uniqueName("jca");
        keyId = Keys.create(officer.api(), Keys.aes(keyName).add("exportable", true).add("activate", true))
                .getString("id");
        ClientIdentities.grant(officer, fixture.clientA(), Json.createArrayBuilder()
                .add(ClientIdentities.byKeyId(keyId, "encrypt", "decrypt", "retrieve"))
                .add(ClientIdentities.byName(SAMPLE_KEY, "encrypt", "decrypt")));
        ClientIdentities.grant(officer, fixture.clientB(), Json.createArrayBuilder()
                .add(ClientIdentities.byKeyId(keyId, "retrieve")));
    }

    private Fixture configure() throws IOException {
        sampleKey();
        Path dir = Files.createDirectories(Suite.runDir().resolve("jca"));
        Identity a = identity(dir, "jca-a");
        Identity b = identity(dir, "jca-b");
        Path ca = dir.resolve("keyhaven-ca.pem");
        ClientIdentities.internalCa();
        Files.writeString(ca, Api.anonymous(Api.MANAGEMENT_PORT).get("/ca.pem").body());
        ResourceAdapters adapters = new ResourceAdapters(management.getControllerClient(), ADAPTER);
        adapters.remove();
        adapters.add();
        adapters.connectionDefinition("a", "java:/eis/keyhaven/it-a", a.properties(Map.of("cacheTtlSeconds", "300")));
        adapters.connectionDefinition("b", "java:/eis/keyhaven/it-b", b.properties(Map.of()));
        adapters.connectionDefinition("sample", "java:/eis/keyhaven/sample", a.properties(Map.of()));
        adapters.connectionDefinition("remote", "java:/eis/keyhaven/it-remote", a.properties(Map.of("mode", "remote",
                "servers", "127.0.0.1:1:2," + "127.0.0.1:" + Suite.port(6000) + ":" + Suite.port(6003),
                "serverCaFile", ca.toString(), "connectTimeoutMillis", "1000")));
        adapters.activate();
        deployer.deploy(PROBE);
        deployer.deploy(SAMPLE);
        return new Fixture(a.clientId(), b.clientId(), adapters);
    }

    @AfterAll
    static void removeConsumersAndFactories() {
        if (fixture != null) {
            // the deployer belongs to the test context, which is gone here: the management API removes them
            fixture.adapters().removeDeployment(SAMPLE + ".war");
            fixture.adapters().removeDeployment(PROBE + ".war");
            fixture.adapters().remove();
            fixture = null;
        }
    }

    /** What the class sets up once. */
    private record Fixture(String clientA, String clientB, ResourceAdapters adapters) {
    }

    @Test
    void theSampleApplicationStoresARecordEncryptedAndReadsItBack() {
        byte[] record = "patient 4711: allergic to penicillin".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> stored = http("PUT", "/" + SAMPLE + "/records/4711", record);
        assertThat(stored.statusCode()).as(new String(stored.body(), StandardCharsets.UTF_8)).isEqualTo(204);

        HttpResponse<byte[]> read = http("GET", "/" + SAMPLE + "/records/4711", null);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(record);
    }

    @Test
    void encryptAndDecryptAsTheFactorysClientAndAMissingGrantIsAClearRefusal() {
        assertThat(probe("java:/eis/keyhaven/it-a", "roundtrip", keyId)).isEqualTo("OK roundtrip v1");
        assertThat(probe("java:/eis/keyhaven/it-b", "roundtrip", keyId)).startsWith("REFUSED NOT_GRANTED ");
        ApiResponse trail = Accounts.auditor().api().get("/api/v1/audit?limit=1000&object=" + keyId);
        assertThat(trail.body()).contains("\"operation\":\"crypto.encrypt\"").contains("client:");
    }

    @Test
    void twoFactoriesWithDifferentIdentitiesGetTheirOwnPermissionsAndThePoolNeverMixesThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String[]>> calls = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String factory = i % 2 == 0 ? "java:/eis/keyhaven/it-a" : "java:/eis/keyhaven/it-b";
                calls.add(() -> new String[] {factory, probe(factory, "roundtrip", keyId)});
            }
            for (Future<String[]> result : pool.invokeAll(calls)) {
                String[] call = result.get();
                if (call[0].endsWith("it-a")) {
                    assertThat(call[1]).as("identity A").isEqualTo("OK roundtrip v1");
                } else {
                    assertThat(call[1]).as("identity B").startsWith("REFUSED NOT_GRANTED ");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(probe("java:/eis/keyhaven/it-b", "getKey", keyId)).startsWith("OK " + keyId + " v1 ");
    }

    @Test
    void aKeyRevokedWhileCachedIsRefusedAtTheNextCall() {
        String first = probe("java:/eis/keyhaven/it-a", "getKey", keyId);
        assertThat(first).startsWith("OK " + keyId + " v1 ");
        assertThat(probe("java:/eis/keyhaven/it-a", "getKey", keyId)).as("served from the cache").isEqualTo(first);

        ApiResponse revoked = officer.api().post(Keys.path(keyId, "revoke"), "{\"reason\":\"KEY_COMPROMISE\"}");
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);
        assertThat(revoked.object().getString("state")).isEqualTo("COMPROMISED");

        assertThat(probe("java:/eis/keyhaven/it-a", "getKey", keyId)).startsWith("REFUSED ");
    }

    @Test
    void remoteModeFailsOverFromAClosedPortSetToTheRunningServer() {
        assertThat(probe("java:/eis/keyhaven/it-remote", "roundtrip", keyId)).isEqualTo("OK roundtrip v1");
        assertThat(probe("java:/eis/keyhaven/it-remote", "getKey", keyId))
                .isEqualTo(probe("java:/eis/keyhaven/it-a", "getKey", keyId));
    }

    @Test
    void aSignatureStillVerifiesWithTheVersionItNamesAfterTheKeyRotated() {
        String signing = Keys.create(officer.api(), Keys.request(Keys.uniqueName("jca-sign"), "EC")
                .add("curve", "P-256").add("activate", true)).getString("id");
        ClientIdentities.grant(officer, fixture.clientA(), Json.createArrayBuilder()
                .add(ClientIdentities.byKeyId(signing, "sign", "verify")));
        String[] signed = probe("java:/eis/keyhaven/it-a", "sign", signing).split(" ");
        assertThat(signed[0] + " " + signed[1]).isEqualTo("OK v1");

        Keys.act(officer.api(), signing, "rotate");

        String signature = "&data=" + encode(signed[2]);
        assertThat(probe("java:/eis/keyhaven/it-a", "verify", signing + signature + "&version=1"))
                .isEqualTo("OK true");
        assertThat(probe("java:/eis/keyhaven/it-a", "verify", signing + signature))
                .as("against the current version 2").isEqualTo("OK false");
    }

    private String probe(String factory, String operation, String keyAndMore) {
        HttpResponse<byte[]> response = http("GET", "/" + PROBE + "/probe?factory=" + encode(factory) + "&op="
                + operation + "&key=" + keyAndMore, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private void sampleKey() {
        if (officer.api().get("/api/v1/keys/" + SAMPLE_KEY).status() == 404) {
            Keys.create(officer.api(), Keys.aes(SAMPLE_KEY).add("activate", true));
        }
    }

    private Identity identity(Path dir, String prefix) throws IOException {
        JsonObject issued = ClientIdentities.createWithPkcs12(officer, ClientIdentities.uniqueName(prefix));
        Path file = dir.resolve(issued.getJsonObject("client").getString("name") + ".p12");
        Files.write(file, Base64.getDecoder().decode(issued.getString("pkcs12")));
        return new Identity(issued.getJsonObject("client").getString("id"), file, issued.getString("pkcs12Password"));
    }

    /** A client's PKCS#12 file and its password, as a connection definition's properties. */
    private record Identity(String clientId, Path file, String password) {

        Map<String, String> properties(Map<String, String> more) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("keyStoreFile", file.toString());
            properties.put("keyStorePassword", password);
            properties.putAll(more);
            return properties;
        }
    }

    private static HttpResponse<byte[]> http(String method, String path, byte[] body) {
        int port = Suite.port(8443);
        HttpClient client = HttpClient.newBuilder().sslContext(PinnedTls.context(port))
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
