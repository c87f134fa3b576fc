package org.keyhaven.jca.api;

/**
 * What an application injects ({@code @Resource(lookup = "java:/eis/keyhaven/...")}): connections to Keyhaven under
 * the application client identity this factory is configured with. Grants and audit apply exactly as for the same
 * client over mutual TLS.
 */
public interface KeyManagerConnectionFactory extends java.io.Serializable {

    /** A connection; close it (try-with-resources) to hand it back to the pool. */
    KeyManagerConnection getConnection() throws KeyManagerException;
}
