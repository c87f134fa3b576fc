package org.keyhaven.kmip.operation;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.keyhaven.common.Texts;
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

/**
 * Certificates and opaque objects: KMIP objects that are data, not keys. Keyhaven keeps them as secret data (the
 * same store, lifecycle and audit; their bytes wrapped like any material), marked with their Object Type and what
 * describes them. A certificate must be a well-formed X.509 certificate; its length and subject and issuer common
 * names are read from it at registration and are the server's attributes.
 */
public final class DataObjects {

    public static final int OBJECT_CERTIFICATE = 0x01;
    public static final int OBJECT_OPAQUE = 0x08;
    private static final int X_509 = 0x01;
    private static final String OBJECT_TYPE = StoredAttributes.PREFIX + "object-type";
    private static final String OPAQUE_DATA_TYPE = StoredAttributes.PREFIX + "opaque-data-type";
    private static final String CERTIFICATE_LENGTH = StoredAttributes.PREFIX + "certificate-length";
    private static final String SUBJECT_CN = StoredAttributes.PREFIX + "certificate-subject-cn";
    private static final String ISSUER_CN = StoredAttributes.PREFIX + "certificate-issuer-cn";
    private static final int MAX_NAME = 200;

    private DataObjects() {
    }

    /** The Object Type of a data object, if the key is one. */
    public static Optional<Integer> objectType(KeyView key) {
        return Optional.ofNullable(key.attributes().get(OBJECT_TYPE)).map(Integer::valueOf);
    }

    /** The markers of a registered opaque object, and its value. */
    static byte[] opaque(TtlvStructure payload, Map<String, String> markers) {
        TtlvStructure object = payload.find(Tags.OPAQUE_OBJECT, TtlvStructure.class).orElseThrow(() ->
                new KmipFailure(ResultReason.MISSING_DATA, "the request carries no Opaque Object"));
        markers.put(OBJECT_TYPE, String.valueOf(OBJECT_OPAQUE));
        markers.put(OPAQUE_DATA_TYPE, String.valueOf(object.get(Tags.OPAQUE_DATA_TYPE, TtlvEnumeration.class)
                .value()));
        return nonEmpty(object.get(Tags.OPAQUE_DATA_VALUE, TtlvByteString.class).value());
    }

    /** The markers of a registered certificate, read from it, and its DER encoding. */
    static byte[] certificate(TtlvStructure payload, Map<String, String> markers) {
        TtlvStructure object = payload.find(Tags.CERTIFICATE, TtlvStructure.class).orElseThrow(() ->
                new KmipFailure(ResultReason.MISSING_DATA, "the request carries no Certificate"));
        int type = object.get(Tags.CERTIFICATE_TYPE, TtlvEnumeration.class).value();
        if (type != X_509) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "Certificate Type " + type + " is not supported; X.509"
                    + " is");
        }
        byte[] der = nonEmpty(object.get(Tags.CERTIFICATE_VALUE, TtlvByteString.class).value());
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "the Certificate Value is not an X.509 certificate");
        }
        markers.put(OBJECT_TYPE, String.valueOf(OBJECT_CERTIFICATE));
        markers.put(CERTIFICATE_LENGTH, String.valueOf(der.length));
        commonName(certificate.getSubjectX500Principal()).ifPresent(cn -> markers.put(SUBJECT_CN, cn));
        commonName(certificate.getIssuerX500Principal()).ifPresent(cn -> markers.put(ISSUER_CN, cn));
        return der;
    }

    /** The object as Get returns it: Certificate or Opaque Object, after the Object Type. */
    static TtlvStructure get(KeyView key, int objectType, byte[] value) {
        if (objectType == OBJECT_CERTIFICATE) {
            return StructureBuilder.of(Tags.CERTIFICATE).enumeration(Tags.CERTIFICATE_TYPE, X_509)
                    .bytes(Tags.CERTIFICATE_VALUE, value).build();
        }
        return StructureBuilder.of(Tags.OPAQUE_OBJECT).enumeration(Tags.OPAQUE_DATA_TYPE,
                Integer.parseInt(key.attributes().get(OPAQUE_DATA_TYPE))).bytes(Tags.OPAQUE_DATA_VALUE, value)
                .build();
    }

    /** The server's attributes of a certificate: type, length, subject and issuer common names. */
    static List<Attribute> certificateAttributes(KeyView key) {
        List<Attribute> attributes = new ArrayList<>();
        if (objectType(key).orElse(0) != OBJECT_CERTIFICATE) {
            return attributes;
        }
        attributes.add(new Attribute(StandardAttribute.CERTIFICATE_TYPE.kmipName(),
                new TtlvEnumeration(Tags.CERTIFICATE_TYPE, X_509)));
        attributes.add(new Attribute(StandardAttribute.CERTIFICATE_LENGTH.kmipName(),
                new TtlvInteger(Tags.CERTIFICATE_LENGTH, Integer.parseInt(key.attributes().get(CERTIFICATE_LENGTH)))));
        text(key, SUBJECT_CN, StandardAttribute.CERTIFICATE_SUBJECT_CN).ifPresent(attributes::add);
        text(key, ISSUER_CN, StandardAttribute.CERTIFICATE_ISSUER_CN).ifPresent(attributes::add);
        return attributes;
    }

    private static Optional<Attribute> text(KeyView key, String marker, StandardAttribute attribute) {
        return Optional.ofNullable(key.attributes().get(marker))
                .map(value -> new Attribute(attribute.kmipName(), new TtlvTextString(attribute.tag(), value)));
    }

    private static Optional<String> commonName(X500Principal principal) {
        RDN[] names = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
        return names.length == 0 ? Optional.empty() : Optional.of(Texts.printable(
                IETFUtils.valueToString(names[0].getFirst().getValue()), MAX_NAME));
    }

    private static byte[] nonEmpty(byte[] value) {
        if (value.length == 0) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "the object's value is empty");
        }
        return value;
    }
}
