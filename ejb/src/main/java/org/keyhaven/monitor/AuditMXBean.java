package org.keyhaven.monitor;

/** {@value #OBJECT_NAME}: the end of the audit chain and the latest verification of it. */
public interface AuditMXBean {

    String OBJECT_NAME = "org.keyhaven:type=Audit";

    /** The sequence number of the last chained record; -1 when the database does not answer. */
    long getHeadSequence();

    /** Whether the latest verification on this server found the chain intact; null before any verification. */
    Boolean getLastVerifyIntact();

    /** When that verification ran (ISO-8601, UTC); null before any verification. */
    String getLastVerifyTime();
}
