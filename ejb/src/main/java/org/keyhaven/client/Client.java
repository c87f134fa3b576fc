package org.keyhaven.client;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.keyhaven.access.Roles;
import org.keyhaven.common.Canonical;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.seal.ProtectedRow;

/**
 * An application that uses keys: identified by the certificates it presents, allowed exactly what its grants say
 * (nothing by default). Disabling it refuses every certificate of it at once.
 */
@Entity
@Table(name = "kh_client")
public class Client extends ProtectedRow {

    public static final int MAX_GRANTS = 256;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern ID_SHAPE = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClientStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @OneToMany(mappedBy = "client", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    private List<ClientCertificate> certificates = new ArrayList<>();

    @OneToMany(mappedBy = "client", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    private List<Grant> grants = new ArrayList<>();

    protected Client() {
    }

    Client(String name, String createdBy, Instant now) {
        validateName(name);
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.status = ClientStatus.ACTIVE;
        this.createdAt = now;
        this.createdBy = createdBy;
        this.updatedAt = now;
    }

    static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "client name '" + Texts.printable(name, 70)
                    + "' must be 3-64 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        if (ID_SHAPE.matcher(name).matches()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a name must not look like an id");
        }
    }

    ClientCertificate addCertificate(IssuedCertificate issued, CertificateAuthority issuer, Instant now) {
        ClientCertificate certificate = new ClientCertificate(this, issued, issuer, now);
        certificates.add(certificate);
        updatedAt = now;
        return certificate;
    }

    /** Replaces every grant: the list given is the whole truth afterwards. */
    void replaceGrants(List<GrantSpec> specs, String by, Instant now) {
        if (specs.size() > MAX_GRANTS) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a client holds at most " + MAX_GRANTS + " grants",
                    id);
        }
        grants.clear();
        for (GrantSpec spec : specs) {
            grants.add(new Grant(UUID.randomUUID().toString(), this, spec, by, now));
        }
        updatedAt = now;
    }

    void setStatus(ClientStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    /** Whether any grant allows the operation on this key (default deny). */
    public boolean permits(GrantOperation operation, String keyId, String keyName) {
        return grants.stream().anyMatch(grant -> grant.permits(operation, keyId, keyName));
    }

    /** The client's principal name, as the container and the audit know it. */
    public String principalName() {
        return Roles.CLIENT_PRINCIPAL_PREFIX + name;
    }

    /** Whether the client created the key (over KMIP), which makes it the key's owner. */
    public boolean owns(String keyCreatedBy) {
        return principalName().equals(keyCreatedBy);
    }

    /** Whether the client owns the key or holds a grant to use it: the key is visible to it (Locate, attributes). */
    public boolean maySee(String keyId, String keyName, String keyCreatedBy) {
        return owns(keyCreatedBy) || grants.stream().anyMatch(grant -> grant.concerns(keyId, keyName));
    }

    /** Whether any grant could apply to a key requested by this id or name (to tell not-granted from not-found). */
    public boolean mayConcern(String idOrName) {
        return grants.stream().anyMatch(grant -> grant.couldCover(idOrName));
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ClientStatus status() {
        return status;
    }

    public List<ClientCertificate> certificates() {
        return Collections.unmodifiableList(certificates);
    }

    public List<GrantSpec> grants() {
        return grants.stream().map(Grant::toSpec).toList();
    }

    public ClientView toView() {
        return new ClientView(id, name, status, createdAt, createdBy, updatedAt,
                certificates.stream().map(ClientCertificate::toView).toList(), grants());
    }

    @Override
    protected Canonical protectedColumns() {
        return new Canonical("kh_client").add(id).add(name).add(status).add(createdAt).add(createdBy);
    }

    @Override
    protected String rowName() {
        return "client " + id;
    }

    @Override
    protected String rowObjectId() {
        return id;
    }
}
