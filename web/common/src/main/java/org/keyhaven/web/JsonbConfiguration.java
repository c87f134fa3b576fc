package org.keyhaven.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.BinaryDataStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Strict JSON: an unknown property is an error (a typo such as {@code exportble} must not silently create a
 * non-exportable key); binary data is base64; null values are left out.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    private static final Jsonb STRICT = JsonbBuilder.create(new JsonbConfig()
            .withBinaryDataStrategy(BinaryDataStrategy.BASE_64)
            .withNullValues(false)
            .setProperty("jsonb.fail-on-unknown-properties", true));

    /** The one strict JSON-B instance, for code that binds JSON itself. */
    public static Jsonb strict() {
        return STRICT;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return STRICT;
    }
}
