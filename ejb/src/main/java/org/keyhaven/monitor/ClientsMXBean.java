package org.keyhaven.monitor;

/** {@value #OBJECT_NAME}: application clients. Each attribute is -1 when the database does not answer. */
public interface ClientsMXBean {

    String OBJECT_NAME = "org.keyhaven:type=Clients";

    /** All clients, enabled or not. */
    long getCount();

    /** Clients that may call the application ports. */
    long getEnabled();
}
