package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.key.KeyState;

class KeyActionTest {

    @ParameterizedTest
    @EnumSource(KeyState.class)
    void offersWhatTheLifecycleAllowsInEachState(KeyState state) {
        Set<KeyAction> expected = switch (state) {
            case PRE_ACTIVE -> EnumSet.allOf(KeyAction.class);
            case ACTIVE -> EnumSet.of(KeyAction.ROTATE, KeyAction.DEACTIVATE, KeyAction.REVOKE);
            case DEACTIVATED -> EnumSet.of(KeyAction.REVOKE, KeyAction.DESTROY);
            case COMPROMISED -> EnumSet.of(KeyAction.DESTROY);
            // a compromise may still be recorded after destruction
            case DESTROYED -> EnumSet.of(KeyAction.REVOKE);
            case DESTROYED_COMPROMISED -> EnumSet.noneOf(KeyAction.class);
        };

        assertThat(offered(state, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(KeyState.class)
    void aPublicKeyAloneNeverRotates(KeyState state) {
        assertThat(KeyAction.ROTATE.allowedFor(state, true)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyAction.class)
    void nothingIsOfferedWhileTheStateIsUnknown(KeyAction action) {
        assertThat(action.allowedFor(null, false)).isFalse();
    }

    private static Set<KeyAction> offered(KeyState state, boolean publicKeyOnly) {
        Set<KeyAction> actions = EnumSet.noneOf(KeyAction.class);
        for (KeyAction action : KeyAction.values()) {
            if (action.allowedFor(state, publicKeyOnly)) {
                actions.add(action);
            }
        }
        return actions;
    }
}
