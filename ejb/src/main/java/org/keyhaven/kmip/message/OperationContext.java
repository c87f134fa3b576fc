package org.keyhaven.kmip.message;

import java.time.Instant;
import java.util.Optional;

/**
 * What one batch item's operation knows besides its payload: the protocol version of the request (responses write
 * only what that version defines), the time of the request, and the batch's ID Placeholder, the Unique Identifier
 * an earlier item of the same batch produced, which a later item may use instead of naming one.
 */
public final class OperationContext {

    private final ProtocolVersion version;
    private final Instant now;
    private String idPlaceholder;

    public OperationContext(ProtocolVersion version, Instant now) {
        this.version = version;
        this.now = now;
    }

    public ProtocolVersion version() {
        return version;
    }

    public Instant now() {
        return now;
    }

    public Optional<String> idPlaceholder() {
        return Optional.ofNullable(idPlaceholder);
    }

    /** The Unique Identifier later items of this batch refer to when they name none. */
    public void idPlaceholder(String uniqueIdentifier) {
        this.idPlaceholder = uniqueIdentifier;
    }
}
