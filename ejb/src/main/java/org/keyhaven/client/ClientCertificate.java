package org.keyhaven.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.keyhaven.common.Canonical;
import org.keyhaven.common.Times;
import org.keyhaven.seal.ProtectedRow;

/** A certificate that identifies a client, by its SHA-256 fingerprint. */
@Entity
@Table(name = "kh_client_certificate")
public class ClientCertificate extends ProtectedRow {

    @Id
    private String fingerprint;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id")
    private Client client;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "issuer_id")
    private CertificateAuthority issuer;

    @Column(name = "serial_number", nullable = false)
    private String serialNumber;

    @Column(nullable = false)
    private String subject;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CertificateStatus status;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "certificate_pem", nullable = false)
    private String certificatePem;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected ClientCertificate() {
    }

    ClientCertificate(Client client, IssuedCertificate issued, CertificateAuthority issuer, Instant now) {
        this.fingerprint = issued.fingerprint();
        this.client = client;
        this.issuer = issuer;
        this.serialNumber = issued.serialNumber();
        this.subject = issued.subject();
        this.notBefore = Times.truncate(issued.notBefore());
        this.notAfter = Times.truncate(issued.notAfter());
        this.status = CertificateStatus.ACTIVE;
        this.certificatePem = issued.pem();
        this.createdAt = now;
    }

    void revoke(Instant now) {
        if (status != CertificateStatus.REVOKED) {
            status = CertificateStatus.REVOKED;
            revokedAt = now;
        }
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Client client() {
        return client;
    }

    public CertificateAuthority issuer() {
        return issuer;
    }

    public CertificateStatus status() {
        return status;
    }

    public String certificatePem() {
        return certificatePem;
    }

    public ClientCertificateView toView() {
        return new ClientCertificateView(fingerprint, serialNumber, subject, issuer.name(), notBefore, notAfter,
                status, revokedAt);
    }

    @Override
    protected Canonical protectedColumns() {
        return new Canonical("kh_client_certificate").add(fingerprint).add(client.id()).add(issuer.id())
                .add(serialNumber).add(subject).add(notBefore).add(notAfter).add(status).add(revokedAt)
                .add(certificatePem).add(createdAt);
    }

    @Override
    protected String rowName() {
        return "client certificate " + fingerprint;
    }

    @Override
    protected String rowObjectId() {
        return fingerprint;
    }
}
