package org.keyhaven.it.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.it.application.ClientAudit.refusal;
import static org.keyhaven.it.application.ClientAudit.success;
import static org.keyhaven.it.kmip.Kmip.attributeValue;
import static org.keyhaven.it.kmip.Kmip.createAes;
import static org.keyhaven.it.kmip.Kmip.id;
import static org.keyhaven.it.kmip.Kmip.item;
import static org.keyhaven.it.kmip.Kmip.only;
import static org.keyhaven.it.kmip.Kmip.request;
import static org.keyhaven.it.kmip.Kmip.succeeded;
import static org.keyhaven.it.kmip.Kmip.text;
import static org.keyhaven.it.support.KmipClient.KMIP_PORT;

import jakarta.json.Json;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.application.ClientAudit;
import org.keyhaven.it.application.Fixtures;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AppClient;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.KmipClient;
import org.keyhaven.kmip.message.Operation;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * KMIP over mutual TLS on port 5696 with Keyhaven's client certificates and grants: the managed keys are the same
 * as over REST, every operation is audited with the client and the KMIP port, every failure is a result reason on
 * a connection that stays usable.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KmipIT {

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void discoverVersionsListsTheSupportedVersionsTheClientOffersAndQueryNamesTheServer() {
        ClientCredentials client = ClientIdentities.create(Fixtures.officer(), "kmip-query");
        try (KmipClient kmip = KmipClient.connect(client)) {
            TtlvStructure all = succeeded(only(kmip.send(request(ProtocolVersion.V1_1,
                    item(Operation.DISCOVER_VERSIONS)))));
            TtlvStructure some = succeeded(only(kmip.send(request(ProtocolVersion.V1_1,
                    item(Operation.DISCOVER_VERSIONS, ProtocolVersion.V1_0.toTtlv(), new ProtocolVersion(3, 0).toTtlv(),
                            ProtocolVersion.V1_4.toTtlv())))));
            TtlvStructure query = succeeded(only(kmip.send(request(ProtocolVersion.V1_1, item(Operation.QUERY,
                    Kmip.enumeration(Tags.QUERY_FUNCTION, 1), Kmip.enumeration(Tags.QUERY_FUNCTION, 3))))));

            assertThat(all.findAll(Tags.PROTOCOL_VERSION, TtlvStructure.class)).map(ProtocolVersion::read)
                    .containsExactlyElementsOf(ProtocolVersion.SUPPORTED);
            assertThat(some.findAll(Tags.PROTOCOL_VERSION, TtlvStructure.class)).map(ProtocolVersion::read)
                    .containsExactly(ProtocolVersion.V1_4, ProtocolVersion.V1_0);
            assertThat(text(query, Tags.VENDOR_IDENTIFICATION)).isEqualTo("Keyhaven");
            assertThat(query.findAll(Tags.OPERATION, TtlvEnumeration.class)).map(TtlvEnumeration::value)
                    .contains(Operation.CREATE.code(), Operation.GET.code(), Operation.LOCATE.code(),
                            Operation.DESTROY.code());
        }
    }

    @Test
    void aClientCreatesGetsActivatesRevokesAndDestroysItsKeyWithEveryStepAudited() {
        Account officer = Fixtures.officer();
        ClientCredentials client = ClientIdentities.create(officer, "kmip-life");
        String name = "kmip-life-" + System.nanoTime();
        ClientIdentities.grant(officer, client.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix("kmip-life-", "create")));
        try (KmipClient kmip = KmipClient.connect(client)) {
            TtlvStructure created = succeeded(only(kmip.send(request(ProtocolVersion.V1_4,
                    createAes(256, Kmip.ENCRYPT_DECRYPT, name)))));
            String id = text(created, Tags.UNIQUE_IDENTIFIER);
            TtlvStructure got = succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.GET, id(id))))));
            TtlvStructure block = got.get(Tags.SYMMETRIC_KEY, TtlvStructure.class).get(Tags.KEY_BLOCK,
                    TtlvStructure.class);
            byte[] material = block.get(Tags.KEY_VALUE, TtlvStructure.class).get(Tags.KEY_MATERIAL,
                    TtlvByteString.class).value();
            assertThat(material).hasSize(32);
            assertThat(block.get(Tags.KEY_FORMAT_TYPE, TtlvEnumeration.class).value()).isEqualTo(1);
            assertThat(state(kmip, ProtocolVersion.V1_4, id)).isEqualTo(1);

            succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.ACTIVATE, id(id))))));
            assertThat(state(kmip, ProtocolVersion.V1_4, id)).isEqualTo(2);
            TtlvStructure activeDestroy = only(kmip.send(request(ProtocolVersion.V1_4,
                    item(Operation.DESTROY, id(id)))));
            assertThat(Kmip.status(activeDestroy)).isEqualTo(Kmip.FAILED);
            assertThat(Kmip.reason(activeDestroy)).isEqualTo(ResultReason.PERMISSION_DENIED.code());
            succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.REVOKE, id(id),
                    StructureBuilder.of(Tags.REVOCATION_REASON).enumeration(Tags.REVOCATION_REASON_CODE, 6)
                            .build())))));
            assertThat(state(kmip, ProtocolVersion.V1_4, id)).isEqualTo(3);
            succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.DESTROY, id(id))))));
            assertThat(state(kmip, ProtocolVersion.V1_4, id)).isEqualTo(5);
            TtlvStructure destroyedGet = only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.GET, id(id)))));
            assertThat(Kmip.status(destroyedGet)).isEqualTo(Kmip.FAILED);

            assertThat(ClientAudit.about(id)).extracting(ClientAudit::entry).contains(
                    success(client, "key.create", KMIP_PORT, 1),
                    success(client, "key.retrieve", KMIP_PORT, 1),
                    success(client, "key.activate", KMIP_PORT, 1),
                    success(client, "key.revoke", KMIP_PORT, 1),
                    success(client, "key.destroy", KMIP_PORT, 1));
            assertThat(ClientAudit.about(id)).allSatisfy(record -> assertThat(record.toString())
                    .doesNotContain(Base64.getEncoder().encodeToString(material)));
        }
    }

    @Test
    void aKeyCreatedOverKmipIsTheSameKeyOverRestAndOnlyItsOwnerSeesIt() {
        Account officer = Fixtures.officer();
        ClientCredentials owner = ClientIdentities.create(officer, "kmip-owner");
        ClientCredentials other = ClientIdentities.create(officer, "kmip-other");
        ClientIdentities.grant(officer, owner.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix("kmip-own-", "create")));
        String name = "kmip-own-" + System.nanoTime();
        String id;
        byte[] material;
        try (KmipClient kmip = KmipClient.connect(owner)) {
            // one batch: Create, then Activate and Get of the new key through the ID Placeholder
            List<TtlvStructure> items = Kmip.items(kmip.send(request(ProtocolVersion.V1_2,
                    createAes(128, Kmip.ENCRYPT_DECRYPT, name), item(Operation.ACTIVATE), item(Operation.GET))));
            assertThat(items).hasSize(3);
            id = text(succeeded(items.get(0)), Tags.UNIQUE_IDENTIFIER);
            assertThat(text(succeeded(items.get(1)), Tags.UNIQUE_IDENTIFIER)).isEqualTo(id);
            material = succeeded(items.get(2)).get(Tags.SYMMETRIC_KEY, TtlvStructure.class)
                    .get(Tags.KEY_BLOCK, TtlvStructure.class).get(Tags.KEY_VALUE, TtlvStructure.class)
                    .get(Tags.KEY_MATERIAL, TtlvByteString.class).value();
            assertThat(items).extracting(item -> item.get(Tags.UNIQUE_BATCH_ITEM_ID, TtlvByteString.class).value()[0])
                    .containsExactly((byte) 1, (byte) 2, (byte) 3);
        }
        ApiResponse rest = AppClient.of(owner).retrieve(id);
        assertThat(rest.status()).as("%s", rest).isEqualTo(200);
        assertThat(Fixtures.bytes(rest.object(), "key")).isEqualTo(material);
        assertThat(officer.api().get("/api/v1/keys/" + id).object().getString("createdBy"))
                .isEqualTo(owner.actor());

        try (KmipClient kmip = KmipClient.connect(other)) {
            TtlvStructure get = only(kmip.send(request(ProtocolVersion.V1_2, item(Operation.GET, id(id)))));
            TtlvStructure attributes = only(kmip.send(request(ProtocolVersion.V1_2,
                    item(Operation.GET_ATTRIBUTES, id(id)))));
            TtlvStructure unknown = only(kmip.send(request(ProtocolVersion.V1_2,
                    item(Operation.GET, id("6a1d7a38-0000-4000-8000-000000000000")))));
            TtlvStructure create = only(kmip.send(request(ProtocolVersion.V1_2, createAes(128,
                    Kmip.ENCRYPT_DECRYPT, "kmip-own-stolen"))));

            assertThat(List.of(get, attributes, unknown)).allSatisfy(answer -> {
                assertThat(Kmip.status(answer)).isEqualTo(Kmip.FAILED);
                assertThat(Kmip.reason(answer)).isEqualTo(ResultReason.ITEM_NOT_FOUND.code());
            });
            assertThat(Kmip.message(get)).isEqualTo(Kmip.message(unknown).replace(
                    "6a1d7a38-0000-4000-8000-000000000000", id));
            assertThat(Kmip.reason(create)).isEqualTo(ResultReason.PERMISSION_DENIED.code());
        }
        assertThat(ClientAudit.about(id)).extracting(ClientAudit::entry).contains(
                refusal(other, "key.read", KMIP_PORT, null, "key-not-found"));
    }

    @Test
    void aMessageThatDoesNotDecodeIsAnsweredAndTheConnectionStaysUsable() {
        ClientCredentials client = ClientIdentities.create(Fixtures.officer(), "kmip-bad");
        try (KmipClient kmip = KmipClient.connect(client)) {
            // a Request Message holding an Integer whose length is 5 instead of 4
            byte[] malformed = {0x42, 0x00, 0x78, 0x01, 0, 0, 0, 16, 0x42, 0x00, 0x0D, 0x02, 0, 0, 0, 5, 0, 0, 0, 1,
                0, 0, 0, 0};
            TtlvStructure refused = only(kmip.sendRaw(malformed).orElseThrow());
            TtlvStructure unknownOperation = only(kmip.send(request(ProtocolVersion.V1_4, StructureBuilder
                    .of(Tags.BATCH_ITEM).enumeration(Tags.OPERATION, 0x28)
                    .add(TtlvStructure.of(Tags.REQUEST_PAYLOAD)).build())));
            TtlvStructure missingId = only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.GET))));
            // Encrypt arrived in KMIP 1.2: to a 1.1 client it does not exist
            TtlvStructure encryptIn11 = only(kmip.send(request(ProtocolVersion.V1_1, item(Operation.ENCRYPT))));
            TtlvStructure after = only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.DISCOVER_VERSIONS))));

            assertThat(Kmip.reason(refused)).isEqualTo(ResultReason.INVALID_MESSAGE.code());
            assertThat(Kmip.reason(unknownOperation)).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.code());
            assertThat(Kmip.reason(encryptIn11)).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.code());
            assertThat(Kmip.reason(missingId)).isEqualTo(ResultReason.MISSING_DATA.code());
            succeeded(after);
        }
    }

    @Test
    void aClientDisabledWhileItsConnectionIsOpenIsRefusedAtItsNextRequest() {
        Account officer = Fixtures.officer();
        ClientCredentials client = ClientIdentities.create(officer, "kmip-disabled");
        try (KmipClient kmip = KmipClient.connect(client)) {
            succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.DISCOVER_VERSIONS)))));

            ClientIdentities.disable(officer, client.clientId());
            TtlvStructure refused = only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.DISCOVER_VERSIONS))));
            ClientIdentities.enable(officer, client.clientId());
            TtlvStructure again = only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.DISCOVER_VERSIONS))));

            assertThat(Kmip.reason(refused)).isEqualTo(ResultReason.AUTHENTICATION_NOT_SUCCESSFUL.code());
            assertThat(Kmip.message(refused)).contains("disabled");
            succeeded(again);
        }
    }

    @Test
    void aMultiPartGcmDecryptionGivesThePlaintextOnlyAfterTheTagAndOnlyToItsOwnClient() throws Exception {
        Account officer = Fixtures.officer();
        ClientCredentials client = ClientIdentities.create(officer, "kmip-parts");
        ClientCredentials other = ClientIdentities.create(officer, "kmip-parts-other");
        ClientIdentities.grant(officer, client.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix("kmip-parts-", "create")));
        byte[] key = new byte[16];
        byte[] nonce = new byte[12];
        byte[] plaintext = "forty bytes of plaintext, in two parts!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        byte[] sealed = gcm.doFinal(plaintext);
        byte[] ciphertext = java.util.Arrays.copyOf(sealed, 40);
        byte[] tag = java.util.Arrays.copyOfRange(sealed, 40, 56);
        try (KmipClient kmip = KmipClient.connect(client); KmipClient intruder = KmipClient.connect(other)) {
            TtlvStructure symmetric = StructureBuilder.of(Tags.SYMMETRIC_KEY).add(StructureBuilder.of(Tags.KEY_BLOCK)
                    .enumeration(Tags.KEY_FORMAT_TYPE, 1).add(TtlvStructure.of(Tags.KEY_VALUE,
                            new TtlvByteString(Tags.KEY_MATERIAL, key))).enumeration(Tags.CRYPTOGRAPHIC_ALGORITHM,
                            Kmip.AES).integer(Tags.CRYPTOGRAPHIC_LENGTH, 128).build()).build();
            String id = text(succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.REGISTER,
                    Kmip.enumeration(Tags.OBJECT_TYPE, Kmip.SYMMETRIC_KEY), Kmip.template(
                            Kmip.attribute("Name", Kmip.name("kmip-parts-" + System.nanoTime())),
                            Kmip.attribute("Activation Date", new org.keyhaven.kmip.ttlv.TtlvDateTime(
                                    Tags.ACTIVATION_DATE, java.time.Instant.now().getEpochSecond() - 60))),
                    symmetric))))), Tags.UNIQUE_IDENTIFIER);
            TtlvStructure gcmParameters = StructureBuilder.of(Tags.CRYPTOGRAPHIC_PARAMETERS)
                    .enumeration(Tags.BLOCK_CIPHER_MODE, 0x09).integer(Tags.TAG_LENGTH, 16).build();

            TtlvStructure first = succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.DECRYPT, id(id),
                    gcmParameters, new TtlvByteString(Tags.DATA, java.util.Arrays.copyOf(ciphertext, 24)),
                    new TtlvByteString(Tags.IV_COUNTER_NONCE, nonce),
                    new org.keyhaven.kmip.ttlv.TtlvBoolean(Tags.INIT_INDICATOR, true))))));
            byte[] correlation = first.get(Tags.CORRELATION_VALUE, TtlvByteString.class).value();
            TtlvStructure stolen = only(intruder.send(request(ProtocolVersion.V1_4, item(Operation.DECRYPT, id(id),
                    new TtlvByteString(Tags.DATA, new byte[0]), new TtlvByteString(Tags.CORRELATION_VALUE,
                            correlation)))));
            TtlvStructure last = succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.DECRYPT, id(id),
                    new TtlvByteString(Tags.DATA, java.util.Arrays.copyOfRange(ciphertext, 24, 40)),
                    new TtlvByteString(Tags.CORRELATION_VALUE, correlation),
                    new org.keyhaven.kmip.ttlv.TtlvBoolean(Tags.FINAL_INDICATOR, true),
                    new TtlvByteString(Tags.AUTHENTICATED_ENCRYPTION_TAG, tag))))));

            assertThat(first.get(Tags.DATA, TtlvByteString.class).length()).isZero();
            assertThat(Kmip.status(stolen)).isEqualTo(Kmip.FAILED);
            assertThat(last.get(Tags.DATA, TtlvByteString.class).value()).isEqualTo(plaintext);
            assertThat(last.find(Tags.CORRELATION_VALUE)).isEmpty();
        }
    }

    @Test
    void kmip21ReadsAndWritesAttributesAsTheirOwnTags() {
        Account officer = Fixtures.officer();
        ClientCredentials client = ClientIdentities.create(officer, "kmip-21");
        ClientIdentities.grant(officer, client.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix("kmip-21-", "create")));
        String name = "kmip-21-" + System.nanoTime();
        try (KmipClient kmip = KmipClient.connect(client)) {
            TtlvStructure attributes = StructureBuilder.of(Tags.ATTRIBUTES)
                    .enumeration(Tags.CRYPTOGRAPHIC_ALGORITHM, Kmip.AES).integer(Tags.CRYPTOGRAPHIC_LENGTH, 256)
                    .integer(Tags.CRYPTOGRAPHIC_USAGE_MASK, Kmip.ENCRYPT_DECRYPT).add(Kmip.name(name)).build();
            String id = text(succeeded(only(kmip.send(request(ProtocolVersion.V2_1, item(Operation.CREATE,
                    Kmip.enumeration(Tags.OBJECT_TYPE, Kmip.SYMMETRIC_KEY), attributes))))), Tags.UNIQUE_IDENTIFIER);

            TtlvStructure read = succeeded(only(kmip.send(request(ProtocolVersion.V2_1, item(Operation.GET_ATTRIBUTES,
                    id(id), Kmip.enumeration(Tags.ATTRIBUTE_REFERENCE, Tags.STATE.value()),
                    Kmip.enumeration(Tags.ATTRIBUTE_REFERENCE, Tags.NAME.value()))))));

            TtlvStructure returned = read.get(Tags.ATTRIBUTES, TtlvStructure.class);
            assertThat(returned.children()).hasSize(2);
            assertThat(returned.get(Tags.STATE, TtlvEnumeration.class).value()).isEqualTo(1);
            assertThat(returned.get(Tags.NAME, TtlvStructure.class).get(Tags.NAME_VALUE, TtlvTextString.class)
                    .value()).isEqualTo(name);
        }
    }

    private static int state(KmipClient kmip, ProtocolVersion version, String id) {
        TtlvStructure payload = succeeded(only(kmip.send(request(version, item(Operation.GET_ATTRIBUTES, id(id),
                new TtlvTextString(Tags.ATTRIBUTE_NAME, "State"))))));
        return attributeValue(payload, "State").as(TtlvEnumeration.class).value();
    }
}
