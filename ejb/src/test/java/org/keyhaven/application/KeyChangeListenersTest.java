package org.keyhaven.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keyhaven.jca.spi.KeyChangeListener;
import org.keyhaven.key.KeyChanged;

/** The registry of key change listeners: each registered listener hears each change, a failing one harms no other. */
class KeyChangeListenersTest {

    private final KeyChangeListeners registry = new KeyChangeListeners();
    private final List<String> heard = new ArrayList<>();

    @Test
    void everyRegisteredListenerHearsEveryChange() {
        registry.add((id, name) -> heard.add("a " + id + " " + name));
        registry.add((id, name) -> heard.add("b " + id + " " + name));

        registry.onKeyChanged(new KeyChanged("id-1", "payments"));

        assertThat(heard).containsExactlyInAnyOrder("a id-1 payments", "b id-1 payments");
    }

    @Test
    void aRemovedListenerHearsNothingAndAListenerAddedTwiceHearsOnce() {
        KeyChangeListener listener = (id, name) -> heard.add(id);
        registry.add(listener);
        registry.add(listener);
        registry.onKeyChanged(new KeyChanged("id-1", "payments"));

        registry.remove(listener);
        registry.onKeyChanged(new KeyChanged("id-2", "orders"));

        assertThat(heard).containsExactly("id-1");
        assertThat(registry.size()).isZero();
    }

    @Test
    void aFailingListenerDoesNotKeepTheOthersFromHearing() {
        registry.add((id, name) -> {
            throw new IllegalStateException("cache gone");
        });
        registry.add((id, name) -> heard.add(id));

        registry.onKeyChanged(new KeyChanged("id-1", "payments"));

        assertThat(heard).containsExactly("id-1");
    }

    @Test
    void nullListenersAreIgnored() {
        registry.add(null);
        registry.remove(null);

        assertThat(registry.size()).isZero();
    }
}
