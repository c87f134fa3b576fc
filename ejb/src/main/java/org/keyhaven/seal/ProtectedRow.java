package org.keyhaven.seal;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import org.keyhaven.common.Canonical;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * A row whose security-relevant columns carry a MAC under a key derived from the current master key version: written
 * on every insert and update, checked on every load. Subclasses say which columns count.
 */
@MappedSuperclass
@EntityListeners(RowProtectionListener.class)
public abstract class ProtectedRow implements RowProtected {

    @Column(name = "mk_version", nullable = false)
    private int mkVersion;

    @Column(name = "row_mac", nullable = false)
    private byte[] rowMac;

    /** The security-relevant columns, in a fixed order, starting with a domain naming the table. */
    protected abstract Canonical protectedColumns();

    /** Names the row in the refusal message, e.g. {@code "key 0d3f..."}; never secret. */
    protected abstract String rowName();

    /** The object id the refusal is audited under. */
    protected abstract String rowObjectId();

    @Override
    public void protectWith(MasterKeyRing ring) {
        mkVersion = ring.currentVersion();
        rowMac = ring.rowMac(mkVersion, content());
    }

    @Override
    public void verifyWith(MasterKeyRing ring) {
        if (!ring.rowMacMatches(mkVersion, content(), rowMac)) {
            throw new KeyhavenException(ErrorCode.INTEGRITY_VIOLATION,
                    rowName() + " failed its integrity check and is refused", rowObjectId());
        }
    }

    public int mkVersion() {
        return mkVersion;
    }

    private byte[] content() {
        return protectedColumns().add(mkVersion).toBytes();
    }
}
