package org.keyhaven.web;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * JSON request bodies exactly as sent, or refused: valid UTF-8, one JSON value and nothing after it, and for record
 * and map targets the JSON types the target declares (a number for an Integer, in range and whole; true or false for
 * a Boolean; a string for a String or a date; no unknown properties). The JSON binding alone would coerce
 * {@code "yes"} to false, {@code 4294967424} to 128 and take the first element of an array for an object.
 */
@Provider
public class StrictJsonReader implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0) {
            check(parse(utf8(body)), context.getGenericType(), "the request body");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("the request body is not valid UTF-8");
        }
    }

    private static JsonValue parse(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw malformed("the request body has content after its JSON value");
            }
            return value;
        } catch (KeyhavenException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException for syntax, but plain RuntimeException for input nested too deeply
            throw malformed("the request body is not valid JSON");
        }
    }

    static void check(JsonValue value, Type type, String where) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            expect(value, JsonValue.ValueType.OBJECT, where, "a JSON object");
            JsonObject object = value.asJsonObject();
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                RecordComponent component = component(raw, member.getKey());
                if (component == null) {
                    throw malformed("unknown property '" + Texts.printable(member.getKey(), 60) + "'");
                }
                check(member.getValue(), component.getGenericType(), "property '" + member.getKey() + "'");
            }
        } else if (raw == String.class || raw == Instant.class) {
            expect(value, JsonValue.ValueType.STRING, where, "a string");
        } else if (raw == Integer.class || raw == int.class) {
            expect(value, JsonValue.ValueType.NUMBER, where, "a number");
            JsonNumber number = (JsonNumber) value;
            try {
                if (!number.isIntegral()) {
                    throw malformed(where + " must be a whole number");
                }
                number.intValueExact();
            } catch (ArithmeticException e) {
                throw malformed(where + " is out of range");
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                throw malformed(where + " must be true or false");
            }
        } else if (List.class.isAssignableFrom(raw)) {
            expect(value, JsonValue.ValueType.ARRAY, where, "a JSON array");
            Type element = typeArgument(type, 0);
            value.asJsonArray().forEach(item -> check(item, element, "an element of " + where));
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(value, JsonValue.ValueType.OBJECT, where, "a JSON object");
            Type member = typeArgument(type, 1);
            value.asJsonObject().forEach((name, item) -> check(item, member, "'" + Texts.printable(name, 60) + "'"));
        }
    }

    private static void expect(JsonValue value, JsonValue.ValueType type, String where, String what) {
        if (value.getValueType() != type) {
            throw malformed(where + " must be " + what);
        }
    }

    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static KeyhavenException malformed(String detail) {
        return new KeyhavenException(ErrorCode.MALFORMED_JSON, detail);
    }
}
