package org.keyhaven.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.Outcome;
import org.keyhaven.client.ClientIdentity;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.testing.Fields;

/** The audit records of gateway sessions: who opened one, and every refused open as a denial. */
class GatewayAuditTest {

    private static final String FINGERPRINT = "0123456789abcdef".repeat(4);

    @Test
    void anOpenedSessionIsRecordedWithTheClientAsActor() {
        AuditEvent event = GatewayAudit.opened(new ClientIdentity("id-orders", "orders-app", FINGERPRINT));

        assertThat(event.operation()).isEqualTo("jca.session.open");
        assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event.objectId()).isEqualTo("id-orders");
        assertThat(Fields.get(event, "actor")).isEqualTo("client:orders-app");
        assertThat(Fields.get(event, "actorType")).isEqualTo(ActorType.CLIENT);
        assertThat(event.detailsText()).isEqualTo("certificate=" + FINGERPRINT);
    }

    @Test
    void aFailedProofIsADenialByTheCertificate() {
        AuditEvent event = GatewayAudit.openRefused(FINGERPRINT, ErrorCode.UNAUTHORIZED, "the signature does not"
                + " prove possession of the certificate's private key");

        assertThat(event.operation()).isEqualTo("jca.session.open");
        assertThat(event.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(event.reason()).isEqualTo("unauthorized");
        assertThat(event.objectId()).isEqualTo(FINGERPRINT);
        assertThat(Fields.get(event, "actor")).isEqualTo("certificate:0123456789abcdef");
        assertThat(Fields.get(event, "actorType")).isEqualTo(ActorType.ANONYMOUS);
        assertThat(event.detailsText()).startsWith("cause=the signature does not prove");
    }

    @Test
    void aRevokedOrUnknownClientIsADenial() {
        assertThat(GatewayAudit.openRefused(FINGERPRINT, ErrorCode.CLIENT_REVOKED, "revoked").outcome())
                .isEqualTo(Outcome.DENIED);
        assertThat(GatewayAudit.openRefused(FINGERPRINT, ErrorCode.UNKNOWN_CLIENT, "unknown").reason())
                .isEqualTo("unknown-client");
    }

    @Test
    void anOpenThatKeyhavenCouldNotDecideIsAFailure() {
        AuditEvent event = GatewayAudit.openRefused(FINGERPRINT, ErrorCode.INTERNAL, "incident 42");

        assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(event.reason()).isEqualTo("internal-error");
    }

    @Test
    void anUnreadableChainIsDeniedToAnAnonymousActor() {
        AuditEvent event = GatewayAudit.openRefused(null, ErrorCode.UNAUTHORIZED, "the certificate chain cannot be"
                + " read");

        assertThat(Fields.get(event, "actor")).isEqualTo("anonymous");
        assertThat(event.objectId()).isNull();
        assertThat(event.outcome()).isEqualTo(Outcome.DENIED);
    }
}
