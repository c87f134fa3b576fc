package org.keyhaven.audit;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.Texts;

/**
 * What happened, before Keyhaven adds who, from where and when. Details are short non-secret facts
 * (algorithm, state, reason); never key material, passwords or tokens.
 */
public final class AuditEvent {

    static final int MAX_DETAILS = 2000;

    private final String operation;
    private String objectId;
    private Integer objectVersion;
    private Outcome outcome = Outcome.SUCCESS;
    private String reason;
    private final Map<String, String> details = new LinkedHashMap<>();
    private String actor;
    private ActorType actorType;

    private AuditEvent(String operation) {
        this.operation = Objects.requireNonNull(operation);
    }

    /** An event for an operation named like {@code key.create}. */
    public static AuditEvent of(String operation) {
        return new AuditEvent(operation);
    }

    public AuditEvent object(String id) {
        this.objectId = id;
        return this;
    }

    public AuditEvent object(String id, Integer version) {
        this.objectId = id;
        this.objectVersion = version;
        return this;
    }

    public AuditEvent detail(String name, Object value) {
        if (value != null) {
            details.put(name, String.valueOf(value));
        }
        return this;
    }

    /** Refusals for lack of authority: a role, a changed password, a grant, or a valid client identity. */
    private static final Set<ErrorCode> DENIALS = EnumSet.of(ErrorCode.FORBIDDEN,
            ErrorCode.PASSWORD_CHANGE_REQUIRED, ErrorCode.NOT_GRANTED, ErrorCode.CLIENT_REVOKED,
            ErrorCode.UNKNOWN_CLIENT, ErrorCode.SELF_APPROVAL);

    public AuditEvent failed(ErrorCode code) {
        this.outcome = DENIALS.contains(code) ? Outcome.DENIED : Outcome.FAILED;
        this.reason = code.slug();
        return this;
    }

    public AuditEvent outcome(Outcome outcome, String reason) {
        this.outcome = outcome;
        this.reason = reason;
        return this;
    }

    /** Names the actor explicitly, for events without an authenticated caller (system jobs, login attempts). */
    public AuditEvent actor(String name, ActorType type) {
        this.actor = name;
        this.actorType = type;
        return this;
    }

    public String operation() {
        return operation;
    }

    public String objectId() {
        return objectId;
    }

    public Integer objectVersion() {
        return objectVersion;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    String explicitActor() {
        return actor;
    }

    ActorType explicitActorType() {
        return actorType;
    }

    /** {@code name=value} pairs separated by {@code ", "}, values made printable, bounded in length. */
    public String detailsText() {
        if (details.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        details.forEach((name, value) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(name).append('=').append(Texts.printable(value, 200));
        });
        return Texts.truncate(text.toString(), MAX_DETAILS);
    }

    @Override
    public String toString() {
        return operation + " " + outcome + (objectId != null ? " " + objectId : "");
    }
}
