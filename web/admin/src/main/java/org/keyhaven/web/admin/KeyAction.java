package org.keyhaven.web.admin;

import java.util.Optional;
import org.keyhaven.key.KeyLifecycle;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.LifecycleEvent;

/**
 * The lifecycle actions the key page offers, and in which states it offers each. The rules follow
 * {@link KeyLifecycle} (and, for rotation, the key itself: only Pre-Active and Active keys with private material
 * rotate). Offering is a convenience: the key service decides, and a refusal shows as its message.
 */
public enum KeyAction {
    ACTIVATE,
    ROTATE,
    DEACTIVATE,
    /** Some revocation reason applies: a plain one deactivates, a compromise one compromises. */
    REVOKE,
    DESTROY;

    public boolean allowedFor(KeyState state, boolean publicKeyOnly) {
        if (state == null) {
            return false;
        }
        return switch (this) {
            case ACTIVATE -> possible(state, LifecycleEvent.ACTIVATE);
            case ROTATE -> !publicKeyOnly && (state == KeyState.ACTIVE || state == KeyState.PRE_ACTIVE);
            case DEACTIVATE -> possible(state, LifecycleEvent.DEACTIVATE);
            case REVOKE -> possible(state, LifecycleEvent.DEACTIVATE) || possible(state, LifecycleEvent.COMPROMISE);
            case DESTROY -> possible(state, LifecycleEvent.DESTROY);
        };
    }

    private static boolean possible(KeyState state, LifecycleEvent event) {
        Optional<KeyState> next = KeyLifecycle.transition(state, event);
        return next.isPresent();
    }
}
