package org.keyhaven.ca;

/** Why a presented client certificate is not accepted; the descriptions go into audit records and problems. */
public enum ClientCertificateRefusal {
    NO_CERTIFICATE("no certificate was presented"),
    UNTRUSTED_ISSUER("it is not signed by a trusted CA"),
    NOT_YET_VALID("it is not valid yet"),
    EXPIRED("it has expired"),
    ISSUER_NOT_VALID("its issuing CA certificate is outside its validity"),
    IS_A_CA("it is a CA certificate, not an end-entity certificate"),
    NO_CLIENT_AUTH_USAGE("it lacks the clientAuth extended key usage its CA requires"),
    NO_SIGNATURE_KEY_USAGE("its key usage does not allow digital signatures"),
    WEAK_KEY("its public key is not an accepted algorithm and size"),
    WEAK_SIGNATURE("it is signed with a weak or unsupported algorithm"),
    UNKNOWN_CRITICAL_EXTENSION("it has a critical extension Keyhaven does not process");

    private final String description;

    ClientCertificateRefusal(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
