package org.keyhaven.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.KeyState.KeyUse;

/**
 * Every (state, event) pair of the lifecycle, against a table transcribed from the KMIP 1.4 section 3.22 state diagram
 * (transitions 2 to 11, numbered as in the class Javadoc of {@link KeyLifecycle}), not derived from the code.
 */
class KeyLifecycleTest {

    private static final String KEY_ID = "0b9e3c52-5d0c-4bd4-9a7c-0f3c2b0f6a11";

    /** Rows: state; columns: ACTIVATE, DEACTIVATE, COMPROMISE, DESTROY; "-" means refused. */
    private static final String TRANSITIONS = """
            PRE_ACTIVE            | ACTIVE | DEACTIVATED | COMPROMISED           | DESTROYED
            ACTIVE                | -      | DEACTIVATED | COMPROMISED           | -
            DEACTIVATED           | -      | -           | COMPROMISED           | DESTROYED
            COMPROMISED           | -      | -           | -                     | DESTROYED_COMPROMISED
            DESTROYED             | -      | -           | DESTROYED_COMPROMISED | -
            DESTROYED_COMPROMISED | -      | -           | -                     | -
            """;

    private static final List<LifecycleEvent> COLUMNS = List.of(LifecycleEvent.ACTIVATE, LifecycleEvent.DEACTIVATE,
            LifecycleEvent.COMPROMISE, LifecycleEvent.DESTROY);

    /** Rows: state; columns: PROTECT, PROCESS, EXPORT. */
    private static final String USES = """
            PRE_ACTIVE            | no  | no  | no
            ACTIVE                | yes | yes | yes
            DEACTIVATED           | no  | yes | yes
            COMPROMISED           | no  | yes | no
            DESTROYED             | no  | no  | no
            DESTROYED_COMPROMISED | no  | no  | no
            """;

    private static final List<KeyUse> USE_COLUMNS = List.of(KeyUse.PROTECT, KeyUse.PROCESS, KeyUse.EXPORT);

    static Stream<Arguments> transitions() {
        return TRANSITIONS.lines().flatMap(line -> {
            String[] cells = line.split("\\|");
            KeyState from = KeyState.valueOf(cells[0].trim());
            return COLUMNS.stream().map(event -> {
                String target = cells[COLUMNS.indexOf(event) + 1].trim();
                return Arguments.of(from, event, target.equals("-") ? null : KeyState.valueOf(target));
            });
        });
    }

    static Stream<Arguments> uses() {
        return USES.lines().flatMap(line -> {
            String[] cells = line.split("\\|");
            KeyState state = KeyState.valueOf(cells[0].trim());
            return USE_COLUMNS.stream()
                    .map(use -> Arguments.of(state, use, cells[USE_COLUMNS.indexOf(use) + 1].trim().equals("yes")));
        });
    }

    /** The refusals with the generic message: all but destroying an Active key. */
    static Stream<Arguments> genericRefusals() {
        return transitions().filter(arguments -> arguments.get()[2] == null)
                .filter(arguments -> arguments.get()[0] != KeyState.ACTIVE
                        || arguments.get()[1] != LifecycleEvent.DESTROY);
    }

    @Test
    void theTablesCoverEveryStateEventAndUseExactlyOnce() {
        Set<List<Object>> pairs = new HashSet<>();
        transitions().forEach(arguments -> pairs.add(List.of(arguments.get()[0], arguments.get()[1])));
        Set<List<Object>> usePairs = new HashSet<>();
        uses().forEach(arguments -> usePairs.add(List.of(arguments.get()[0], arguments.get()[1])));

        assertThat(transitions()).hasSize(KeyState.values().length * LifecycleEvent.values().length).hasSize(24);
        assertThat(transitions().filter(arguments -> arguments.get()[2] != null)).hasSize(10);
        assertThat(genericRefusals()).hasSize(13);
        assertThat(pairs).hasSize(24);
        assertThat(COLUMNS).containsExactlyInAnyOrder(LifecycleEvent.values());
        assertThat(uses()).hasSize(KeyState.values().length * KeyUse.values().length);
        assertThat(usePairs).hasSize(18);
        assertThat(USE_COLUMNS).containsExactlyInAnyOrder(KeyUse.values());
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("transitions")
    void transitionFollowsTheKmipStateDiagram(KeyState from, LifecycleEvent event, KeyState expected) {
        assertThat(KeyLifecycle.transition(from, event)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("transitions")
    void nextAgreesWithTransitionAndRefusesWithInvalidStateTransition(KeyState from, LifecycleEvent event,
            KeyState expected) {
        if (expected != null) {
            assertThat(KeyLifecycle.next(from, event, KEY_ID)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> KeyLifecycle.next(from, event, KEY_ID))
                    .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
                        assertThat(e.objectId()).isEqualTo(KEY_ID);
                    });
        }
    }

    @Test
    void destroyingAnActiveKeyIsRefusedWithAdviceToDeactivateOrRevokeFirst() {
        assertThatThrownBy(() -> KeyLifecycle.next(KeyState.ACTIVE, LifecycleEvent.DESTROY, KEY_ID))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION))
                .hasMessage("an Active key cannot be destroyed; deactivate or revoke it first");
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("genericRefusals")
    void otherRefusalsNameTheEventAndTheState(KeyState from, LifecycleEvent event) {
        assertThatThrownBy(() -> KeyLifecycle.next(from, event, KEY_ID))
                .hasMessage("cannot " + event.name().toLowerCase(java.util.Locale.ROOT) + " a key in state " + from);
    }

    @Test
    void nothingLeavesDestroyedCompromised() {
        for (LifecycleEvent event : LifecycleEvent.values()) {
            assertThat(KeyLifecycle.transition(KeyState.DESTROYED_COMPROMISED, event)).isEmpty();
        }
    }

    @Test
    void noTransitionEverReturnsToPreActiveOrRevivesDestroyedMaterial() {
        for (KeyState from : KeyState.values()) {
            for (LifecycleEvent event : LifecycleEvent.values()) {
                KeyLifecycle.transition(from, event).ifPresent(to -> {
                    assertThat(to).isNotEqualTo(KeyState.PRE_ACTIVE);
                    if (!from.hasMaterial()) {
                        assertThat(to.hasMaterial()).as("%s + %s", from, event).isFalse();
                    }
                });
            }
        }
    }

    @ParameterizedTest(name = "{0} permits {1}: {2}")
    @MethodSource("uses")
    void permitsFollowsSp80057(KeyState state, KeyUse use, boolean permitted) {
        assertThat(state.permits(use)).isEqualTo(permitted);
    }

    @Test
    void onlyTheDestroyedStatesHaveNoMaterial() {
        EnumSet<KeyState> withMaterial = EnumSet.noneOf(KeyState.class);
        for (KeyState state : KeyState.values()) {
            if (state.hasMaterial()) {
                withMaterial.add(state);
            }
        }

        assertThat(withMaterial).containsExactlyInAnyOrder(KeyState.PRE_ACTIVE, KeyState.ACTIVE,
                KeyState.DEACTIVATED, KeyState.COMPROMISED);
    }
}
