package org.keyhaven.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Reads canonical bytes back into content, strictly: a parser that recovers every value proves the
 * encoding is unambiguous (no two values can share bytes that parse one way only).
 */
final class CanonicalContentParser {

    private final ByteBuffer in;

    private CanonicalContentParser(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    static AuditContent parse(byte[] bytes) {
        return new CanonicalContentParser(bytes).content();
    }

    private AuditContent content() {
        if (in.get() != AuditContent.FORMAT_VERSION) {
            throw new IllegalArgumentException("unknown version");
        }
        long id = in.getLong();
        Instant occurredAt = Instant.EPOCH.plus(in.getLong(), ChronoUnit.MICROS);
        String actor = string();
        String actorType = string();
        String clientAddress = string();
        Integer port = integer();
        String operation = string();
        String objectId = string();
        Integer objectVersion = integer();
        String outcome = string();
        String reason = string();
        String details = string();
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("trailing bytes");
        }
        return new AuditContent(id, occurredAt, actor, actorType, clientAddress, port, operation, objectId,
                objectVersion, outcome, reason, details);
    }

    private boolean present() {
        byte tag = in.get();
        if (tag != 0 && tag != 1) {
            throw new IllegalArgumentException("bad presence tag " + tag);
        }
        return tag == 1;
    }

    private String string() {
        if (!present()) {
            return null;
        }
        byte[] utf8 = new byte[in.getInt()];
        in.get(utf8);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }

    private Integer integer() {
        return present() ? in.getInt() : null;
    }
}
