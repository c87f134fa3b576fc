package org.keyhaven.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Application client identities through the management API, as a crypto officer would set them up: a client with a
 * certificate issued by Keyhaven's internal CA for a key the test generated (CSR) or for a key Keyhaven generated
 * (PKCS#12 with a one-time password), further certificates, certificates of an external CA, grants, revocation,
 * disabling. Every call insists on its success status, so a test reads as the scenario it checks.
 */
public final class ClientIdentities {

    public static final String CLIENTS = "/api/v1/clients";

    private static final Object READY = new Object();

    private static X509Certificate internalCa;
    private static boolean applicationPortsReady;

    private ClientIdentities() {
    }

    /** A client name no other test uses: {@code prefix-<uuid>} (client names are lower case, 3 to 64 characters). */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static String path(String clientId, String action) {
        return CLIENTS + "/" + clientId + "/" + action;
    }

    /**
     * The internal CA's certificate as anyone gets it: {@code GET /ca.pem} on the management port, without
     * credentials. Waits (bounded) for the server's TLS identity, which Keyhaven puts in place just after it starts.
     */
    public static synchronized X509Certificate internalCa() {
        if (internalCa == null) {
            ApiResponse pem = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                    .until(() -> Api.anonymous(Api.MANAGEMENT_PORT).get("/ca.pem"), r -> r.status() == 200);
            List<X509Certificate> certificates = certificates(pem.body());
            assertThat(certificates).as("GET /ca.pem: %s", pem).hasSize(1);
            internalCa = certificates.get(0);
        }
        return internalCa;
    }

    /** A new client whose certificate the internal CA issued for an EC P-256 key generated here (CSR path). */
    public static ClientCredentials create(Account officer, String prefix) {
        return createWithCsr(officer, uniqueName(prefix), ecKeyPair("secp256r1"));
    }

    /** {@code POST /api/v1/clients {name, csr}}; fails the test unless 201. */
    public static ClientCredentials createWithCsr(Account officer, String name, KeyPair pair) {
        ApiResponse created = officer.api().post(CLIENTS, Json.createObjectBuilder().add("name", name)
                .add("csr", csr(pair, name)).build().toString());
        assertThat(created.status()).as("creating client %s: %s", name, created).isEqualTo(201);
        return ready(credentials(created.object(), pair.getPrivate()));
    }

    /** {@code POST /api/v1/clients {name}} (no CSR); fails the test unless 201. Answers the whole response body. */
    public static JsonObject createWithPkcs12(Account officer, String name) {
        ApiResponse created = officer.api().post(CLIENTS, Json.createObjectBuilder().add("name", name).build()
                .toString());
        assertThat(created.status()).as("creating client %s: %s", name, created).isEqualTo(201);
        PlantedSecrets.remember(created.object().getString("pkcs12Password"));
        return created.object();
    }

    /** The key and chain of a PKCS#12 issued by Keyhaven, opened with the one-time password that came with it. */
    public static ClientCredentials fromPkcs12(JsonObject issued) {
        char[] password = issued.getString("pkcs12Password").toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(Base64.getDecoder().decode(issued.getString("pkcs12"))), password);
            List<String> aliases = java.util.Collections.list(store.aliases());
            assertThat(aliases).as("entries of the PKCS#12").hasSize(1);
            String alias = aliases.get(0);
            assertThat(store.isKeyEntry(alias)).as("the PKCS#12 entry holds a private key").isTrue();
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            JsonObject client = issued.getJsonObject("client");
            return ready(new ClientCredentials(client.getString("id"), client.getString("name"),
                    issued.getString("fingerprint"), key,
                    Arrays.stream(chain).map(X509Certificate.class::cast).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the PKCS#12 does not open with its password", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Another certificate of the client from the internal CA, for a fresh EC P-256 key (CSR). */
    public static ClientCredentials issueAnother(Account officer, ClientCredentials client) {
        KeyPair pair = ecKeyPair("secp256r1");
        ApiResponse issued = officer.api().post(path(client.clientId(), "certificates"),
                Json.createObjectBuilder().add("csr", csr(pair, client.clientName())).build().toString());
        assertThat(issued.status()).as("issuing another certificate to %s: %s", client, issued).isEqualTo(201);
        return credentials(issued.object(), pair.getPrivate());
    }

    /** {@code POST /api/v1/clients/{id}/certificates/register}: a certificate of an external CA for this client. */
    public static ApiResponse register(Account officer, String clientId, X509Certificate certificate) {
        return officer.api().post(path(clientId, "certificates/register"),
                Json.createObjectBuilder().add("certificate", pem(certificate)).build().toString());
    }

    /** Replaces the client's grants; fails the test unless 200. */
    public static JsonObject grant(Account officer, String clientId, JsonArrayBuilder grants) {
        JsonArray body = grants.build();
        ApiResponse response = officer.api().put(path(clientId, "grants"), body.toString());
        assertThat(response.status()).as("grants %s: %s", body, response).isEqualTo(200);
        return response.object();
    }

    /** Grants the operations on one key, by id, replacing the client's other grants. */
    public static JsonObject grantKey(Account officer, ClientCredentials client, String keyId, String... operations) {
        return grant(officer, client.clientId(), Json.createArrayBuilder().add(byKeyId(keyId, operations)));
    }

    public static JsonObjectBuilder byKeyId(String keyId, String... operations) {
        return Json.createObjectBuilder().add("keyId", keyId).add("operations", Json.createArrayBuilder(
                Arrays.asList(operations)));
    }

    public static JsonObjectBuilder byName(String name, String... operations) {
        return Json.createObjectBuilder().add("name", name).add("operations", Json.createArrayBuilder(
                Arrays.asList(operations)));
    }

    public static JsonObjectBuilder byNamePrefix(String prefix, String... operations) {
        return Json.createObjectBuilder().add("namePrefix", prefix).add("operations", Json.createArrayBuilder(
                Arrays.asList(operations)));
    }

    /** Revokes this certificate of the client; fails the test unless 200. */
    public static JsonObject revoke(Account officer, ClientCredentials client) {
        return act(officer, path(client.clientId(), "certificates/" + client.fingerprint() + "/revoke"));
    }

    public static JsonObject disable(Account officer, String clientId) {
        return act(officer, path(clientId, "disable"));
    }

    public static JsonObject enable(Account officer, String clientId) {
        return act(officer, path(clientId, "enable"));
    }

    private static JsonObject act(Account officer, String path) {
        ApiResponse response = officer.api().post(path);
        assertThat(response.status()).as("POST %s: %s", path, response).isEqualTo(200);
        return response.object();
    }

    /** The credentials in an issuing answer ({@code {client, fingerprint, certificateChain}}) with the key. */
    public static ClientCredentials credentials(JsonObject issued, PrivateKey key) {
        JsonObject client = issued.getJsonObject("client");
        return new ClientCredentials(client.getString("id"), client.getString("name"), issued.getString("fingerprint"),
                key, certificates(issued.getString("certificateChain")));
    }

    public static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#10 request in PEM, signed by the pair's private key (Bouncy Castle builder, JDK signature). */
    public static String csr(KeyPair pair, String commonName) {
        String algorithm = "RSA".equals(pair.getPublic().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName), pair.getPublic())
                    .build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())).getEncoded();
            return pem("CERTIFICATE REQUEST", der);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Every certificate of a PEM text, in order. */
    public static List<X509Certificate> certificates(String pem) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not PEM certificates: " + pem, e);
        }
    }

    /** SHA-256 over the DER encoding, lower-case hex: how Keyhaven names certificates. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keyhaven publishes its client trust store just after it starts; the first client of this test run waits
     * (bounded) until the application ports accept an internal-CA certificate, so no test depends on being second.
     */
    private static ClientCredentials ready(ClientCredentials credentials) {
        synchronized (READY) {
            if (!applicationPortsReady) {
                for (int port : new int[] {AppClient.RETRIEVAL_PORT, AppClient.ENCRYPTION_PORT}) {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                            .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                            .until(() -> AppClient.of(credentials).get(port, "/openapi").status() == 200);
                }
                applicationPortsReady = true;
            }
        }
        return credentials;
    }
}
