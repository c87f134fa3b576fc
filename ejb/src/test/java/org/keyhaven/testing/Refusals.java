package org.keyhaven.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** Assertions on refusals. */
public final class Refusals {

    private Refusals() {
    }

    /** For {@code assertThatThrownBy(...).isInstanceOfSatisfying(KeyhavenException.class, withCode(...))}. */
    public static Consumer<KeyhavenException> withCode(ErrorCode code) {
        return e -> assertThat(e.code()).isEqualTo(code);
    }
}
