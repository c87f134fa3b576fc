package org.keyhaven.key;

import static org.keyhaven.key.KeyState.ACTIVE;
import static org.keyhaven.key.KeyState.COMPROMISED;
import static org.keyhaven.key.KeyState.DEACTIVATED;
import static org.keyhaven.key.KeyState.DESTROYED;
import static org.keyhaven.key.KeyState.DESTROYED_COMPROMISED;
import static org.keyhaven.key.KeyState.PRE_ACTIVE;

import java.util.Optional;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * The lifecycle transition function: a pure function of (state, event), following the KMIP 1.4 state diagram
 * (section 3.22) and NIST SP 800-57 part 1 section 7:
 * <ol>
 * <li>Pre-Active to Active: activation</li>
 * <li>Pre-Active to Compromised: compromise</li>
 * <li>Pre-Active to Destroyed: destroy (never used, never protected anything)</li>
 * <li>Pre-Active to Deactivated: deactivation date reached before activation</li>
 * <li>Active to Deactivated: revoke (not compromise) or deactivation date</li>
 * <li>Active to Compromised: compromise</li>
 * <li>Deactivated to Compromised: compromise</li>
 * <li>Deactivated to Destroyed: destroy</li>
 * <li>Compromised to Destroyed Compromised: destroy</li>
 * <li>Destroyed to Destroyed Compromised: compromise reported after destruction</li>
 * </ol>
 * Every other pair is refused; in particular an Active key cannot be destroyed (revoke or deactivate it first),
 * and nothing leaves a destroyed state except the compromise note of transition 10.
 */
public final class KeyLifecycle {

    private KeyLifecycle() {
    }

    /** The state after {@code event}, or empty when the transition is not allowed. */
    public static Optional<KeyState> transition(KeyState state, LifecycleEvent event) {
        KeyState next = switch (state) {
            case PRE_ACTIVE -> switch (event) {
                case ACTIVATE -> ACTIVE;
                case DEACTIVATE -> DEACTIVATED;
                case COMPROMISE -> COMPROMISED;
                case DESTROY -> DESTROYED;
            };
            case ACTIVE -> switch (event) {
                case DEACTIVATE -> DEACTIVATED;
                case COMPROMISE -> COMPROMISED;
                case ACTIVATE, DESTROY -> null;
            };
            case DEACTIVATED -> switch (event) {
                case COMPROMISE -> COMPROMISED;
                case DESTROY -> DESTROYED;
                case ACTIVATE, DEACTIVATE -> null;
            };
            case COMPROMISED -> event == LifecycleEvent.DESTROY ? DESTROYED_COMPROMISED : null;
            case DESTROYED -> event == LifecycleEvent.COMPROMISE ? DESTROYED_COMPROMISED : null;
            case DESTROYED_COMPROMISED -> null;
        };
        return Optional.ofNullable(next);
    }

    /** The state after {@code event}; refuses a transition the lifecycle does not allow. */
    public static KeyState next(KeyState state, LifecycleEvent event, String keyId) {
        return transition(state, event).orElseThrow(() -> new KeyhavenException(ErrorCode.INVALID_STATE_TRANSITION,
                refusal(state, event), keyId));
    }

    private static String refusal(KeyState state, LifecycleEvent event) {
        if (state == ACTIVE && event == LifecycleEvent.DESTROY) {
            return "an Active key cannot be destroyed; deactivate or revoke it first";
        }
        return "cannot " + event.name().toLowerCase(java.util.Locale.ROOT) + " a key in state " + state;
    }
}
