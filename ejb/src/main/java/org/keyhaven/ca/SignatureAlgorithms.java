package org.keyhaven.ca;

import java.util.Set;

/**
 * The signature algorithms Keyhaven accepts on a CSR (proof of possession) and on a client certificate: SHA-2 with
 * RSA (PKCS#1 v1.5 and PSS) and ECDSA, and Ed25519. MD5 and SHA-1 signatures are refused: a collision could let a
 * signature on one thing pass for another.
 */
final class SignatureAlgorithms {

    private static final Set<String> ACCEPTED = Set.of(
            "1.2.840.113549.1.1.11", // sha256WithRSAEncryption
            "1.2.840.113549.1.1.12", // sha384WithRSAEncryption
            "1.2.840.113549.1.1.13", // sha512WithRSAEncryption
            "1.2.840.113549.1.1.10", // RSASSA-PSS (its hash is checked by the verifier's parameters)
            "1.2.840.10045.4.3.2", // ecdsa-with-SHA256
            "1.2.840.10045.4.3.3", // ecdsa-with-SHA384
            "1.2.840.10045.4.3.4", // ecdsa-with-SHA512
            "1.3.101.112"); // Ed25519

    private SignatureAlgorithms() {
    }

    static boolean accepted(String oid) {
        return oid != null && ACCEPTED.contains(oid);
    }
}
