package org.keyhaven.it.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.it.application.ClientAudit.refusal;
import static org.keyhaven.it.application.ClientAudit.success;
import static org.keyhaven.it.support.AppClient.RETRIEVAL_PORT;
import static org.keyhaven.it.support.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AppClient;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;

/**
 * Key retrieval (port 6000) by application clients over mutual TLS: the key material in base64, only for exportable
 * keys, only with the retrieve grant, only from Active or Deactivated keys and only for versions from the minimum
 * decryption version up. Every retrieval, allowed or refused, is audited with the client and the key version.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyRetrievalIT {

    /** Every field of a retrieval answer (null ones are left out). */
    private static final Set<String> FIELDS = Set.of("id", "name", "version", "algorithm", "length", "curve", "format",
            "key", "publicKey");

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void aGrantedClientRetrievesAnExportableKeyByIdAndByName() {
        Account officer = Fixtures.officer();
        JsonObject key = Fixtures.aes("retrieve", true);
        String keyId = key.getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "retrieve");
        ClientIdentities.grantKey(officer, client, keyId, "retrieve");
        AppClient app = AppClient.of(client);

        ApiResponse byId = app.retrieve(keyId);
        ApiResponse byName = app.retrieve(key.getString("name"));

        assertThat(byId.status()).as("%s", byId).isEqualTo(200);
        assertThat(byId.contentType()).startsWith("application/json");
        JsonObject retrieved = byId.object();
        assertThat(retrieved.keySet()).isSubsetOf(FIELDS).doesNotContain("publicKey", "curve");
        assertThat(retrieved.getString("id")).isEqualTo(keyId);
        assertThat(retrieved.getString("name")).isEqualTo(key.getString("name"));
        assertThat(retrieved.getInt("version")).isEqualTo(1);
        assertThat(retrieved.getString("algorithm")).isEqualTo("AES");
        assertThat(retrieved.getInt("length")).isEqualTo(256);
        assertThat(retrieved.getString("format")).isEqualTo("RAW");
        assertThat(Fixtures.bytes(retrieved, "key")).hasSize(32);
        assertThat(byName.status()).as("%s", byName).isEqualTo(200);
        assertThat(byName.object()).isEqualTo(retrieved);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "key.retrieve", RETRIEVAL_PORT, 1),
                success(client, "key.retrieve", RETRIEVAL_PORT, 1));
        assertThat(ClientAudit.about(keyId)).allSatisfy(record ->
                assertThat(record.getString("details", "")).doesNotContain(retrieved.getString("key")));
    }

    @Test
    void olderVersionsAreRetrievedUntilTheMinimumDecryptionVersionPassesThem() {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("versions", true).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "versions");
        ClientIdentities.grantKey(officer, client, keyId, "retrieve");
        AppClient app = AppClient.of(client);
        byte[] first = Fixtures.bytes(app.retrieve(keyId).object(), "key");

        Fixtures.act(keyId, "rotate");

        JsonObject current = app.retrieve(keyId).object();
        assertThat(current.getInt("version")).isEqualTo(2);
        assertThat(Fixtures.bytes(current, "key")).hasSize(32).isNotEqualTo(first);
        JsonObject old = app.retrieve(keyId, 1).object();
        assertThat(old.getInt("version")).isEqualTo(1);
        assertThat(Fixtures.bytes(old, "key")).isEqualTo(first);
        assertProblem(app.retrieve(keyId, 3), 409, "key-not-usable");

        Fixtures.minDecryptionVersion(keyId, 2);

        assertProblem(app.retrieve(keyId, 1), 409, "key-not-usable");
        assertThat(app.retrieve(keyId, 2).object().getInt("version")).isEqualTo(2);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "key.retrieve", RETRIEVAL_PORT, 1),
                success(client, "key.retrieve", RETRIEVAL_PORT, 2),
                success(client, "key.retrieve", RETRIEVAL_PORT, 1),
                refusal(client, "key.retrieve", RETRIEVAL_PORT, 3, "key-not-usable"),
                refusal(client, "key.retrieve", RETRIEVAL_PORT, 1, "key-not-usable"),
                success(client, "key.retrieve", RETRIEVAL_PORT, 2));
    }

    @Test
    void aDeactivatedKeyIsStillRetrievedButNotAPreActiveCompromisedOrDestroyedOne() {
        Account officer = Fixtures.officer();
        String deactivated = Fixtures.aes("deactivated", true).getString("id");
        Fixtures.act(deactivated, "rotate");
        Fixtures.act(deactivated, "deactivate");
        String preActive = Keys.create(officer.api(), Keys.aes(Keys.uniqueName("pre-active")).add("exportable", true))
                .getString("id");
        String compromised = Fixtures.aes("compromised", true).getString("id");
        assertThat(officer.api().post(Keys.path(compromised, "revoke"), Json.createObjectBuilder()
                .add("reason", "KEY_COMPROMISE").build().toString()).status()).isEqualTo(200);
        String destroyed = Fixtures.aes("destroyed", true).getString("id");
        Fixtures.act(destroyed, "deactivate");
        assertThat(officer.api().delete(Keys.path(destroyed)).status()).isEqualTo(200);
        ClientCredentials client = ClientIdentities.create(officer, "states");
        ClientIdentities.grant(officer, client.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byKeyId(deactivated, "retrieve"))
                .add(ClientIdentities.byKeyId(preActive, "retrieve"))
                .add(ClientIdentities.byKeyId(compromised, "retrieve"))
                .add(ClientIdentities.byKeyId(destroyed, "retrieve")));
        AppClient app = AppClient.of(client);

        assertThat(app.retrieve(deactivated).object().getInt("version")).isEqualTo(2);
        assertThat(app.retrieve(deactivated, 1).object().getInt("version")).isEqualTo(1);
        assertProblem(app.retrieve(preActive), 409, "key-not-usable");
        assertProblem(app.retrieve(compromised), 409, "key-not-usable");
        assertProblem(app.retrieve(destroyed), 409, "key-not-usable");

        assertThat(ClientAudit.about(deactivated)).extracting(ClientAudit::entry).containsExactly(
                success(client, "key.retrieve", RETRIEVAL_PORT, 2),
                success(client, "key.retrieve", RETRIEVAL_PORT, 1));
        assertThat(ClientAudit.about(preActive)).extracting(ClientAudit::entry).containsExactly(
                refusal(client, "key.retrieve", RETRIEVAL_PORT, 1, "key-not-usable"));
        assertThat(ClientAudit.about(compromised)).extracting(ClientAudit::entry).containsExactly(
                refusal(client, "key.retrieve", RETRIEVAL_PORT, 1, "key-not-usable"));
        assertThat(ClientAudit.about(destroyed)).extracting(ClientAudit::entry).containsExactly(
                refusal(client, "key.retrieve", RETRIEVAL_PORT, 1, "key-not-usable"));
    }

    @Test
    void aKeyThatIsNotExportableIsNeverRetrievedEvenWhenGranted() {
        Account officer = Fixtures.officer();
        JsonObject key = Fixtures.aes("not-exportable", false);
        String keyId = key.getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "not-exportable");
        ClientIdentities.grantKey(officer, client, keyId, "retrieve", "encrypt");
        AppClient app = AppClient.of(client);

        ApiResponse refused = app.retrieve(keyId);

        assertProblem(refused, 403, "key-not-exportable");
        assertProblem(app.retrieve(key.getString("name")), 403, "key-not-exportable");
        assertThat(app.crypto("encrypt", Json.createObjectBuilder().add("key", keyId)
                .add("plaintext", Fixtures.b64(new byte[] {1})).build()).status())
                .as("the key is still usable through the encryption services").isEqualTo(200);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                refusal(client, "key.retrieve", RETRIEVAL_PORT, 1, "key-not-exportable"),
                refusal(client, "key.retrieve", RETRIEVAL_PORT, 1, "key-not-exportable"),
                success(client, "crypto.encrypt", AppClient.ENCRYPTION_PORT, 1));
    }

    @Test
    void grantsByNameAndByNamePrefixCoverExactlyTheKeysTheyName() {
        Account officer = Fixtures.officer();
        String prefix = Keys.uniquePrefix("team");
        JsonObject a = Fixtures.key(Keys.aes(prefix + "a"), true);
        JsonObject b = Fixtures.key(Keys.aes(prefix + "b"), true);
        JsonObject named = Fixtures.aes("named", true);
        JsonObject encryptOnly = Fixtures.aes("encrypt-only", true);
        JsonObject other = Fixtures.aes("other", true);
        ClientCredentials client = ClientIdentities.create(officer, "by-name");
        ClientIdentities.grant(officer, client.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix(prefix, "retrieve"))
                .add(ClientIdentities.byName(named.getString("name"), "retrieve"))
                .add(ClientIdentities.byName(encryptOnly.getString("name"), "encrypt")));
        AppClient app = AppClient.of(client);

        assertThat(app.retrieve(a.getString("id")).object().getString("name")).isEqualTo(prefix + "a");
        assertThat(app.retrieve(prefix + "b").object().getString("id")).isEqualTo(b.getString("id"));
        assertThat(app.retrieve(named.getString("id")).status()).isEqualTo(200);
        assertProblem(app.retrieve(encryptOnly.getString("name")), 403, "not-granted");
        assertProblem(app.retrieve(other.getString("name")), 403, "not-granted");
        assertProblem(app.retrieve(other.getString("id")), 403, "not-granted");
        assertProblem(app.retrieve(prefix + "missing"), 404, "key-not-found");
        assertProblem(app.retrieve(Keys.uniqueName("missing")), 403, "not-granted");

        assertThat(ClientAudit.about(other.getString("id"))).extracting(ClientAudit::entry).containsExactly(
                refusal(client, "key.retrieve", RETRIEVAL_PORT, 1, "not-granted"),
                refusal(client, "key.retrieve", RETRIEVAL_PORT, 1, "not-granted"));
        assertThat(ClientAudit.about(prefix + "missing")).extracting(ClientAudit::entry).containsExactly(
                refusal(client, "key.retrieve", RETRIEVAL_PORT, null, "key-not-found"));
    }

    @Test
    void aKeyPairIsRetrievedAsAPkcs8PrivateKeyAndItsX509PublicKey() throws Exception {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.key(Keys.request(Keys.uniqueName("pair"), "EC").add("curve", "P-256"), true)
                .getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "pair");
        ClientIdentities.grantKey(officer, client, keyId, "retrieve");

        JsonObject retrieved = AppClient.of(client).retrieve(keyId).object();

        assertThat(retrieved.getString("algorithm")).isEqualTo("EC");
        assertThat(retrieved.getString("curve")).isEqualTo("P-256");
        assertThat(retrieved.getString("format")).isEqualTo("PKCS8");
        KeyFactory factory = KeyFactory.getInstance("EC");
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Fixtures.bytes(retrieved, "key")));
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Fixtures.bytes(retrieved, "publicKey")));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(new byte[] {7});
        byte[] signature = signer.sign();
        signer.initVerify(publicKey);
        signer.update(new byte[] {7});
        assertThat(signer.verify(signature)).as("the private and the public key belong together").isTrue();
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "key.retrieve", RETRIEVAL_PORT, 1));
    }
}
