package org.keyhaven.ca;

/** The outcome of {@link ClientCertificateCheck}: accepted as issued by a trusted CA, or refused with a reason. */
public sealed interface ClientCertificateVerdict {

    record Accepted(TrustedCa issuer) implements ClientCertificateVerdict {
    }

    record Refused(ClientCertificateRefusal reason) implements ClientCertificateVerdict {
    }
}
