package org.keyhaven.jca.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A signature as an immutable value: its own copy of the bytes, equality by every part, a toString without them. */
class SignatureTest {

    private static final byte[] BYTES = {0x30, 0x45, 0x02, 0x21};

    @Test
    void itNamesTheKeyVersionAndAlgorithmThatMadeIt() {
        Signature signature = new Signature("0b5f", 3, "ECDSA-SHA256", BYTES);

        assertThat(signature.keyId()).isEqualTo("0b5f");
        assertThat(signature.version()).isEqualTo(3);
        assertThat(signature.algorithm()).isEqualTo("ECDSA-SHA256");
        assertThat(signature.bytes()).isEqualTo(BYTES);
    }

    @Test
    void theBytesAreCopiedInAndOut() {
        byte[] given = BYTES.clone();
        Signature signature = new Signature("0b5f", 3, "ECDSA-SHA256", given);

        given[0] = 0;
        signature.bytes()[1] = 0;

        assertThat(signature.bytes()).isEqualTo(BYTES).isNotSameAs(signature.bytes());
    }

    @Test
    void equalWhenEveryPartIsEqual() {
        Signature signature = new Signature("0b5f", 3, "ECDSA-SHA256", BYTES);

        assertThat(signature).isEqualTo(new Signature("0b5f", 3, "ECDSA-SHA256", BYTES.clone()))
                .hasSameHashCodeAs(new Signature("0b5f", 3, "ECDSA-SHA256", BYTES.clone()))
                .isNotEqualTo(new Signature("7a", 3, "ECDSA-SHA256", BYTES))
                .isNotEqualTo(new Signature("0b5f", 2, "ECDSA-SHA256", BYTES))
                .isNotEqualTo(new Signature("0b5f", 3, "Ed25519", BYTES))
                .isNotEqualTo(new Signature("0b5f", 3, "ECDSA-SHA256", new byte[] {0x30}))
                .isNotEqualTo(new MacValue("0b5f", 3, BYTES))
                .isNotEqualTo(null);
    }

    @Test
    void toStringShowsTheVersionAndLengthButNotTheBytes() {
        Signature signature = new Signature("0b5f", 3, "ECDSA-SHA256", new byte[] {(byte) 0xab, (byte) 0xcd});

        assertThat(signature).hasToString("Signature[0b5f v3 ECDSA-SHA256, 2 bytes]");
    }

    @Test
    void theKeyAlgorithmAndBytesAreRequired() {
        assertThatThrownBy(() -> new Signature(null, 1, "Ed25519", BYTES)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Signature("0b5f", 1, null, BYTES)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Signature("0b5f", 1, "Ed25519", null)).isInstanceOf(NullPointerException.class);
    }
}
