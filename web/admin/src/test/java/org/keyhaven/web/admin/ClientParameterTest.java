package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientParameterTest {

    @Test
    void aValueWithinTheLimitIsKept() {
        assertThat(ClientParameter.bounded("abc", 3)).isEqualTo("abc");
    }

    @Test
    void aMissingOrTooLongValueCountsAsAbsent() {
        assertThat(ClientParameter.bounded(null, 3)).isEmpty();
        assertThat(ClientParameter.bounded("abcd", 3)).isEmpty();
    }
}
