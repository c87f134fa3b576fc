package org.keyhaven.it.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.keyhaven.it.application.ClientAudit.refusal;
import static org.keyhaven.it.application.ClientAudit.success;
import static org.keyhaven.it.support.AppClient.ENCRYPTION_PORT;
import static org.keyhaven.it.support.AppClient.RETRIEVAL_PORT;
import static org.keyhaven.it.support.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AppClient;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;

/**
 * The encryption services (port 6003) called over mutual TLS by application clients, each result cross-checked with
 * an independent implementation: AES-GCM and RSA-OAEP envelopes opened and made by the JDK from the published format
 * with the key retrieved from port 6000, signatures and MACs checked against the JDK's, data keys against their
 * wrapped copies. Grants, usage masks, lifecycle states and the minimum decryption version are enforced; altered
 * ciphertext or other associated data is refused as invalid, never answered with garbage; batches answer item by
 * item; oversized requests are refused with 413. Every call leaves an audit record naming the client and the key
 * version.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EncryptionServicesIT {

    private static final byte[] AAD = "order 4711".getBytes(StandardCharsets.UTF_8);

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void anAesCiphertextIsTheDocumentedEnvelopeThatTheJdkOpensWithTheRetrievedKey() throws Exception {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("gcm", true).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "gcm");
        ClientIdentities.grantKey(officer, client, keyId, "encrypt", "decrypt", "retrieve");
        AppClient app = AppClient.of(client);
        byte[] plaintext = "the quick brown fox".getBytes(StandardCharsets.UTF_8);

        JsonObject encrypted = ok(app.crypto("encrypt", encrypt(keyId, plaintext, AAD)));

        assertThat(encrypted.getString("keyId")).isEqualTo(keyId);
        assertThat(encrypted.getInt("version")).isEqualTo(1);
        byte[] envelope = Fixtures.bytes(encrypted, "ciphertext");
        assertThat(Arrays.copyOf(envelope, 4)).containsExactly('K', 'H', 1, Envelopes.AES_GCM);
        assertThat(Envelopes.keyId(envelope)).isEqualTo(UUID.fromString(keyId));
        assertThat(Envelopes.version(envelope)).isEqualTo(1);
        assertThat(envelope).hasSize(Envelopes.HEADER + 12 + plaintext.length + 16);
        JsonObject retrieved = ok(app.retrieve(keyId));
        byte[] key = Fixtures.bytes(retrieved, "key");
        assertThat(key).hasSize(32);
        assertThat(retrieved.getInt("version")).isEqualTo(Envelopes.version(envelope));
        assertThat(Envelopes.openAesGcm(envelope, key, AAD)).isEqualTo(plaintext);
        assertThatThrownBy(() -> Envelopes.openAesGcm(envelope, key, new byte[0]))
                .isInstanceOf(AEADBadTagException.class);
        byte[] madeHere = Envelopes.sealAesGcm(UUID.fromString(keyId), 1, key, plaintext, AAD);
        JsonObject decrypted = ok(app.crypto("decrypt", decrypt(madeHere, AAD)));
        assertThat(Fixtures.bytes(decrypted, "plaintext")).isEqualTo(plaintext);
        assertThat(decrypted.getString("keyId")).isEqualTo(keyId);
        assertThat(decrypted.getInt("version")).isEqualTo(1);
        assertThat(Fixtures.bytes(ok(app.crypto("encrypt", encrypt(keyId, plaintext, AAD))), "ciphertext"))
                .as("a fresh nonce every time").isNotEqualTo(envelope);

        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "crypto.encrypt", ENCRYPTION_PORT, 1),
                success(client, "key.retrieve", RETRIEVAL_PORT, 1),
                success(client, "crypto.decrypt", ENCRYPTION_PORT, 1),
                success(client, "crypto.encrypt", ENCRYPTION_PORT, 1));
    }

    @Test
    void anRsaCiphertextIsOpenedByTheJdkWithTheRetrievedPrivateKey() throws Exception {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.rsa("oaep", true, "ENCRYPT", "DECRYPT").getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "oaep");
        ClientIdentities.grantKey(officer, client, keyId, "encrypt", "decrypt", "retrieve");
        AppClient app = AppClient.of(client);
        byte[] plaintext = "a secret of 32 bytes, or so....".getBytes(StandardCharsets.UTF_8);

        byte[] envelope = Fixtures.bytes(ok(app.crypto("encrypt", encrypt(keyId, plaintext, AAD))), "ciphertext");

        assertThat(Envelopes.algorithm(envelope)).isEqualTo(Envelopes.RSA_OAEP);
        assertThat(envelope).hasSize(Envelopes.HEADER + 256);
        PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Fixtures.bytes(ok(app.retrieve(keyId)), "key")));
        assertThat(Envelopes.openRsaOaep(envelope, privateKey, AAD)).isEqualTo(plaintext);
        assertThat(Fixtures.bytes(ok(app.crypto("decrypt", decrypt(envelope, AAD))), "plaintext"))
                .isEqualTo(plaintext);
        assertProblem(app.crypto("decrypt", decrypt(envelope, "other".getBytes(StandardCharsets.UTF_8))), 400,
                "invalid-ciphertext");
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "crypto.encrypt", ENCRYPTION_PORT, 1),
                success(client, "key.retrieve", RETRIEVAL_PORT, 1),
                success(client, "crypto.decrypt", ENCRYPTION_PORT, 1),
                refusal(client, "crypto.decrypt", ENCRYPTION_PORT, 1, "invalid-ciphertext"));
    }

    @Test
    void ciphertextFromBeforeARotationDecryptsUntilTheMinimumDecryptionVersionPassesIt() {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("rotation", false).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "rotation");
        ClientIdentities.grantKey(officer, client, keyId, "encrypt", "decrypt");
        AppClient app = AppClient.of(client);
        byte[] plaintext = "before the rotation".getBytes(StandardCharsets.UTF_8);
        byte[] v1 = Fixtures.bytes(ok(app.crypto("encrypt", encrypt(keyId, plaintext, null))), "ciphertext");

        Fixtures.act(keyId, "rotate");

        JsonObject old = ok(app.crypto("decrypt", decrypt(v1, null)));
        assertThat(Fixtures.bytes(old, "plaintext")).isEqualTo(plaintext);
        assertThat(old.getInt("version")).isEqualTo(1);
        JsonObject fresh = ok(app.crypto("encrypt", encrypt(keyId, plaintext, null)));
        assertThat(fresh.getInt("version")).isEqualTo(2);
        assertThat(Envelopes.version(Fixtures.bytes(fresh, "ciphertext"))).isEqualTo(2);
        JsonObject rewrapped = ok(app.crypto("rewrap", decrypt(v1, null)));
        assertThat(rewrapped.getInt("version")).isEqualTo(2);
        byte[] v2 = Fixtures.bytes(rewrapped, "ciphertext");
        assertThat(Envelopes.version(v2)).isEqualTo(2);

        Fixtures.minDecryptionVersion(keyId, 2);

        assertProblem(app.crypto("decrypt", decrypt(v1, null)), 409, "key-not-usable");
        assertProblem(app.crypto("rewrap", decrypt(v1, null)), 409, "key-not-usable");
        assertThat(Fixtures.bytes(ok(app.crypto("decrypt", decrypt(v2, null))), "plaintext")).isEqualTo(plaintext);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "crypto.encrypt", ENCRYPTION_PORT, 1),
                success(client, "crypto.decrypt", ENCRYPTION_PORT, 1),
                success(client, "crypto.encrypt", ENCRYPTION_PORT, 2),
                success(client, "crypto.rewrap", ENCRYPTION_PORT, 2),
                refusal(client, "crypto.decrypt", ENCRYPTION_PORT, 1, "key-not-usable"),
                refusal(client, "crypto.rewrap", ENCRYPTION_PORT, 1, "key-not-usable"),
                success(client, "crypto.decrypt", ENCRYPTION_PORT, 2));
    }

    /**
     * Ways to alter an AES-GCM ciphertext of 5 bytes made with version 2 of a key that has versions 1 and 2, and the
     * key version the refusal is audited with (none when the envelope does not even parse).
     */
    static Stream<Arguments> alterations() {
        return Stream.of(
                alteration("a flipped bit in the tag", 2, c -> flip(c, c.length - 1)),
                alteration("a flipped bit in the ciphertext", 2, c -> flip(c, Envelopes.HEADER + 12)),
                alteration("a flipped bit in the nonce", 2, c -> flip(c, Envelopes.HEADER)),
                alteration("the header naming version 1", 1, c -> flip(c, Envelopes.HEADER - 1, 3)),
                alteration("the tag cut off", null, c -> Arrays.copyOf(c, c.length - 16)),
                alteration("only the header", null, c -> Arrays.copyOf(c, Envelopes.HEADER)),
                alteration("another magic", null, c -> flip(c, 0)),
                alteration("format version 2", null, c -> flip(c, 2, 3)),
                alteration("an unknown algorithm", null, c -> flip(c, 3, 0x7f)),
                alteration("nothing at all", null, c -> new byte[0]),
                alteration("random bytes", null,
                        c -> UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)));
    }

    private static Arguments alteration(String name, Integer auditedVersion, UnaryOperator<byte[]> alter) {
        return Arguments.of(name, auditedVersion, alter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alterations")
    void anAlteredCiphertextIsRefusedAsInvalidNeverDecryptedToGarbage(String alteration, Integer auditedVersion,
            UnaryOperator<byte[]> alter) {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("altered", false).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "altered");
        ClientIdentities.grantKey(officer, client, keyId, "encrypt", "decrypt");
        AppClient app = AppClient.of(client);
        Fixtures.act(keyId, "rotate");
        JsonObject v2 = ok(app.crypto("encrypt", encrypt(keyId, "hello".getBytes(StandardCharsets.UTF_8), null)));
        byte[] genuine = Fixtures.bytes(v2, "ciphertext");
        assertThat(Fixtures.bytes(ok(app.crypto("decrypt", decrypt(genuine, null))), "plaintext"))
                .as("the genuine ciphertext decrypts").isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        long before = ClientAudit.head();

        ApiResponse refused = app.crypto("decrypt", decrypt(alter.apply(genuine.clone()), null));

        assertProblem(refused, 400, "invalid-ciphertext");
        assertThat(refused.object().keySet()).doesNotContain("plaintext");
        assertThat(ClientAudit.by(client, before)).extracting(record -> AuditTrail.field(record, "objectId"),
                ClientAudit::entry).containsExactly(tuple(auditedVersion == null ? null : keyId,
                        refusal(client, "crypto.decrypt", ENCRYPTION_PORT, auditedVersion, "invalid-ciphertext")));
    }

    @Test
    void associatedDataMustBeGivenAgainExactlyAsAtEncryption() {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("aad", false).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "aad");
        ClientIdentities.grantKey(officer, client, keyId, "encrypt", "decrypt");
        AppClient app = AppClient.of(client);
        byte[] plaintext = "bound to an order".getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = Fixtures.bytes(ok(app.crypto("encrypt", encrypt(keyId, plaintext, AAD))), "ciphertext");
        byte[] unbound = Fixtures.bytes(ok(app.crypto("encrypt", encrypt(keyId, plaintext, null))), "ciphertext");

        assertProblem(app.crypto("decrypt", decrypt(ciphertext, "order 4712".getBytes(StandardCharsets.UTF_8))),
                400, "invalid-ciphertext");
        assertProblem(app.crypto("decrypt", decrypt(ciphertext, null)), 400, "invalid-ciphertext");
        assertProblem(app.crypto("decrypt", decrypt(unbound, AAD)), 400, "invalid-ciphertext");
        assertThat(Fixtures.bytes(ok(app.crypto("decrypt", decrypt(ciphertext, AAD))), "plaintext"))
                .isEqualTo(plaintext);
        assertThat(Fixtures.bytes(ok(app.crypto("decrypt", decrypt(unbound, null))), "plaintext"))
                .isEqualTo(plaintext);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "crypto.encrypt", ENCRYPTION_PORT, 1),
                success(client, "crypto.encrypt", ENCRYPTION_PORT, 1),
                refusal(client, "crypto.decrypt", ENCRYPTION_PORT, 1, "invalid-ciphertext"),
                refusal(client, "crypto.decrypt", ENCRYPTION_PORT, 1, "invalid-ciphertext"),
                refusal(client, "crypto.decrypt", ENCRYPTION_PORT, 1, "invalid-ciphertext"),
                success(client, "crypto.decrypt", ENCRYPTION_PORT, 1),
                success(client, "crypto.decrypt", ENCRYPTION_PORT, 1));
    }

    @Test
    void aBatchAnswersEveryItemInOrderAndRefusesOnlyTheBadOnes() {
        Account officer = Fixtures.officer();
        JsonObject good = Fixtures.aes("batch-good", false);
        String goodId = good.getString("id");
        String notGranted = Fixtures.aes("batch-not-granted", false).getString("id");
        String deactivated = Fixtures.aes("batch-deactivated", false).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "batch");
        ClientIdentities.grant(officer, client.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byKeyId(goodId, "encrypt", "decrypt"))
                .add(ClientIdentities.byKeyId(deactivated, "encrypt", "decrypt")));
        AppClient app = AppClient.of(client);
        byte[] fromDeactivated = Fixtures.bytes(ok(app.crypto("encrypt", encrypt(deactivated, new byte[] {9}, null))),
                "ciphertext");
        Fixtures.act(deactivated, "deactivate");
        long before = ClientAudit.head();

        JsonArray encrypted = okArray(app.crypto("encrypt", Json.createArrayBuilder()
                .add(encrypt(goodId, new byte[] {0}, null))
                .add(encrypt(notGranted, new byte[] {1}, null))
                .add(Json.createObjectBuilder().add("key", goodId))
                .add(encrypt(deactivated, new byte[] {3}, null))
                .add(encrypt(good.getString("name"), new byte[] {4}, AAD))
                .build()));

        assertThat(encrypted).hasSize(5);
        assertThat(encrypted.getJsonObject(0).getString("keyId")).isEqualTo(goodId);
        assertItemError(encrypted.getJsonObject(1), 403, "not-granted");
        assertItemError(encrypted.getJsonObject(2), 400, "invalid-request");
        assertItemError(encrypted.getJsonObject(3), 409, "key-not-usable");
        assertThat(encrypted.getJsonObject(4).getString("keyId")).isEqualTo(goodId);
        byte[] first = Fixtures.bytes(encrypted.getJsonObject(0), "ciphertext");
        byte[] last = Fixtures.bytes(encrypted.getJsonObject(4), "ciphertext");

        JsonArray decrypted = okArray(app.crypto("decrypt", Json.createArrayBuilder()
                .add(decrypt(first, null))
                .add(decrypt(flip(first.clone(), first.length - 1), null))
                .add(decrypt(last, AAD))
                .add(decrypt(last, null))
                .add(decrypt(fromDeactivated, null))
                .build()));

        assertThat(decrypted).hasSize(5);
        assertThat(Fixtures.bytes(decrypted.getJsonObject(0), "plaintext")).containsExactly(0);
        assertItemError(decrypted.getJsonObject(1), 400, "invalid-ciphertext");
        assertThat(Fixtures.bytes(decrypted.getJsonObject(2), "plaintext")).containsExactly(4);
        assertItemError(decrypted.getJsonObject(3), 400, "invalid-ciphertext");
        assertThat(Fixtures.bytes(decrypted.getJsonObject(4), "plaintext")).containsExactly(9);
        assertThat(ClientAudit.by(client, before)).extracting(record -> AuditTrail.field(record, "objectId"),
                ClientAudit::entry).containsExactlyInAnyOrder(
                        tuple(goodId, success(client, "crypto.encrypt", ENCRYPTION_PORT, 1)),
                        tuple(notGranted, refusal(client, "crypto.encrypt", ENCRYPTION_PORT, 1, "not-granted")),
                        tuple(null, refusal(client, "crypto.encrypt", ENCRYPTION_PORT, null, "invalid-request")),
                        tuple(deactivated, refusal(client, "crypto.encrypt", ENCRYPTION_PORT, 1, "key-not-usable")),
                        tuple(goodId, success(client, "crypto.encrypt", ENCRYPTION_PORT, 1)),
                        tuple(goodId, success(client, "crypto.decrypt", ENCRYPTION_PORT, 1)),
                        tuple(goodId, refusal(client, "crypto.decrypt", ENCRYPTION_PORT, 1, "invalid-ciphertext")),
                        tuple(goodId, success(client, "crypto.decrypt", ENCRYPTION_PORT, 1)),
                        tuple(goodId, refusal(client, "crypto.decrypt", ENCRYPTION_PORT, 1, "invalid-ciphertext")),
                        tuple(deactivated, success(client, "crypto.decrypt", ENCRYPTION_PORT, 1)));
    }

    @Test
    void aDeactivatedKeyStillDecryptsButNoLongerEncrypts() {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("deactivated", false).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "deactivated");
        ClientIdentities.grantKey(officer, client, keyId, "encrypt", "decrypt", "datakey");
        AppClient app = AppClient.of(client);
        byte[] plaintext = {1, 2, 3};
        byte[] ciphertext = Fixtures.bytes(ok(app.crypto("encrypt", encrypt(keyId, plaintext, null))), "ciphertext");

        Fixtures.act(keyId, "deactivate");

        assertProblem(app.crypto("encrypt", encrypt(keyId, plaintext, null)), 409, "key-not-usable");
        assertProblem(app.crypto("datakey", Json.createObjectBuilder().add("key", keyId).build()), 409,
                "key-not-usable");
        assertThat(Fixtures.bytes(ok(app.crypto("decrypt", decrypt(ciphertext, null))), "plaintext"))
                .isEqualTo(plaintext);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "crypto.encrypt", ENCRYPTION_PORT, 1),
                refusal(client, "crypto.encrypt", ENCRYPTION_PORT, 1, "key-not-usable"),
                refusal(client, "crypto.datakey", ENCRYPTION_PORT, 1, "key-not-usable"),
                success(client, "crypto.decrypt", ENCRYPTION_PORT, 1));
    }

    @Test
    void aKeyIsUsedOnlyForWhatItsUsageMaskAllowsWhateverTheGrant() {
        Account officer = Fixtures.officer();
        String rsa = Fixtures.rsa("encrypt-only", false, "ENCRYPT", "DECRYPT").getString("id");
        String aes = Fixtures.aes("aes-no-mac", false).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "usage");
        ClientIdentities.grant(officer, client.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byKeyId(rsa, "sign", "verify", "encrypt"))
                .add(ClientIdentities.byKeyId(aes, "mac", "sign")));
        AppClient app = AppClient.of(client);
        JsonObjectBuilder sign = Json.createObjectBuilder().add("key", rsa).add("message", Fixtures.b64(new byte[8]));

        assertProblem(app.crypto("sign", sign.build()), 409, "key-not-usable");
        assertProblem(app.crypto("verify", Json.createObjectBuilder().add("key", rsa)
                .add("message", Fixtures.b64(new byte[8])).add("signature", Fixtures.b64(new byte[256])).build()),
                409, "key-not-usable");
        assertProblem(app.crypto("sign", Json.createObjectBuilder().add("key", aes)
                .add("message", Fixtures.b64(new byte[8])).build()), 409, "key-not-usable");
        assertProblem(app.crypto("mac", Json.createObjectBuilder().add("key", aes)
                .add("message", Fixtures.b64(new byte[8])).build()), 409, "key-not-usable");
        assertThat(ok(app.crypto("encrypt", encrypt(rsa, new byte[8], null))).getInt("version"))
                .as("what the mask and the grant both allow").isEqualTo(1);
        assertThat(ClientAudit.about(rsa)).extracting(ClientAudit::entry).containsExactly(
                refusal(client, "crypto.sign", ENCRYPTION_PORT, 1, "key-not-usable"),
                refusal(client, "crypto.verify", ENCRYPTION_PORT, 1, "key-not-usable"),
                success(client, "crypto.encrypt", ENCRYPTION_PORT, 1));
        assertThat(ClientAudit.about(aes)).extracting(ClientAudit::entry).containsExactly(
                refusal(client, "crypto.sign", ENCRYPTION_PORT, 1, "key-not-usable"),
                refusal(client, "crypto.mac", ENCRYPTION_PORT, 1, "key-not-usable"));
    }

    @Test
    void eachOperationNeedsItsOwnGrant() {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("own-grant", false).getString("id");
        ClientCredentials encryptor = ClientIdentities.create(officer, "encryptor");
        ClientIdentities.grantKey(officer, encryptor, keyId, "encrypt");
        ClientCredentials decryptor = ClientIdentities.create(officer, "decryptor");
        ClientIdentities.grantKey(officer, decryptor, keyId, "decrypt");
        byte[] ciphertext = Fixtures.bytes(ok(AppClient.of(encryptor).crypto("encrypt",
                encrypt(keyId, new byte[] {5}, null))), "ciphertext");

        assertProblem(AppClient.of(encryptor).crypto("decrypt", decrypt(ciphertext, null)), 403, "not-granted");
        assertProblem(AppClient.of(decryptor).crypto("encrypt", encrypt(keyId, new byte[] {5}, null)), 403,
                "not-granted");
        assertProblem(AppClient.of(decryptor).crypto("rewrap", decrypt(ciphertext, null)), 403, "not-granted");
        assertProblem(AppClient.of(decryptor).crypto("datakey", Json.createObjectBuilder().add("key", keyId).build()),
                403, "not-granted");
        assertThat(Fixtures.bytes(ok(AppClient.of(decryptor).crypto("decrypt", decrypt(ciphertext, null))),
                "plaintext")).containsExactly(5);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(encryptor, "crypto.encrypt", ENCRYPTION_PORT, 1),
                refusal(encryptor, "crypto.decrypt", ENCRYPTION_PORT, 1, "not-granted"),
                refusal(decryptor, "crypto.encrypt", ENCRYPTION_PORT, 1, "not-granted"),
                refusal(decryptor, "crypto.rewrap", ENCRYPTION_PORT, 1, "not-granted"),
                refusal(decryptor, "crypto.datakey", ENCRYPTION_PORT, 1, "not-granted"),
                success(decryptor, "crypto.decrypt", ENCRYPTION_PORT, 1));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "EC,      P-256, ,                 ECDSA-SHA256,     SHA256withECDSA",
        "EC,      P-384, ECDSA-SHA384,     ECDSA-SHA384,     SHA384withECDSA",
        "EC,      P-521, ECDSA-SHA256,     ECDSA-SHA256,     SHA256withECDSA",
        "RSA,     2048,  ,                 RSA-PSS-SHA256,   RSASSA-PSS",
        "RSA,     3072,  RSA-PSS-SHA512,   RSA-PSS-SHA512,   RSASSA-PSS",
        "RSA,     2048,  RSA-PKCS1-SHA384, RSA-PKCS1-SHA384, SHA384withRSA",
        "Ed25519,      , ,                 Ed25519,          Ed25519",
    })
    void signaturesAreThoseTheJdkMakesAndChecksWithTheRetrievedKeyPair(String algorithm, String size,
            String requested, String scheme, String jdkName) throws Exception {
        Account officer = Fixtures.officer();
        JsonObjectBuilder request = Keys.request(Keys.uniqueName("signing"), algorithm);
        if ("EC".equals(algorithm)) {
            request.add("curve", size);
        } else if ("RSA".equals(algorithm)) {
            request.add("length", Integer.parseInt(size));
        }
        String keyId = Fixtures.key(request, true).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "signing");
        ClientIdentities.grantKey(officer, client, keyId, "sign", "verify", "retrieve");
        AppClient app = AppClient.of(client);
        byte[] message = ("message for " + scheme).getBytes(StandardCharsets.UTF_8);
        JsonObjectBuilder sign = Json.createObjectBuilder().add("key", keyId).add("message", Fixtures.b64(message));
        if (requested != null) {
            sign.add("algorithm", requested);
        }

        JsonObject signed = ok(app.crypto("sign", sign.build()));

        assertThat(signed.getString("algorithm")).isEqualTo(scheme);
        assertThat(signed.getInt("version")).isEqualTo(1);
        JsonObject pair = ok(app.retrieve(keyId));
        KeyFactory factory = KeyFactory.getInstance("Ed25519".equals(algorithm) ? "Ed25519" : algorithm);
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Fixtures.bytes(pair, "publicKey")));
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Fixtures.bytes(pair, "key")));
        Signature jdk = jdkSignature(jdkName, scheme);
        jdk.initVerify(publicKey);
        jdk.update(message);
        assertThat(jdk.verify(Fixtures.bytes(signed, "signature"))).as("the JDK verifies Keyhaven's signature")
                .isTrue();
        jdk.initSign(privateKey);
        jdk.update(message);
        byte[] madeHere = jdk.sign();
        JsonObjectBuilder verify = Json.createObjectBuilder().add("key", keyId).add("message", Fixtures.b64(message))
                .add("signature", Fixtures.b64(madeHere)).add("algorithm", scheme);
        assertThat(ok(app.crypto("verify", verify.build())).getBoolean("valid"))
                .as("Keyhaven verifies the JDK's signature").isTrue();
        byte[] other = Arrays.copyOf(message, message.length + 1);
        assertThat(ok(app.crypto("verify", Json.createObjectBuilder().add("key", keyId)
                .add("message", Fixtures.b64(other)).add("signature", Fixtures.b64(madeHere)).add("algorithm", scheme)
                .build())).getBoolean("valid")).as("another message").isFalse();
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "crypto.sign", ENCRYPTION_PORT, 1),
                success(client, "key.retrieve", RETRIEVAL_PORT, 1),
                success(client, "crypto.verify", ENCRYPTION_PORT, 1),
                success(client, "crypto.verify", ENCRYPTION_PORT, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"HMAC-SHA256, HmacSHA256, 32", "HMAC-SHA384, HmacSHA384, 48", "HMAC-SHA512, HmacSHA512, 64"})
    void aMacIsTheJdksHmacOverTheRetrievedKey(String algorithm, String jdkName, int length) throws Exception {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.key(Keys.request(Keys.uniqueName("hmac"), algorithm), true).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "hmac");
        ClientIdentities.grantKey(officer, client, keyId, "mac", "retrieve");
        AppClient app = AppClient.of(client);
        byte[] message = "pay 100 to alice".getBytes(StandardCharsets.UTF_8);

        JsonObject mac = ok(app.crypto("mac", Json.createObjectBuilder().add("key", keyId)
                .add("message", Fixtures.b64(message)).build()));

        assertThat(mac.getInt("version")).isEqualTo(1);
        Mac jdk = Mac.getInstance(jdkName);
        jdk.init(new SecretKeySpec(Fixtures.bytes(ok(app.retrieve(keyId)), "key"), jdkName));
        byte[] expected = jdk.doFinal(message);
        assertThat(expected).hasSize(length);
        assertThat(Fixtures.bytes(mac, "mac")).isEqualTo(expected);
        assertThat(verifyMac(app, keyId, message, expected)).isTrue();
        assertThat(verifyMac(app, keyId, message, flip(expected.clone(), 0))).isFalse();
        assertThat(verifyMac(app, keyId, message, Arrays.copyOf(expected, 16))).as("truncated").isFalse();
        assertThat(verifyMac(app, keyId, "pay 900 to alice".getBytes(StandardCharsets.UTF_8), expected)).isFalse();
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "crypto.mac", ENCRYPTION_PORT, 1),
                success(client, "key.retrieve", RETRIEVAL_PORT, 1),
                success(client, "crypto.mac.verify", ENCRYPTION_PORT, 1),
                success(client, "crypto.mac.verify", ENCRYPTION_PORT, 1),
                success(client, "crypto.mac.verify", ENCRYPTION_PORT, 1),
                success(client, "crypto.mac.verify", ENCRYPTION_PORT, 1));
    }

    @Test
    void aDataKeyIsWhatItsWrappedCopyDecryptsTo() throws Exception {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("datakey", true).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "datakey");
        ClientIdentities.grantKey(officer, client, keyId, "datakey", "decrypt", "retrieve");
        AppClient app = AppClient.of(client);

        JsonObject dataKey = ok(app.crypto("datakey", Json.createObjectBuilder().add("key", keyId)
                .add("includePlaintext", true).add("aad", Fixtures.b64(AAD)).build()));

        byte[] plaintext = Fixtures.bytes(dataKey, "plaintext");
        byte[] wrapped = Fixtures.bytes(dataKey, "ciphertext");
        assertThat(plaintext).hasSize(32);
        assertThat(dataKey.getString("keyId")).isEqualTo(keyId);
        assertThat(dataKey.getInt("version")).isEqualTo(1);
        assertThat(Fixtures.bytes(ok(app.crypto("decrypt", decrypt(wrapped, AAD))), "plaintext")).isEqualTo(plaintext);
        assertThat(Envelopes.openAesGcm(wrapped, Fixtures.bytes(ok(app.retrieve(keyId)), "key"), AAD))
                .isEqualTo(plaintext);
        JsonObject withoutPlaintext = ok(app.crypto("datakey", Json.createObjectBuilder().add("key", keyId).build()));
        assertThat(withoutPlaintext.keySet()).doesNotContain("plaintext");
        assertThat(Fixtures.bytes(ok(app.crypto("decrypt", decrypt(Fixtures.bytes(withoutPlaintext, "ciphertext"),
                null))), "plaintext")).hasSize(32).isNotEqualTo(plaintext);
        assertThat(Fixtures.bytes(ok(app.crypto("datakey", Json.createObjectBuilder().add("key", keyId)
                .add("length", 128).add("includePlaintext", true).build())), "plaintext")).hasSize(16);
        long before = ClientAudit.head();
        assertProblem(app.crypto("datakey", Json.createObjectBuilder().add("key", keyId).add("length", 100).build()),
                400, "invalid-request");
        assertThat(ClientAudit.by(client, before)).extracting(ClientAudit::entry).containsExactly(
                refusal(client, "crypto.datakey", ENCRYPTION_PORT, null, "invalid-request"));
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "crypto.datakey", ENCRYPTION_PORT, 1),
                success(client, "crypto.decrypt", ENCRYPTION_PORT, 1),
                success(client, "key.retrieve", RETRIEVAL_PORT, 1),
                success(client, "crypto.datakey", ENCRYPTION_PORT, 1),
                success(client, "crypto.decrypt", ENCRYPTION_PORT, 1),
                success(client, "crypto.datakey", ENCRYPTION_PORT, 1));
    }

    @Test
    void randomBytesComeInTheRequestedNumber() {
        ClientCredentials client = ClientIdentities.create(Fixtures.officer(), "random");
        AppClient app = AppClient.of(client);
        long before = ClientAudit.head();

        for (int length : new int[] {1, 32, 4096}) {
            assertThat(Fixtures.bytes(ok(app.crypto("random", Json.createObjectBuilder().add("length", length)
                    .build())), "bytes")).hasSize(length);
        }
        byte[] defaultLength = Fixtures.bytes(ok(app.crypto("random", JsonValue.EMPTY_JSON_OBJECT)), "bytes");
        assertThat(defaultLength).hasSize(32);
        assertThat(Fixtures.bytes(ok(app.crypto("random", JsonValue.EMPTY_JSON_OBJECT)), "bytes"))
                .isNotEqualTo(defaultLength);
        assertProblem(app.crypto("random", Json.createObjectBuilder().add("length", 0).build()), 400,
                "invalid-request");
        assertProblem(app.crypto("random", Json.createObjectBuilder().add("length", 4097).build()), 400,
                "invalid-request");
        JsonArray batch = okArray(app.crypto("random", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("length", 16)).add(Json.createObjectBuilder().add("length", -1))
                .add(JsonValue.EMPTY_JSON_OBJECT).build()));
        assertThat(Fixtures.bytes(batch.getJsonObject(0), "bytes")).hasSize(16);
        assertItemError(batch.getJsonObject(1), 400, "invalid-request");
        assertThat(Fixtures.bytes(batch.getJsonObject(2), "bytes")).hasSize(32);

        List<JsonObject> records = ClientAudit.by(client, before);
        assertThat(records).extracting(ClientAudit::entry).containsExactlyInAnyOrder(
                success(client, "crypto.random", ENCRYPTION_PORT, null),
                success(client, "crypto.random", ENCRYPTION_PORT, null),
                success(client, "crypto.random", ENCRYPTION_PORT, null),
                success(client, "crypto.random", ENCRYPTION_PORT, null),
                success(client, "crypto.random", ENCRYPTION_PORT, null),
                refusal(client, "crypto.random", ENCRYPTION_PORT, null, "invalid-request"),
                refusal(client, "crypto.random", ENCRYPTION_PORT, null, "invalid-request"),
                success(client, "crypto.random", ENCRYPTION_PORT, null),
                refusal(client, "crypto.random", ENCRYPTION_PORT, null, "invalid-request"),
                success(client, "crypto.random", ENCRYPTION_PORT, null));
        assertThat(records).filteredOn(record -> "SUCCESS".equals(record.getString("outcome")))
                .extracting(record -> record.getString("details"))
                .containsExactlyInAnyOrder("length=1", "length=32", "length=4096", "length=32", "length=32",
                        "length=16", "length=32");
    }

    @Test
    void oversizedDataAndOversizedBatchesAreRefusedWith413() {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("oversize", false).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "oversize");
        ClientIdentities.grantKey(officer, client, keyId, "encrypt");
        AppClient app = AppClient.of(client);
        int maxData = 1024 * 1024;

        assertThat(ok(app.crypto("encrypt", encrypt(keyId, new byte[maxData], null))).getInt("version"))
                .as("exactly the data limit").isEqualTo(1);
        long before = ClientAudit.head();
        assertProblem(app.crypto("encrypt", encrypt(keyId, new byte[maxData + 1], null)), 413, "payload-too-large");
        assertThat(ClientAudit.by(client, before)).extracting(ClientAudit::entry).containsExactly(
                refusal(client, "crypto.encrypt", ENCRYPTION_PORT, null, "payload-too-large"));
        JsonArrayBuilder tooMany = Json.createArrayBuilder();
        IntStream.range(0, 1001).forEach(i -> tooMany.add(Json.createObjectBuilder().add("length", 1)));
        assertProblem(app.crypto("random", tooMany.build()), 413, "batch-too-large");
        JsonArrayBuilder most = Json.createArrayBuilder();
        IntStream.range(0, 1000).forEach(i -> most.add(Json.createObjectBuilder().add("length", 1)));
        assertThat(okArray(app.crypto("random", most.build()))).as("exactly the batch limit").hasSize(1000);
        assertThat(ClientAudit.about(keyId)).extracting(ClientAudit::entry).containsExactly(
                success(client, "crypto.encrypt", ENCRYPTION_PORT, 1));
    }

    /**
     * The encryption services take request bodies of up to 4 MiB (web.xml of the encryption WAR); a body declared
     * one byte longer is refused like every other over-limit request: 413 application/problem+json.
     */
    @Test
    void aBodyOneByteOverTheBodyLimitIsRefusedWith413() {
        Account officer = Fixtures.officer();
        String keyId = Fixtures.aes("body-limit", false).getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "body-limit");
        ClientIdentities.grantKey(officer, client, keyId, "encrypt");
        String head = "{\"key\":\"" + keyId + "\",\"plaintext\":\"";
        int limit = 4 * 1024 * 1024;
        byte[] body = (head + "A".repeat(limit + 1 - head.length() - 2) + "\"}").getBytes(StandardCharsets.US_ASCII);
        assertThat(body).hasSize(limit + 1);

        ApiResponse refused;
        try {
            refused = AppClient.of(client).send(ENCRYPTION_PORT, "POST", AppClient.CRYPTO + "encrypt",
                    "application/json", body);
        } catch (UncheckedIOException e) {
            throw new AssertionError("expected 413 application/problem+json, but the server closed the connection"
                    + " without an answer: " + e.getMessage(), e);
        }

        assertProblem(refused, 413, "payload-too-large");
    }

    private static JsonObject encrypt(String key, byte[] plaintext, byte[] aad) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("key", key).add("plaintext", Fixtures.b64(plaintext));
        if (aad != null) {
            body.add("aad", Fixtures.b64(aad));
        }
        return body.build();
    }

    private static JsonObject decrypt(byte[] ciphertext, byte[] aad) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("ciphertext", Fixtures.b64(ciphertext));
        if (aad != null) {
            body.add("aad", Fixtures.b64(aad));
        }
        return body.build();
    }

    private static boolean verifyMac(AppClient app, String keyId, byte[] message, byte[] mac) {
        return ok(app.crypto("mac/verify", Json.createObjectBuilder().add("key", keyId)
                .add("message", Fixtures.b64(message)).add("mac", Fixtures.b64(mac)).build())).getBoolean("valid");
    }

    private static Signature jdkSignature(String jdkName, String scheme) throws Exception {
        Signature signature = Signature.getInstance(jdkName);
        if (scheme.startsWith("RSA-PSS-")) {
            String hash = "SHA-" + scheme.substring("RSA-PSS-SHA".length());
            signature.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                    Integer.parseInt(scheme.substring("RSA-PSS-SHA".length())) / 8, 1));
        }
        return signature;
    }

    private static JsonObject ok(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.object();
    }

    private static JsonArray okArray(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.array();
    }

    /** A batch item refused on its own: {@code {"error": problem}} and nothing else. */
    private static void assertItemError(JsonObject item, int status, String type) {
        assertThat(item.keySet()).as("%s", item).containsExactly("error");
        JsonObject problem = item.getJsonObject("error");
        assertThat(problem.getString("type")).isEqualTo("https://keyhaven.org/problems/" + type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("detail", "")).hasSizeGreaterThan(10);
    }

    /** Flips the low bit of {@code data[index]} (or xors it with the mask). */
    private static byte[] flip(byte[] data, int index) {
        return flip(data, index, 1);
    }

    private static byte[] flip(byte[] data, int index, int mask) {
        data[index] ^= (byte) mask;
        return data;
    }
}
