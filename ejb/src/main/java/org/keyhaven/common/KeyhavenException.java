package org.keyhaven.common;

import java.util.Objects;

/**
 * The one exception tree of Keyhaven. Declared an application exception with rollback in
 * {@code META-INF/ejb-jar.xml} (so domain code needs no {@code jakarta.ejb} import): it reaches callers
 * unwrapped and always rolls the container transaction back.
 *
 * <p>Messages are shown to callers. They must never contain key material, passwords or tokens;
 * they may name objects by id or name.
 */
public class KeyhavenException extends RuntimeException {

    private final ErrorCode code;
    private final String objectId;
    private volatile boolean audited;
    private volatile Integer objectVersion;

    public KeyhavenException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public KeyhavenException(ErrorCode code, String message, String objectId) {
        this(code, message, objectId, null);
    }

    public KeyhavenException(ErrorCode code, String message, String objectId, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code);
        this.objectId = objectId;
    }

    public ErrorCode code() {
        return code;
    }

    /** Marks that the refusal has been audited, so outer layers do not record it twice. */
    public void markAudited() {
        audited = true;
    }

    public boolean isAudited() {
        return audited;
    }

    /** Names the version of the object concerned (for the audit of refusals), unless one is named already. */
    public KeyhavenException atVersion(Integer version) {
        if (objectVersion == null) {
            objectVersion = version;
        }
        return this;
    }

    /** The version of the object the failed operation concerned, if known. */
    public Integer objectVersion() {
        return objectVersion;
    }

    /** The object the failed operation concerned, if known; used by the audit of refusals. */
    public String objectId() {
        return objectId;
    }
}
