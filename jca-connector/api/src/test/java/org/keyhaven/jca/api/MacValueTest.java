package org.keyhaven.jca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A MAC as an immutable value: its own copy of the bytes, equality by every part, a toString without them. */
class MacValueTest {

    private static final byte[] BYTES = {0x11, 0x22, 0x33, 0x44};

    @Test
    void itNamesTheKeyAndVersionThatMadeIt() {
        MacValue mac = new MacValue("7a", 2, BYTES);

        assertThat(mac.keyId()).isEqualTo("7a");
        assertThat(mac.version()).isEqualTo(2);
        assertThat(mac.bytes()).isEqualTo(BYTES);
    }

    @Test
    void theBytesAreCopiedInAndOut() {
        byte[] given = BYTES.clone();
        MacValue mac = new MacValue("7a", 2, given);

        given[0] = 0;
        mac.bytes()[1] = 0;

        assertThat(mac.bytes()).isEqualTo(BYTES).isNotSameAs(mac.bytes());
    }

    @Test
    void equalWhenEveryPartIsEqual() {
        MacValue mac = new MacValue("7a", 2, BYTES);

        assertThat(mac).isEqualTo(new MacValue("7a", 2, BYTES.clone()))
                .hasSameHashCodeAs(new MacValue("7a", 2, BYTES.clone()))
                .isNotEqualTo(new MacValue("0b5f", 2, BYTES))
                .isNotEqualTo(new MacValue("7a", 1, BYTES))
                .isNotEqualTo(new MacValue("7a", 2, new byte[] {0x11}))
                .isNotEqualTo(new Ciphertext("7a", 2, BYTES))
                .isNotEqualTo(null);
    }

    @Test
    void toStringShowsTheVersionAndLengthButNotTheBytes() {
        MacValue mac = new MacValue("7a", 2, new byte[] {(byte) 0xab, (byte) 0xcd, (byte) 0xef});

        assertThat(mac).hasToString("MacValue[7a v2, 3 bytes]");
    }

    @Test
    void theKeyAndBytesAreRequired() {
        assertThatThrownBy(() -> new MacValue(null, 1, BYTES)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MacValue("7a", 1, null)).isInstanceOf(NullPointerException.class);
    }
}
