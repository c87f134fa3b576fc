package org.keyhaven.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.keyhaven.common.Canonical;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.ProtectedRow;

/**
 * A certificate authority whose client certificates the application ports accept: the internal CA (private key stored
 * wrapped under the master key, bound to the CA's id) or an external CA (certificate only). The row MAC covers
 * everything that decides trust: the certificate, the EKU rule, whether it is enabled. The private key is wrapped
 * under the same master key version the row MAC uses; the internal CA row changes only through {@link #rewrap}, which
 * moves both together.
 */
@Entity
@Table(name = "kh_certificate_authority")
public class CertificateAuthority extends ProtectedRow {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaKind kind;

    @Column(name = "certificate_pem", nullable = false)
    private String certificatePem;

    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "private_key")
    private byte[] privateKey;

    @Column(name = "require_client_auth_eku", nullable = false)
    private boolean requireClientAuthEku;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected CertificateAuthority() {
    }

    private CertificateAuthority(String id, String name, CaKind kind, String certificatePem, String fingerprint,
            boolean requireClientAuthEku, String createdBy, Instant now) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.certificatePem = certificatePem;
        this.fingerprint = fingerprint;
        this.requireClientAuthEku = requireClientAuthEku;
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** The internal CA; its private key is wrapped at once under the ring's current master key. */
    static CertificateAuthority internal(String id, String name, String certificatePem, String fingerprint,
            SecretBytes privateKeyPkcs8, MasterKeyRing ring, Instant now) {
        CertificateAuthority ca = new CertificateAuthority(id, name, CaKind.INTERNAL, certificatePem, fingerprint,
                true, "system", now);
        ca.privateKey = ring.wrap(privateKeyPkcs8, ca.associatedData());
        return ca;
    }

    static CertificateAuthority external(String id, String name, String certificatePem, String fingerprint,
            boolean requireClientAuthEku, String createdBy, Instant now) {
        return new CertificateAuthority(id, name, CaKind.EXTERNAL, certificatePem, fingerprint, requireClientAuthEku,
                createdBy, now);
    }

    /** The internal CA's private key (PKCS#8), lent to the caller, who must close it. */
    SecretBytes unwrapPrivateKey(MasterKeyRing ring) {
        if (privateKey == null) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "CA " + name + " has no private key here");
        }
        return ring.unwrap(mkVersion(), privateKey, associatedData());
    }

    /** Master key rotation: the private key is re-wrapped under the current master key. */
    void rewrap(MasterKeyRing ring) {
        if (privateKey != null) {
            try (SecretBytes plain = unwrapPrivateKey(ring)) {
                privateKey = ring.wrap(plain, associatedData());
            }
        }
        protectWith(ring);
    }

    void setEnabled(boolean enabled) {
        if (kind == CaKind.INTERNAL && !enabled) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "the internal CA cannot be disabled", id);
        }
        this.enabled = enabled;
    }

    void setRequireClientAuthEku(boolean require) {
        if (kind == CaKind.INTERNAL) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "the internal CA always issues clientAuth", id);
        }
        this.requireClientAuthEku = require;
    }

    private byte[] associatedData() {
        return ("keyhaven-ca-private-key-v1|" + id).getBytes(StandardCharsets.UTF_8);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public CaKind kind() {
        return kind;
    }

    public String certificatePem() {
        return certificatePem;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public boolean requireClientAuthEku() {
        return requireClientAuthEku;
    }

    public boolean enabled() {
        return enabled;
    }

    public CaView toView() {
        return new CaView(id, name, kind, fingerprint, requireClientAuthEku, enabled, createdAt, createdBy,
                certificatePem);
    }

    @Override
    protected Canonical protectedColumns() {
        return new Canonical("kh_certificate_authority").add(id).add(name).add(kind).add(certificatePem)
                .add(fingerprint).add(privateKey).add(requireClientAuthEku).add(enabled).add(createdAt)
                .add(createdBy);
    }

    @Override
    protected String rowName() {
        return "certificate authority " + id;
    }

    @Override
    protected String rowObjectId() {
        return id;
    }
}
