package org.keyhaven.monitor;

/** {@value #OBJECT_NAME}: the KMIP listener (port 5696). */
public interface KmipMXBean {

    String OBJECT_NAME = "org.keyhaven:type=Kmip";

    /** Whether the listener accepts connections; null when unknown. */
    Boolean getListening();

    /** Client connections open now; -1 when unknown. */
    int getOpenConnections();
}
