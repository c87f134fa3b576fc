package org.keyhaven.key;

/** What can happen to a key's lifecycle state. */
public enum LifecycleEvent {
    /** Activate operation, or the activation date reached. */
    ACTIVATE,
    /** Revoke for a reason other than compromise, deactivate operation, or the deactivation date reached. */
    DEACTIVATE,
    /** Revoke with reason key compromise (or CA compromise). */
    COMPROMISE,
    /** Destroy: the material is erased, the metadata kept. */
    DESTROY
}
