package org.keyhaven.kmip.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.kmip.operation.AsymmetricFixtures.withReason;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

class DataObjectsTest {

    @Test
    void aRegisteredCertificateIsDescribedByWhatItSays() throws Exception {
        byte[] der = certificate("CN=Payments Signer,O=Example", "CN=Example Issuing CA,O=Example");
        Map<String, String> markers = new TreeMap<>();

        byte[] value = DataObjects.certificate(registerPayload(0x01, der), markers);

        assertThat(value).isEqualTo(der);
        KeyView stored = AsymmetricFixtures.view("SECRET-DATA", der.length * 8, null, false, markers);
        assertThat(KmipAlgorithms.objectType(stored)).isEqualTo(DataObjects.OBJECT_CERTIFICATE);
        List<Attribute> attributes = DataObjects.certificateAttributes(stored);
        assertThat(attributes).extracting(Attribute::name).containsExactly("Certificate Type", "Certificate Length",
                "Certificate Subject CN", "Certificate Issuer CN");
        assertThat(attributes.get(1).value().as(TtlvInteger.class).value()).isEqualTo(der.length);
        assertThat(attributes.get(2).value().as(TtlvTextString.class).value()).isEqualTo("Payments Signer");
        assertThat(attributes.get(3).value().as(TtlvTextString.class).value()).isEqualTo("Example Issuing CA");
        TtlvStructure got = DataObjects.get(stored, DataObjects.OBJECT_CERTIFICATE, der);
        assertThat(got.get(Tags.CERTIFICATE_VALUE, TtlvByteString.class).value()).isEqualTo(der);
    }

    @Test
    void somethingThatIsNotAnX509CertificateIsRefusedWithoutEchoingIt() {
        byte[] garbage = HexFormat.of().parseHex("3082deadbeef00112233");

        assertThatThrownBy(() -> DataObjects.certificate(registerPayload(0x01, garbage), new TreeMap<>()))
                .isInstanceOfSatisfying(KmipFailure.class, withReason(ResultReason.INVALID_FIELD))
                .hasMessageNotContaining("deadbeef");
        assertThatThrownBy(() -> DataObjects.certificate(registerPayload(0x02, garbage), new TreeMap<>()))
                .as("a PGP certificate").isInstanceOfSatisfying(KmipFailure.class,
                        withReason(ResultReason.INVALID_FIELD));
    }

    @Test
    void anOpaqueObjectComesBackWithItsOwnDataType() {
        byte[] data = HexFormat.of().parseHex("0123456789abcdef");
        TtlvStructure payload = StructureBuilder.of(Tags.REQUEST_PAYLOAD).add(StructureBuilder
                .of(Tags.OPAQUE_OBJECT).enumeration(Tags.OPAQUE_DATA_TYPE, 0x80123456)
                .bytes(Tags.OPAQUE_DATA_VALUE, data).build()).build();
        Map<String, String> markers = new TreeMap<>();

        byte[] value = DataObjects.opaque(payload, markers);

        KeyView stored = AsymmetricFixtures.view("SECRET-DATA", 64, null, false, markers);
        assertThat(KmipAlgorithms.objectType(stored)).isEqualTo(DataObjects.OBJECT_OPAQUE);
        assertThat(DataObjects.certificateAttributes(stored)).isEmpty();
        TtlvStructure got = DataObjects.get(stored, DataObjects.OBJECT_OPAQUE, value);
        assertThat(got.get(Tags.OPAQUE_DATA_TYPE, TtlvEnumeration.class).value()).isEqualTo(0x80123456);
        assertThat(got.get(Tags.OPAQUE_DATA_VALUE, TtlvByteString.class).value()).isEqualTo(data);
    }

    @Test
    void ordinarySecretDataIsNoDataObject() {
        KeyView secret = AsymmetricFixtures.view("SECRET-DATA", 256, null, false, Map.of());

        assertThat(DataObjects.objectType(secret)).isEmpty();
        assertThat(KmipAlgorithms.objectType(secret)).isEqualTo(KmipAlgorithms.OBJECT_SECRET_DATA);
    }

    private static TtlvStructure registerPayload(int certificateType, byte[] value) {
        return StructureBuilder.of(Tags.REQUEST_PAYLOAD).add(StructureBuilder.of(Tags.CERTIFICATE)
                .enumeration(Tags.CERTIFICATE_TYPE, certificateType).bytes(Tags.CERTIFICATE_VALUE, value).build())
                .build();
    }

    private static byte[] certificate(String subject, String issuer) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(42),
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), new X500Name(subject),
                pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
                .getEncoded();
    }
}
