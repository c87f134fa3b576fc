package org.keyhaven.jca.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A JSON request body written straight into bytes, one object with string, base64, number and boolean members, so
 * that plaintexts and keys never become a {@code String} (which cannot be wiped): a JSON API's builder would want
 * the base64 text as one. Every intermediate array is wiped; {@link #finish()} hands out the only copy, which the
 * caller wipes once the request is answered. Members whose value is null are left out, as Keyhaven's strict JSON
 * binding expects for optional fields.
 */
final class RemoteJsonBody {

    private byte[] buffer = new byte[128];
    private int length;
    private boolean finished;

    RemoteJsonBody() {
        append((byte) '{');
    }

    RemoteJsonBody text(String name, String value) {
        if (value != null) {
            name(name);
            quoted(value);
        }
        return this;
    }

    RemoteJsonBody bytes(String name, byte[] value) {
        if (value != null) {
            name(name);
            byte[] base64 = Base64.getEncoder().encode(value);
            try {
                append((byte) '"');
                append(base64);
                append((byte) '"');
            } finally {
                Arrays.fill(base64, (byte) 0);
            }
        }
        return this;
    }

    RemoteJsonBody number(String name, int value) {
        name(name);
        append(Integer.toString(value).getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    RemoteJsonBody flag(String name, boolean value) {
        name(name);
        append((value ? "true" : "false").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** The finished body; the builder is wiped and cannot be used again. */
    byte[] finish() {
        if (finished) {
            throw new IllegalStateException("the body was finished already");
        }
        append((byte) '}');
        finished = true;
        byte[] body = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, (byte) 0);
        return body;
    }

    private void name(String name) {
        if (length > 1) {
            append((byte) ',');
        }
        quoted(name);
        append((byte) ':');
    }

    private void quoted(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        append(escaped.append('"').toString().getBytes(StandardCharsets.UTF_8));
    }

    private void append(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (finished) {
            throw new IllegalStateException("the body was finished already");
        }
        if (length + more > buffer.length) {
            byte[] grown = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            Arrays.fill(buffer, (byte) 0);
            buffer = grown;
        }
    }
}
