package org.keyhaven.application;

import org.keyhaven.common.KeyhavenException;

/** The result of one item of a batch: a value, or the refusal of that item alone. */
public record Outcome<T>(T value, KeyhavenException error) {

    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> refused(KeyhavenException error) {
        return new Outcome<>(null, error);
    }

    public boolean succeeded() {
        return error == null;
    }

    /** The value of a one-item call, or its refusal thrown. */
    public T valueOrThrow() {
        if (error != null) {
            throw error;
        }
        return value;
    }
}
