package org.keyhaven.key;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keyhaven.common.Canonical;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Times;
import org.keyhaven.seal.ProtectedRow;

/**
 * A managed key: identity, policy, lifecycle state and an ordered list of versions. The aggregate root carries
 * its invariants:
 * <ul>
 * <li>state changes only through {@link KeyLifecycle} transitions;</li>
 * <li>only Pre-Active and Active keys rotate; rotation appends a version, which becomes current;</li>
 * <li>{@code 1 <= minDecryptionVersion <= currentVersion} once a version exists;</li>
 * <li>destroying erases the material of every version and keeps all metadata;</li>
 * <li>the usage mask is a subset of what the algorithm allows.</li>
 * </ul>
 * The row carries a MAC over its security-relevant columns (checked on load). Every change of state, versions or
 * policy is marked, so that {@link KeyChangeTracker} announces it once the row is written and committed.
 */
@Entity
@Table(name = "kh_managed_key")
@EntityListeners(KeyChangeTracker.class)
public class ManagedKey extends ProtectedRow {

    public static final int MAX_ATTRIBUTES = 64;
    /** What a public key can do. */
    public static final Set<KeyUsage> PUBLIC_USAGES = Collections.unmodifiableSet(
            EnumSet.of(KeyUsage.VERIFY, KeyUsage.ENCRYPT, KeyUsage.WRAP));

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KeyAlgorithm algorithm;

    @Column(name = "length_bits", nullable = false)
    private int lengthBits;

    @Enumerated(EnumType.STRING)
    private EcCurve curve;

    @Column(name = "usage_mask", nullable = false)
    private int usageMask;

    @Column(nullable = false)
    private boolean exportable;

    /** A public key only (the public half of a pair, or a registered public key): no private key, no rotation. */
    @Column(name = "public_only", nullable = false)
    private boolean publicOnly;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KeyState state;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "min_decryption_version", nullable = false)
    private int minDecryptionVersion;

    @Column(name = "rotation_period")
    private String rotationPeriod;

    @Column(name = "next_rotation_at")
    private Instant nextRotationAt;

    @Column(name = "activation_date")
    private Instant activationDate;

    @Column(name = "deactivation_date")
    private Instant deactivationDate;

    @Column(name = "compromise_date")
    private Instant compromiseDate;

    @Column(name = "destroy_date")
    private Instant destroyDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_reason")
    private RevocationReason revocationReason;

    @Column(name = "revocation_message")
    private String revocationMessage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @OneToMany(mappedBy = "key", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("id.version")
    private List<KeyVersion> versions = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "kh_key_attribute", joinColumns = @JoinColumn(name = "key_id"))
    @MapKeyColumn(name = "name")
    @Column(name = "attribute_value", nullable = false)
    private Map<String, String> attributes = new TreeMap<>();

    /** Set by every change of state, versions or policy; taken by {@link KeyChangeTracker} when the row is written. */
    @Transient
    private boolean changed;

    protected ManagedKey() {
    }

    /** A new key in state Pre-Active with no version yet; the first version is added by {@link #addFirstVersion}. */
    public static ManagedKey create(String id, KeyDefinition definition, String createdBy, Instant now) {
        return create(id, definition, createdBy, now, false);
    }

    /**
     * A new public key object: an asymmetric algorithm, and only the usages a public key serves (verify, encrypt,
     * wrap); its material is the public key.
     */
    public static ManagedKey createPublicKey(String id, KeyDefinition definition, String createdBy, Instant now) {
        if (definition.spec().algorithm().kind() != KeyKind.ASYMMETRIC) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "only asymmetric algorithms have public keys");
        }
        if (definition.rotationPeriod() != null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a public key is not rotated on its own; it takes"
                    + " no rotation period");
        }
        Set<KeyUsage> privateUsages = EnumSet.copyOf(definition.usages());
        privateUsages.removeAll(PUBLIC_USAGES);
        if (!privateUsages.isEmpty()) {
            throw new KeyhavenException(ErrorCode.INVALID_USAGE, "a public key cannot " + privateUsages
                    + "; it serves " + PUBLIC_USAGES);
        }
        return create(id, definition, createdBy, now, true);
    }

    private static ManagedKey create(String id, KeyDefinition definition, String createdBy, Instant now,
            boolean publicOnly) {
        ManagedKey key = new ManagedKey();
        key.publicOnly = publicOnly;
        key.id = id;
        key.name = definition.name();
        key.algorithm = definition.spec().algorithm();
        key.lengthBits = definition.spec().lengthBits();
        key.curve = definition.spec().curve();
        key.usageMask = KeyUsages.toMask(definition.usages());
        key.exportable = definition.exportable();
        key.state = KeyState.PRE_ACTIVE;
        key.currentVersion = 0;
        key.minDecryptionVersion = 1;
        key.rotationPeriod = definition.rotationPeriod() == null ? null : definition.rotationPeriod().text();
        key.activationDate = definition.activationDate();
        key.deactivationDate = definition.deactivationDate();
        key.createdAt = now;
        key.createdBy = createdBy;
        key.updatedAt = now;
        definition.attributes().forEach(key::setAttribute);
        return key;
    }

    public void addFirstVersion(WrappedMaterial material, Instant now) {
        if (currentVersion != 0) {
            throw new IllegalStateException("key " + id + " has versions already");
        }
        appendVersion(material, now);
    }

    /** The version number the next rotation (or the first version) will get; for the wrapping's associated data. */
    public int nextVersionNumber() {
        return currentVersion + 1;
    }

    public void activate(Instant now) {
        state = KeyLifecycle.next(state, LifecycleEvent.ACTIVATE, id);
        if (activationDate == null || activationDate.isAfter(now)) {
            activationDate = now;
        }
        scheduleRotation(now);
        touch(now);
    }

    /**
     * Sets when a Pre-Active key becomes Active: now (or a time already past) activates it at once. Once a key has
     * left Pre-Active its activation date is history and does not change.
     */
    public void scheduleActivation(Instant when, Instant now) {
        if (state != KeyState.PRE_ACTIVE) {
            throw new KeyhavenException(ErrorCode.INVALID_STATE_TRANSITION, "key " + id + " is " + state
                    + "; only a Pre-Active key's activation date changes", id);
        }
        if (!when.isAfter(now)) {
            activate(now);
        } else {
            activationDate = Times.truncate(when);
            touch(now);
        }
    }

    public void deactivate(Instant now) {
        state = KeyLifecycle.next(state, LifecycleEvent.DEACTIVATE, id);
        if (deactivationDate == null || deactivationDate.isAfter(now)) {
            deactivationDate = now;
        }
        nextRotationAt = null;
        touch(now);
    }

    public void revoke(RevocationReason reason, String message, Instant now) {
        state = KeyLifecycle.next(state, reason.event(), id);
        if (reason.event() == LifecycleEvent.COMPROMISE) {
            compromiseDate = now;
        } else if (deactivationDate == null || deactivationDate.isAfter(now)) {
            deactivationDate = now;
        }
        revocationReason = reason;
        revocationMessage = message;
        nextRotationAt = null;
        touch(now);
    }

    public void destroy(Instant now) {
        state = KeyLifecycle.next(state, LifecycleEvent.DESTROY, id);
        destroyDate = now;
        versions.forEach(version -> version.eraseMaterial(now));
        nextRotationAt = null;
        touch(now);
    }

    /** Appends a new current version. Only Pre-Active and Active keys rotate, and never a public key alone. */
    public KeyVersion rotate(WrappedMaterial material, Instant now) {
        requireRotatable();
        if (state != KeyState.ACTIVE && state != KeyState.PRE_ACTIVE) {
            throw new KeyhavenException(ErrorCode.INVALID_STATE_TRANSITION,
                    "only Pre-Active and Active keys rotate; key is " + state, id);
        }
        KeyVersion version = appendVersion(material, now);
        scheduleRotation(now);
        return version;
    }

    /**
     * Applies activation and deactivation dates that have been reached.
     *
     * @return the lifecycle events that happened, in order
     */
    public List<LifecycleEvent> applyDates(Instant now) {
        List<LifecycleEvent> happened = new ArrayList<>();
        if (state == KeyState.PRE_ACTIVE && activationDate != null && !activationDate.isAfter(now)
                && (deactivationDate == null || deactivationDate.isAfter(now))) {
            state = KeyLifecycle.next(state, LifecycleEvent.ACTIVATE, id);
            scheduleRotation(now);
            happened.add(LifecycleEvent.ACTIVATE);
        }
        if ((state == KeyState.ACTIVE || state == KeyState.PRE_ACTIVE) && deactivationDate != null
                && !deactivationDate.isAfter(now)) {
            state = KeyLifecycle.next(state, LifecycleEvent.DEACTIVATE, id);
            nextRotationAt = null;
            happened.add(LifecycleEvent.DEACTIVATE);
        }
        if (!happened.isEmpty()) {
            touch(now);
        }
        return happened;
    }

    public boolean isRotationDue(Instant now) {
        return state == KeyState.ACTIVE && nextRotationAt != null && !nextRotationAt.isAfter(now);
    }

    /** Validates the whole change before applying any of it. */
    public void changePolicy(KeyPolicyChange change, Instant now) {
        Integer min = change.minDecryptionVersion();
        if (min != null && (min < 1 || min > currentVersion)) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "minimum decryption version must be between 1"
                    + " and the current version " + currentVersion, id);
        }
        Instant deactivation = Times.truncate(change.deactivationDate());
        if (deactivation != null) {
            if (state != KeyState.PRE_ACTIVE && state != KeyState.ACTIVE) {
                throw new KeyhavenException(ErrorCode.INVALID_STATE_TRANSITION,
                        "a deactivation date can only be set on Pre-Active and Active keys", id);
            }
            if (activationDate != null && !deactivation.isAfter(activationDate)) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST,
                        "deactivation date must be after the activation date", id);
            }
        }
        if (min != null) {
            minDecryptionVersion = min;
        }
        if (change.rotationPeriod() != null) {
            requireRotatable();
        }
        if (change.clearRotationPeriod()) {
            rotationPeriod = null;
            nextRotationAt = null;
        } else if (change.rotationPeriod() != null) {
            rotationPeriod = change.rotationPeriod().text();
            scheduleRotation(now);
        }
        if (deactivation != null) {
            deactivationDate = deactivation;
        }
        touch(now);
    }

    public void setAttribute(String attributeName, String value) {
        KeyAttributes.validate(attributeName, value);
        if (!attributes.containsKey(attributeName) && attributes.size() >= MAX_ATTRIBUTES) {
            throw new KeyhavenException(ErrorCode.INVALID_ATTRIBUTE,
                    "a key holds at most " + MAX_ATTRIBUTES + " custom attributes", id);
        }
        attributes.put(attributeName, value);
    }

    public boolean removeAttribute(String attributeName) {
        return attributes.remove(attributeName) != null;
    }


    private void requireRotatable() {
        if (publicOnly) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "key " + id + " is a public key, which cannot get"
                    + " new material on its own", id);
        }
    }

    private KeyVersion appendVersion(WrappedMaterial material, Instant now) {
        KeyVersion version = new KeyVersion(this, currentVersion + 1, material, now);
        versions.add(version);
        currentVersion = version.version();
        touch(now);
        return version;
    }

    private void scheduleRotation(Instant now) {
        nextRotationAt = state == KeyState.ACTIVE && rotationPeriod != null
                ? new RotationPeriod(rotationPeriod).after(now) : null;
    }

    private void touch(Instant now) {
        updatedAt = now;
        changed = true;
    }

    /** Whether the state, versions or policy changed since the last call; clears the mark. */
    boolean takeChange() {
        boolean was = changed;
        changed = false;
        return was;
    }

    public String id() {
        return id;
    }

    /** The principal that created the key: an officer, or the application client that owns it. */
    public String createdBy() {
        return createdBy;
    }

    public String name() {
        return name;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    public KeySpec spec() {
        return new KeySpec(algorithm, lengthBits, curve);
    }

    public Set<KeyUsage> usages() {
        return KeyUsages.fromMask(usageMask);
    }

    public boolean exportable() {
        return exportable;
    }

    public boolean publicOnly() {
        return publicOnly;
    }

    public KeyState state() {
        return state;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public int minDecryptionVersion() {
        return minDecryptionVersion;
    }

    public KeyVersion version(int number) {
        for (KeyVersion version : versions) {
            if (version.version() == number) {
                return version;
            }
        }
        throw new KeyhavenException(ErrorCode.KEY_NOT_FOUND, "key " + id + " has no version " + number, id);
    }

    public List<KeyVersion> versions() {
        return Collections.unmodifiableList(versions);
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public KeyView toView() {
        return new KeyView(id, name, algorithm.externalName(), lengthBits, curve == null ? null : curve.displayName(),
                usages(), exportable, publicOnly, state, currentVersion, minDecryptionVersion,
                rotationPeriod, nextRotationAt, activationDate, deactivationDate, compromiseDate, destroyDate,
                revocationReason, revocationMessage, createdAt, createdBy, updatedAt,
                versions.stream().map(v -> new KeyView.Version(v.version(), v.createdAt(), v.isDestroyed(),
                        v.destroyedAt())).toList(),
                attributes());
    }

    @Override
    protected Canonical protectedColumns() {
        Canonical canonical = new Canonical("kh_managed_key")
                .add(id).add(name).add(algorithm).add(lengthBits).add(curve).add(usageMask).add(exportable)
                .add(state).add(currentVersion).add(minDecryptionVersion).add(rotationPeriod).add(nextRotationAt)
                .add(activationDate).add(deactivationDate).add(compromiseDate).add(destroyDate)
                .add(revocationReason).add(revocationMessage).add(createdAt).add(createdBy);
        // added only when set, so that the MACs of rows written before the column existed still verify
        return publicOnly ? canonical.add("public-only") : canonical;
    }

    @Override
    protected String rowName() {
        return "key " + id;
    }

    @Override
    protected String rowObjectId() {
        return id;
    }
}
