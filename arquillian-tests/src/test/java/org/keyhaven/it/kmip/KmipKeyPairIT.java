package org.keyhaven.it.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.it.kmip.Kmip.id;
import static org.keyhaven.it.kmip.Kmip.item;
import static org.keyhaven.it.kmip.Kmip.only;
import static org.keyhaven.it.kmip.Kmip.request;
import static org.keyhaven.it.kmip.Kmip.succeeded;
import static org.keyhaven.it.kmip.Kmip.text;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
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
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * KMIP key pairs against the JDK as the independent party: keys registered from the JDK sign and verify on the
 * server and the JDK checks the results; a generated pair encrypts with RSA-OAEP under the client's parameters; the
 * public half is an object of its own that cannot sign, decrypt or be rotated; grants apply to each half.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KmipKeyPairIT {

    private static final int PRIVATE_KEY = 0x04;
    private static final int PUBLIC_KEY = 0x03;
    private static final int RSA = 0x04;
    private static final int EC = 0x1A;
    private static final int PKCS_1 = 0x03;
    private static final int PKCS_8 = 0x04;
    private static final int X_509 = 0x05;
    private static final int SIGN = 0x01;
    private static final int VERIFY = 0x02;
    private static final int ENCRYPT = 0x04;
    private static final int DECRYPT = 0x08;
    private static final int ECDSA_WITH_SHA256 = 0x0E;
    private static final int VALID = 0x01;
    private static final int INVALID = 0x02;
    private static final byte[] DOCUMENT = "a purchase order".getBytes(StandardCharsets.US_ASCII);

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void registeredEcKeysSignAndVerifyInteroperablyWithTheJdkAndComeBackAsRegistered() throws Exception {
        Account officer = Fixtures.officer();
        ClientCredentials owner = ClientIdentities.create(officer, "kmip-ec-owner");
        ClientCredentials verifier = ClientIdentities.create(officer, "kmip-ec-verifier");
        String prefix = "kmip-ec-" + System.nanoTime() + "-";
        ClientIdentities.grant(officer, owner.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix(prefix, "create")));
        ClientIdentities.grant(officer, verifier.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix(prefix, "verify")));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair jdk = generator.generateKeyPair();
        String privateId;
        String publicId;
        try (KmipClient kmip = KmipClient.connect(owner)) {
            privateId = register(kmip, PRIVATE_KEY, Tags.PRIVATE_KEY, EC, PKCS_8, jdk.getPrivate().getEncoded(),
                    SIGN, prefix + "private");
            publicId = register(kmip, PUBLIC_KEY, Tags.PUBLIC_KEY, EC, X_509, jdk.getPublic().getEncoded(),
                    VERIFY, prefix + "public");

            byte[] signature = succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.SIGN,
                    id(privateId), parameters(Tags.DIGITAL_SIGNATURE_ALGORITHM, ECDSA_WITH_SHA256),
                    new TtlvByteString(Tags.DATA, DOCUMENT)))))).get(Tags.SIGNATURE_DATA, TtlvByteString.class)
                    .value();
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(jdk.getPublic());
            ecdsa.update(DOCUMENT);
            assertThat(ecdsa.verify(signature)).isTrue();

            assertThat(keyMaterial(kmip, privateId, Tags.PRIVATE_KEY)).isEqualTo(jdk.getPrivate().getEncoded());
            assertThat(keyMaterial(kmip, publicId, Tags.PUBLIC_KEY)).isEqualTo(jdk.getPublic().getEncoded());
        }
        Signature jdkSigner = Signature.getInstance("SHA256withECDSA");
        jdkSigner.initSign(jdk.getPrivate());
        jdkSigner.update(DOCUMENT);
        byte[] jdkSignature = jdkSigner.sign();
        try (KmipClient kmip = KmipClient.connect(verifier)) {
            assertThat(verify(kmip, publicId, DOCUMENT, jdkSignature)).isEqualTo(VALID);
            assertThat(verify(kmip, publicId, "a purchase order!".getBytes(StandardCharsets.US_ASCII), jdkSignature))
                    .isEqualTo(INVALID);
            TtlvStructure sign = only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.SIGN, id(privateId),
                    new TtlvByteString(Tags.DATA, DOCUMENT)))));
            assertThat(Kmip.reason(sign)).isEqualTo(ResultReason.PERMISSION_DENIED.code());
        }
        assertThat(ClientAudit.about(publicId)).extracting(record -> record.getString("operation"))
                .contains("key.register", "crypto.verify");
    }

    @Test
    void aGeneratedRsaPairEncryptsWithOaepUnderTheClientsParametersAndItsPublicHalfStaysPublic() throws Exception {
        Account officer = Fixtures.officer();
        ClientCredentials owner = ClientIdentities.create(officer, "kmip-rsa-owner");
        String prefix = "kmip-rsa-" + System.nanoTime() + "-";
        ClientIdentities.grant(officer, owner.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix(prefix, "create")));
        try (KmipClient kmip = KmipClient.connect(owner)) {
            TtlvStructure created = succeeded(only(kmip.send(request(ProtocolVersion.V2_1, item(
                    Operation.CREATE_KEY_PAIR,
                    StructureBuilder.of(Tags.COMMON_ATTRIBUTES).enumeration(Tags.CRYPTOGRAPHIC_ALGORITHM, RSA)
                            .integer(Tags.CRYPTOGRAPHIC_LENGTH, 2048).build(),
                    StructureBuilder.of(Tags.PRIVATE_KEY_ATTRIBUTES).add(Kmip.name(prefix + "private"))
                            .integer(Tags.CRYPTOGRAPHIC_USAGE_MASK, DECRYPT).build(),
                    StructureBuilder.of(Tags.PUBLIC_KEY_ATTRIBUTES).add(Kmip.name(prefix + "public"))
                            .integer(Tags.CRYPTOGRAPHIC_USAGE_MASK, ENCRYPT).build())))));
            String privateId = text(created, Tags.PRIVATE_KEY_UNIQUE_IDENTIFIER);
            String publicId = text(created, Tags.PUBLIC_KEY_UNIQUE_IDENTIFIER);
            assertThat(linked(kmip, privateId)).isEqualTo(publicId);
            assertThat(linked(kmip, publicId)).isEqualTo(privateId);
            succeeded(only(kmip.send(request(ProtocolVersion.V2_1, item(Operation.ACTIVATE, id(privateId))))));
            succeeded(only(kmip.send(request(ProtocolVersion.V2_1, item(Operation.ACTIVATE, id(publicId))))));

            TtlvStructure oaep = StructureBuilder.of(Tags.CRYPTOGRAPHIC_PARAMETERS)
                    .enumeration(Tags.PADDING_METHOD, 0x02).enumeration(Tags.HASHING_ALGORITHM, 0x07)
                    .enumeration(Tags.MASK_GENERATOR_HASHING_ALGORITHM, 0x06)
                    .bytes(Tags.P_SOURCE, "label".getBytes(StandardCharsets.US_ASCII)).build();
            byte[] block = succeeded(only(kmip.send(request(ProtocolVersion.V2_1, item(Operation.ENCRYPT,
                    id(publicId), oaep, new TtlvByteString(Tags.DATA, DOCUMENT)))))).get(Tags.DATA,
                    TtlvByteString.class).value();
            Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
            jdk.init(Cipher.DECRYPT_MODE, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    org.keyhaven.crypto.KeyFormats.pkcs8FromRsaPkcs1(org.keyhaven.crypto.SecretBytes.adopt(
                            keyMaterial(kmip, privateId, Tags.PRIVATE_KEY))).copy())),
                    new OAEPParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA256,
                            new PSource.PSpecified("label".getBytes(StandardCharsets.US_ASCII))));
            assertThat(jdk.doFinal(block)).isEqualTo(DOCUMENT);
            byte[] plain = succeeded(only(kmip.send(request(ProtocolVersion.V2_1, item(Operation.DECRYPT,
                    id(privateId), oaep, new TtlvByteString(Tags.DATA, block)))))).get(Tags.DATA,
                    TtlvByteString.class).value();
            assertThat(plain).isEqualTo(DOCUMENT);

            TtlvStructure pkcs1v15 = StructureBuilder.of(Tags.CRYPTOGRAPHIC_PARAMETERS)
                    .enumeration(Tags.PADDING_METHOD, 0x08).build();
            TtlvStructure weak = only(kmip.send(request(ProtocolVersion.V2_1, item(Operation.ENCRYPT, id(publicId),
                    pkcs1v15, new TtlvByteString(Tags.DATA, DOCUMENT)))));
            TtlvStructure decryptWithPublic = only(kmip.send(request(ProtocolVersion.V2_1, item(Operation.DECRYPT,
                    id(publicId), oaep, new TtlvByteString(Tags.DATA, block)))));
            TtlvStructure reKeyPublic = only(kmip.send(request(ProtocolVersion.V2_1, item(Operation.RE_KEY,
                    id(publicId)))));
            assertThat(Kmip.reason(weak)).isEqualTo(ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS.code());
            assertThat(Kmip.reason(decryptWithPublic)).isEqualTo(ResultReason.PERMISSION_DENIED.code());
            assertThat(Kmip.status(reKeyPublic)).isEqualTo(Kmip.FAILED);

            ApiResponse rotate = officer.api().post("/api/v1/keys/" + publicId + "/rotate");
            assertThat(rotate.status()).as("%s", rotate).isEqualTo(400);
            assertThat(officer.api().get("/api/v1/keys/" + publicId).object().getInt("currentVersion")).isOne();
        }
    }

    private static String register(KmipClient kmip, int objectType, org.keyhaven.kmip.ttlv.Tag objectTag,
            int algorithm, int format, byte[] material, int usage, String name) {
        TtlvStructure block = StructureBuilder.of(Tags.KEY_BLOCK).enumeration(Tags.KEY_FORMAT_TYPE, format)
                .add(StructureBuilder.of(Tags.KEY_VALUE).bytes(Tags.KEY_MATERIAL, material).build())
                .enumeration(Tags.CRYPTOGRAPHIC_ALGORITHM, algorithm).integer(Tags.CRYPTOGRAPHIC_LENGTH, 256)
                .build();
        TtlvStructure attributes = Kmip.template(
                Kmip.attribute("Cryptographic Usage Mask", Kmip.integer(Tags.CRYPTOGRAPHIC_USAGE_MASK, usage)),
                Kmip.attribute("Name", Kmip.name(name)),
                Kmip.attribute("Activation Date", new org.keyhaven.kmip.ttlv.TtlvDateTime(Tags.ACTIVATION_DATE,
                        java.time.Instant.now().getEpochSecond() - 60)));
        return text(succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.REGISTER,
                Kmip.enumeration(Tags.OBJECT_TYPE, objectType), attributes, TtlvStructure.of(objectTag, block)))))),
                Tags.UNIQUE_IDENTIFIER);
    }

    private static TtlvStructure parameters(org.keyhaven.kmip.ttlv.Tag tag, int value) {
        return StructureBuilder.of(Tags.CRYPTOGRAPHIC_PARAMETERS).enumeration(tag, value).build();
    }

    private static int verify(KmipClient kmip, String publicId, byte[] data, byte[] signature) {
        return succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.SIGNATURE_VERIFY, id(publicId),
                parameters(Tags.DIGITAL_SIGNATURE_ALGORITHM, ECDSA_WITH_SHA256), new TtlvByteString(Tags.DATA, data),
                new TtlvByteString(Tags.SIGNATURE_DATA, signature)))))).get(Tags.VALIDITY_INDICATOR,
                TtlvEnumeration.class).value();
    }

    /** The Key Material Get returns, in the format the key was registered or made in. */
    private static byte[] keyMaterial(KmipClient kmip, String id, org.keyhaven.kmip.ttlv.Tag objectTag) {
        return succeeded(only(kmip.send(request(ProtocolVersion.V1_4, item(Operation.GET, id(id))))))
                .get(objectTag, TtlvStructure.class).get(Tags.KEY_BLOCK, TtlvStructure.class)
                .get(Tags.KEY_VALUE, TtlvStructure.class).get(Tags.KEY_MATERIAL, TtlvByteString.class).value();
    }

    /** The Linked Object Identifier of the object's one Link (2.1 Get Attributes). */
    private static String linked(KmipClient kmip, String id) {
        TtlvStructure attributes = succeeded(only(kmip.send(request(ProtocolVersion.V2_1, item(
                Operation.GET_ATTRIBUTES, id(id), Kmip.enumeration(Tags.ATTRIBUTE_REFERENCE, Tags.LINK.value()))))))
                .get(Tags.ATTRIBUTES, TtlvStructure.class);
        List<TtlvItem> links = attributes.findAll(Tags.LINK);
        assertThat(links).hasSize(1);
        return text(links.get(0).as(TtlvStructure.class), Tags.LINKED_OBJECT_IDENTIFIER);
    }
}
