package org.keyhaven.it.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keyhaven.it.application.ClientAudit;
import org.keyhaven.it.application.Fixtures;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AppClient;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.KmipClient;
import org.keyhaven.it.support.Suite;

/**
 * Debian's PyKMIP 0.10 client, unchanged, against Keyhaven's KMIP port: {@code src/test/python/pykmip_flow.py}
 * runs a whole key lifecycle (create, register, get, locate, activate, encrypt and decrypt, MAC, an RSA key pair
 * with signing and verification, revoke, destroy)
 * with error cases over TLS 1.2 with a Keyhaven client certificate, and what it saw is checked against the REST API
 * and the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PyKmipIT {

    private static final Path FLOW = Path.of("src/test/python/pykmip_flow.py");

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void pyKmipRunsTheKeyLifecycleAgainstKeyhaven(@TempDir Path dir) throws Exception {
        Account officer = Fixtures.officer();
        ClientCredentials client = ClientIdentities.create(officer, "pykmip");
        String prefix = "pykmip-" + System.nanoTime() + "-";
        ClientIdentities.grant(officer, client.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix(prefix, "create")));

        Result result = run(dir, client, prefix);

        assertThat(result.exitCode()).as("PyKMIP flow output:%n%s", result.output()).isZero();
        JsonObject seen = Json.createReader(new StringReader(lastLine(result.output()))).readObject();
        assertThat(seen.getString("tls")).isEqualTo("TLSv1.2");
        String created = seen.getString("created");
        assertThat(Json.createReader(new StringReader(officer.api().get("/api/v1/keys/" + created).body()))
                .readObject().getString("state")).isEqualTo("DESTROYED_COMPROMISED");
        assertThat(ClientAudit.about(created)).extracting(record -> record.getString("operation"))
                .contains("key.create", "key.retrieve", "key.activate", "crypto.encrypt", "crypto.decrypt",
                        "key.revoke", "key.destroy");
        assertThat(ClientAudit.about(created)).allSatisfy(record -> assertThat(record.toString())
                .doesNotContain(seen.getString("createdKey"))
                .doesNotContain(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(
                        seen.getString("createdKey")))));
        String registered = seen.getString("registered");
        assertThat(officer.api().get("/api/v1/keys/" + registered).object().getString("name"))
                .isEqualTo(prefix + "registered");
        assertThat(seen.getString("unknownMessage")).doesNotContain("Exception").doesNotContain("at org.");
        ApiResponse macKey = AppClient.of(client).retrieve(seen.getString("macKey"));
        assertThat(macKey.status()).as("%s", macKey).isEqualTo(200);
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec(Fixtures.bytes(macKey.object(), "key"), "HmacSHA256"));
        assertThat(HexFormat.of().formatHex(hmac.doFinal("data to authenticate".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(seen.getString("mac"));
        assertKeyPair(officer, client, seen);
        ApiResponse kept = AppClient.of(client).retrieve(seen.getString("kept"));
        assertThat(kept.status()).as("%s", kept).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(Fixtures.bytes(kept.object(), "key"))).isEqualTo(seen.getString("keptKey"));
    }

    /** The pair PyKMIP created is one private and one public key in the REST API, and its signature is genuine. */
    private static void assertKeyPair(Account officer, ClientCredentials client, JsonObject seen) throws Exception {
        String privateKey = seen.getString("privateKey");
        String publicKey = seen.getString("publicKey");
        assertThat(officer.api().get("/api/v1/keys/" + publicKey).object().getBoolean("publicKeyOnly")).isTrue();
        assertThat(officer.api().get("/api/v1/keys/" + privateKey).object().getBoolean("publicKeyOnly")).isFalse();
        ApiResponse pair = AppClient.of(client).retrieve(privateKey);
        assertThat(pair.status()).as("%s", pair).isEqualTo(200);
        java.security.PublicKey restPublic = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Fixtures.bytes(pair.object(), "publicKey")));
        java.security.Signature pss = java.security.Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        pss.initVerify(restPublic);
        pss.update("a document PyKMIP had signed".getBytes(StandardCharsets.US_ASCII));
        assertThat(pss.verify(HexFormat.of().parseHex(seen.getString("signature")))).isTrue();
        assertThat(ClientAudit.about(privateKey)).extracting(record -> record.getString("operation"))
                .contains("key.create", "key.activate", "key.retrieve", "crypto.sign");
        assertThat(ClientAudit.about(publicKey)).extracting(record -> record.getString("operation"))
                .contains("key.create", "key.activate", "crypto.verify");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, ClientCredentials client, String prefix) throws IOException,
            InterruptedException {
        Path cert = dir.resolve("client.pem");
        Path key = dir.resolve("client-key.pem");
        Path ca = dir.resolve("ca.pem");
        Files.writeString(cert, client.chain().stream().map(ClientIdentities::pem).reduce("", String::concat),
                StandardCharsets.US_ASCII);
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(client.privateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);
        Files.writeString(ca, ClientIdentities.pem(ClientIdentities.internalCa()), StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder(List.of("/usr/bin/python3", FLOW.toString(), "localhost",
                String.valueOf(Suite.port(KmipClient.KMIP_PORT)), cert.toString(), key.toString(), ca.toString(),
                prefix)).redirectErrorStream(true).start();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }
}
