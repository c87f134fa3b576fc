package org.keyhaven.application;

import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.Outcome;
import org.keyhaven.client.ClientIdentity;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.jca.api.KeyManagerException.Reason;

/**
 * The audit records of the in-server gateway's sessions. Operations within a session are audited by the services
 * themselves, under the names the REST ports use, with the client as actor and {@code jca} where a peer address
 * would stand.
 */
final class GatewayAudit {

    static final String SESSION_OPEN = "jca.session.open";
    /** Stands in the audit's client address for calls through the resource adapter. */
    static final String ENTRY_POINT = "jca";

    private GatewayAudit() {
    }

    static AuditEvent opened(ClientIdentity client) {
        return AuditEvent.of(SESSION_OPEN).actor(client.principalName(), ActorType.CLIENT).object(client.clientId())
                .detail("certificate", client.certificateFingerprint());
    }

    /**
     * A refused open: DENIED when the identity was not accepted (no or wrong proof, unknown or revoked client),
     * FAILED when Keyhaven could not decide.
     *
     * @param fingerprint the leaf certificate's, or null when the chain could not be read
     */
    static AuditEvent openRefused(String fingerprint, ErrorCode code, String cause) {
        AuditEvent event = AuditEvent.of(SESSION_OPEN)
                .actor(fingerprint == null ? "anonymous" : "certificate:" + fingerprint.substring(0, 16),
                        ActorType.ANONYMOUS)
                .object(fingerprint).detail("cause", cause).detail("certificate", fingerprint);
        return GatewayFailures.reasonFor(code) == Reason.AUTHENTICATION ? event.outcome(Outcome.DENIED, code.slug())
                : event.failed(code);
    }
}
