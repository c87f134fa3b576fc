package org.keyhaven.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * PEM in and out. Input comes from the network: it must hold exactly the expected blocks (text between them, such as
 * the output of {@code openssl x509 -text}, is ignored), within a size limit; anything else is a 400 naming what was
 * wrong, never a parser's exception text.
 */
public final class Pem {

    /** Far above any real certificate chain or CSR; bounds the parser's work. */
    public static final int MAX_LENGTH = 64 * 1024;

    private static final int MAX_CHAIN = 10;
    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String REQUEST = "CERTIFICATE REQUEST";

    private Pem() {
    }

    /** Exactly one certificate. */
    public static X509Certificate certificate(String pem) {
        List<X509Certificate> certificates = certificates(pem);
        if (certificates.size() != 1) {
            throw new KeyhavenException(ErrorCode.INVALID_CERTIFICATE,
                    "expected exactly one PEM certificate, found " + certificates.size());
        }
        return certificates.get(0);
    }

    /** One or more certificates, leaf first. */
    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (PemObject block : blocks(pem, ErrorCode.INVALID_CERTIFICATE, "certificate")) {
            if (!CERTIFICATE.equals(block.getType())) {
                throw new KeyhavenException(ErrorCode.INVALID_CERTIFICATE,
                        "expected PEM blocks of type CERTIFICATE, found " + Texts.printable(block.getType(), 40));
            }
            certificates.add(parseCertificate(block.getContent()));
        }
        if (certificates.size() > MAX_CHAIN) {
            throw new KeyhavenException(ErrorCode.INVALID_CERTIFICATE, "more than " + MAX_CHAIN + " certificates");
        }
        return certificates;
    }

    /**
     * Exactly one PKCS#10 request: PEM ({@code CERTIFICATE REQUEST}; the legacy {@code NEW CERTIFICATE REQUEST} too),
     * or its DER encoding in base64 on one line, which fits a JSON string without escapes
     * ({@code openssl req -outform DER | openssl base64 -A}).
     */
    public static PKCS10CertificationRequest certificationRequest(String pem) {
        if (pem != null && !pem.isBlank() && pem.length() <= MAX_LENGTH && !pem.contains("-----")) {
            return request(base64Der(pem.strip()));
        }
        List<PemObject> blocks = blocks(pem, ErrorCode.INVALID_CSR, "certificate signing request");
        if (blocks.size() != 1) {
            throw new KeyhavenException(ErrorCode.INVALID_CSR,
                    "expected exactly one PEM certificate signing request, found " + blocks.size() + " blocks");
        }
        PemObject block = blocks.get(0);
        if (!REQUEST.equals(block.getType()) && !("NEW " + REQUEST).equals(block.getType())) {
            throw new KeyhavenException(ErrorCode.INVALID_CSR,
                    "expected a PEM block of type CERTIFICATE REQUEST, found " + Texts.printable(block.getType(), 40));
        }
        return request(block.getContent());
    }

    private static byte[] base64Der(String text) {
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyhavenException(ErrorCode.INVALID_CSR,
                    "the certificate signing request is neither PEM nor base64 DER");
        }
    }

    private static PKCS10CertificationRequest request(byte[] der) {
        try {
            return new PKCS10CertificationRequest(CertificationRequest.getInstance(ASN1Primitive.fromByteArray(der)));
        } catch (IOException | RuntimeException e) {
            throw new KeyhavenException(ErrorCode.INVALID_CSR, "the certificate signing request is not valid DER");
        }
    }

    public static String write(X509Certificate certificate) {
        return write(List.of(certificate));
    }

    public static String write(List<X509Certificate> certificates) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(new PemObject(CERTIFICATE, certificate.getEncoded()));
            }
        } catch (IOException | CertificateException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot encode a certificate", null, e);
        }
        return out.toString();
    }

    static X509Certificate parseCertificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new KeyhavenException(ErrorCode.INVALID_CERTIFICATE, "the certificate is not valid DER");
        }
    }

    private static List<PemObject> blocks(String pem, ErrorCode code, String what) {
        if (pem == null || pem.isBlank()) {
            throw new KeyhavenException(code, "the " + what + " is missing");
        }
        if (pem.length() > MAX_LENGTH) {
            throw new KeyhavenException(code, "the " + what + " is longer than " + MAX_LENGTH + " characters");
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(pem)) {
            throw new KeyhavenException(code, "the " + what + " is not ASCII PEM");
        }
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                blocks.add(block);
                if (blocks.size() > MAX_CHAIN) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new KeyhavenException(code, "the " + what + " is not valid PEM");
        }
        if (blocks.isEmpty()) {
            throw new KeyhavenException(code, "the " + what + " contains no PEM block");
        }
        return blocks;
    }
}
