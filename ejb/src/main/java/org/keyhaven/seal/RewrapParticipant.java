package org.keyhaven.seal;

/**
 * Something that stores material wrapped under a master key (key versions, later CA keys). A master key rotation
 * asks each participant to re-wrap, in batches, everything still wrapped or MACed under older versions.
 */
public interface RewrapParticipant {

    /** Rows still protected by a master key version other than {@code currentVersion}. */
    long countOutdated(int currentVersion);

    /**
     * Re-wraps (and re-MACs) up to {@code max} outdated rows under the ring's current version, in one transaction.
     *
     * @return the number of rows done; 0 when none is left
     */
    int rewrapBatch(int max);
}
