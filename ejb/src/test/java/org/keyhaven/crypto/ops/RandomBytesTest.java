package org.keyhaven.crypto.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.testing.Refusals.withCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

class RandomBytesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 16, 32, 4095, 4096})
    void lengthsFromOneTo4096AreServed(int length) {
        assertThat(RandomBytes.generate(length)).hasSize(length);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 4097, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void otherLengthsAreInvalidRequests(int length) {
        assertThatThrownBy(() -> RandomBytes.generate(length))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessage("random length must be 1 to 4096 bytes; got " + length);
    }

    @Test
    void consecutiveRequestsDiffer() {
        assertThat(RandomBytes.generate(32)).isNotEqualTo(RandomBytes.generate(32));
        assertThat(RandomBytes.generate(4096)).isNotEqualTo(new byte[4096]);
    }
}
