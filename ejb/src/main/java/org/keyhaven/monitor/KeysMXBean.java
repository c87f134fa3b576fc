package org.keyhaven.monitor;

/**
 * {@value #OBJECT_NAME}: how many managed objects are in each lifecycle state. Each attribute is -1 when the
 * database does not answer.
 */
public interface KeysMXBean {

    String OBJECT_NAME = "org.keyhaven:type=Keys";

    long getPreActive();

    long getActive();

    long getDeactivated();

    long getCompromised();

    long getDestroyed();

    long getDestroyedCompromised();

    /** All managed objects, destroyed ones included. */
    long getTotal();
}
