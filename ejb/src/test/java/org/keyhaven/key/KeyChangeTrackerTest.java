package org.keyhaven.key;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.AfterCommit;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.TestRings;
import org.keyhaven.testing.Fields;

/**
 * Key changes are announced from one place: the aggregate marks every change of state, versions or policy, and the
 * JPA listener announces a written key that carries the mark once the transaction commits. Other writes (custom
 * attributes) announce nothing.
 */
class KeyChangeTrackerTest {

    private static final Instant T0 = ManagedKeyTest.T0;
    private static final Duration HOUR = Duration.ofHours(1);

    private final MasterKeyRing ring = TestRings.withVersions(1);
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<KeyChanged> announced = new ArrayList<>();
    private final KeyChangeTracker tracker = new KeyChangeTracker();

    KeyChangeTrackerTest() {
        Fields.set(tracker, "afterCommit", new AfterCommit() {
            @Override
            public void run(Runnable work) {
                afterCommit.add(work);
            }
        });
        Fields.set(tracker, "changes", new RecordingEvent(announced::add));
    }

    @AfterEach
    void sealRing() {
        TestRings.seal(ring);
    }

    @Test
    void aNewKeyWithItsFirstVersionIsMarked() {
        assertThat(newKey().takeChange()).isTrue();
    }

    @Test
    void everyLifecycleVersionAndPolicyChangeIsMarked() {
        ManagedKey key = newKey();
        key.takeChange();

        key.activate(T0);
        assertThat(key.takeChange()).as("activate").isTrue();
        key.rotate(material(key), T0.plus(HOUR));
        assertThat(key.takeChange()).as("rotate").isTrue();
        key.changePolicy(new KeyPolicyChange(2, null, false, null), T0.plus(HOUR));
        assertThat(key.takeChange()).as("policy").isTrue();
        key.deactivate(T0.plus(HOUR));
        assertThat(key.takeChange()).as("deactivate").isTrue();
        key.revoke(RevocationReason.KEY_COMPROMISE, "laptop stolen", T0.plus(HOUR));
        assertThat(key.takeChange()).as("revoke").isTrue();
        key.destroy(T0.plus(HOUR));
        assertThat(key.takeChange()).as("destroy").isTrue();
    }

    @Test
    void datesThatTakeEffectAreMarkedAndDatesNotYetDueAreNot() {
        ManagedKey key = ManagedKey.create(ManagedKeyTest.ID, ManagedKeyTest.definition(T0.plus(HOUR), null, null),
                "officer", T0);
        key.addFirstVersion(material(key), T0);
        key.takeChange();

        key.applyDates(T0);
        assertThat(key.takeChange()).isFalse();

        key.applyDates(T0.plus(HOUR));
        assertThat(key.takeChange()).isTrue();
    }

    @Test
    void customAttributesAreNotAKeyChange() {
        ManagedKey key = newKey();
        key.takeChange();

        key.setAttribute("x-owner", "team-a");
        key.removeAttribute("x-owner");

        assertThat(key.takeChange()).isFalse();
    }

    @Test
    void theMarkIsTakenOnce() {
        ManagedKey key = newKey();

        assertThat(key.takeChange()).isTrue();
        assertThat(key.takeChange()).isFalse();
    }

    @Test
    void aWrittenChangeIsAnnouncedOnlyAfterCommit() {
        ManagedKey key = newKey();
        key.activate(T0);

        tracker.written(key);

        assertThat(announced).isEmpty();
        afterCommit.forEach(Runnable::run);
        assertThat(announced).containsExactly(new KeyChanged(ManagedKeyTest.ID, "payments"));
    }

    @Test
    void aWriteWithoutAChangeAnnouncesNothing() {
        ManagedKey key = newKey();
        tracker.written(key);
        afterCommit.clear();

        key.setAttribute("x-owner", "team-a");
        tracker.written(key);

        assertThat(afterCommit).isEmpty();
    }

    private ManagedKey newKey() {
        ManagedKey key = ManagedKey.create(ManagedKeyTest.ID, ManagedKeyTest.definition(), "officer", T0);
        key.addFirstVersion(material(key), T0);
        return key;
    }

    private WrappedMaterial material(ManagedKey key) {
        return KeyMaterials.generateWrapped(ring, key.id(), key.nextVersionNumber(), key.spec());
    }

    /** An event that hands each fired payload to the test; nothing else of the CDI API is used. */
    private record RecordingEvent(Consumer<KeyChanged> sink) implements Event<KeyChanged> {

        @Override
        public void fire(KeyChanged event) {
            sink.accept(event);
        }

        @Override
        public <U extends KeyChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends KeyChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<KeyChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends KeyChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends KeyChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
