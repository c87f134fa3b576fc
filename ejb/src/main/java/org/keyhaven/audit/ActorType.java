package org.keyhaven.audit;

/** Who acted: an admin user, an application client, Keyhaven itself (timers, startup), or nobody known yet. */
public enum ActorType {
    USER,
    CLIENT,
    SYSTEM,
    ANONYMOUS
}
