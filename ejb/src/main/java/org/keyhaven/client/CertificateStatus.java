package org.keyhaven.client;

/** A revoked certificate identifies nobody any more; revocation takes effect for the next request. */
public enum CertificateStatus {
    ACTIVE,
    REVOKED
}
