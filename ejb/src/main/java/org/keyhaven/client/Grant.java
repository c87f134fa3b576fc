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
import java.util.Set;
import java.util.regex.Pattern;
import org.keyhaven.common.Canonical;
import org.keyhaven.seal.ProtectedRow;

/** One grant of a client: which keys, which operations. Row-MACed: a grant added in the database is refused. */
@Entity
@Table(name = "kh_grant")
public class Grant extends ProtectedRow {

    private static final Pattern KEY_ID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    @Id
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id")
    private Client client;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", nullable = false)
    private GrantTarget targetKind;

    @Column(nullable = false)
    private String target;

    @Column(nullable = false)
    private int operations;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Grant() {
    }

    Grant(String id, Client client, GrantSpec spec, String createdBy, Instant now) {
        this.id = id;
        this.client = client;
        this.targetKind = spec.targetKind();
        this.target = spec.target();
        this.operations = GrantOperation.toMask(spec.operations());
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Whether the grant lets the client use or see this key in any way (creating keys is not using one). */
    boolean concerns(String keyId, String keyName) {
        Set<GrantOperation> granted = GrantOperation.fromMask(operations);
        granted.remove(GrantOperation.CREATE);
        return !granted.isEmpty() && targetKind.covers(target, keyId, keyName);
    }

    boolean permits(GrantOperation operation, String keyId, String keyName) {
        return GrantOperation.fromMask(operations).contains(operation) && targetKind.covers(target, keyId, keyName);
    }

    /**
     * Whether this grant could cover a key asked for by this id or name, before the key is looked up. Key names are
     * never UUIDs, so a request in UUID form names a key by id: only a key id grant can concern it.
     */
    boolean couldCover(String idOrName) {
        return switch (targetKind) {
            case KEY_ID -> target.equalsIgnoreCase(idOrName);
            case NAME -> !KEY_ID_FORM.matcher(idOrName).matches() && target.equals(idOrName);
            case NAME_PREFIX -> !KEY_ID_FORM.matcher(idOrName).matches() && idOrName.startsWith(target);
        };
    }

    public GrantSpec toSpec() {
        Set<GrantOperation> set = GrantOperation.fromMask(operations);
        return new GrantSpec(targetKind, target, set);
    }

    @Override
    protected Canonical protectedColumns() {
        return new Canonical("kh_grant").add(id).add(client.id()).add(targetKind).add(target).add(operations)
                .add(createdAt).add(createdBy);
    }

    @Override
    protected String rowName() {
        return "grant " + id;
    }

    @Override
    protected String rowObjectId() {
        return id;
    }
}
