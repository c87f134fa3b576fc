package org.keyhaven.seal;

/**
 * A database row that guards key material or key policy and carries a MAC over its security-relevant columns
 * (EJBCA's "protected data" idea): a row edited in the database, rather than through Keyhaven, fails its check
 * when loaded and is refused, never used.
 */
public interface RowProtected {

    /** Recomputes the row MAC; called before every insert and update. */
    void protectWith(MasterKeyRing ring);

    /** Checks the row MAC; called after every load; throws an integrity violation on mismatch. */
    void verifyWith(MasterKeyRing ring);
}
