package org.keyhaven.monitor;

/**
 * {@value #OBJECT_NAME}: what runs here and whether it can serve keys. Read-only, like every Keyhaven MBean.
 */
public interface ServerMXBean {

    String OBJECT_NAME = "org.keyhaven:type=Server";

    /** The Keyhaven version. */
    String getVersion();

    /** The environment label (e.g. PRODUCTION, TEST); null when the database does not answer. */
    String getEnvironment();

    /** Whether key operations are refused (master key not in memory); null when unknown. */
    Boolean getSealed();

    /** {@code embedded} or {@code custodian}; null when unknown. */
    String getSealMode();

    /** The master key version in use; null while sealed. */
    Integer getMasterKeyVersion();
}
