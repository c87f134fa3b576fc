package org.keyhaven.it.application;

import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.Suite;

/**
 * The audit trail of application clients as an auditor reads it: the records application clients caused, reduced
 * to what identifies the call (actor, actor type, operation, port, object version, outcome, reason), so a test
 * states exactly which records its calls must have left.
 */
public final class ClientAudit {

    private static final Set<String> DENIALS = Set.of("not-granted", "client-revoked", "unknown-client");

    private ClientAudit() {
    }

    /** Every record about the object (a key id, a client id) that an application client caused, in chain order. */
    public static List<JsonObject> about(String objectId) {
        return AuditTrail.about(Fixtures.auditor().api(), objectId).stream()
                .filter(record -> "CLIENT".equals(AuditTrail.field(record, "actorType"))).toList();
    }

    /** Every record after {@code seq} that this client caused, in chain order. */
    public static List<JsonObject> by(ClientCredentials client, long afterSeq) {
        return AuditTrail.after(Fixtures.auditor().api(), afterSeq).stream()
                .filter(record -> "CLIENT".equals(AuditTrail.field(record, "actorType")))
                .filter(record -> client.actor().equals(AuditTrail.field(record, "actor"))).toList();
    }

    public static long head() {
        return AuditTrail.head(Fixtures.auditor().api());
    }

    /** What a record says: actor, actor type, operation, port, object version, outcome, reason. */
    public static Tuple entry(JsonObject record) {
        String port = AuditTrail.field(record, "port");
        String version = AuditTrail.field(record, "objectVersion");
        return tuple(AuditTrail.field(record, "actor"), AuditTrail.field(record, "actorType"),
                AuditTrail.field(record, "operation"), port == null ? null : Integer.valueOf(port),
                version == null ? null : Integer.valueOf(version), outcome(record), AuditTrail.field(record, "reason"));
    }

    /** The record a successful call of this client on this port (default number) must leave. */
    public static Tuple success(ClientCredentials client, String operation, int defaultPort, Integer version) {
        return tuple(client.actor(), "CLIENT", operation, Suite.port(defaultPort), version, "SUCCESS", null);
    }

    /**
     * The record a refused call must leave: DENIED when the client lacks the authority (no grant, a revoked or unknown
     * certificate), FAILED otherwise; the problem type as its reason.
     */
    public static Tuple refusal(ClientCredentials client, String operation, int defaultPort, Integer version,
            String reason) {
        return tuple(client.actor(), "CLIENT", operation, Suite.port(defaultPort), version,
                DENIALS.contains(reason) ? "DENIED" : "FAILED", reason);
    }

    private static String outcome(JsonObject record) {
        return AuditTrail.field(record, "outcome");
    }
}
