package org.keyhaven.key;

/**
 * Lifecycle states of a managed object, as in NIST SP 800-57 and KMIP (section 3.22 of KMIP 1.4). The transitions
 * between them are {@link KeyLifecycle#next}; what a state permits is {@link #permits}.
 */
public enum KeyState {
    PRE_ACTIVE,
    ACTIVE,
    DEACTIVATED,
    COMPROMISED,
    DESTROYED,
    DESTROYED_COMPROMISED;

    /** Whether key material still exists in this state. */
    public boolean hasMaterial() {
        return this != DESTROYED && this != DESTROYED_COMPROMISED;
    }

    /**
     * Whether a use of the key is permitted in this state. Protecting new data (encrypt, wrap, sign, MAC) needs an
     * Active key; processing existing data (decrypt, unwrap, verify) is still allowed for Deactivated and
     * Compromised keys, as SP 800-57 and KMIP allow; nothing is possible once the material is destroyed.
     */
    public boolean permits(KeyUse use) {
        return switch (use) {
            case PROTECT -> this == ACTIVE;
            case PROCESS -> this == ACTIVE || this == DEACTIVATED || this == COMPROMISED;
            case EXPORT -> this == ACTIVE || this == DEACTIVATED;
        };
    }

    /** The two kinds of cryptographic use that states distinguish, plus export of the material. */
    public enum KeyUse {
        /** encrypt, wrap, sign, MAC generation */
        PROTECT,
        /** decrypt, unwrap, verify, MAC verification */
        PROCESS,
        /** handing the material out to a granted caller */
        EXPORT
    }
}
