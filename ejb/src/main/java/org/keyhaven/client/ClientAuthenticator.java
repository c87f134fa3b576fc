package org.keyhaven.client;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Times;

/**
 * Decides whether a certificate presented on an application port identifies an enabled client: it must be registered
 * to a client (by fingerprint), not revoked, within its validity, issued by an enabled CA (checked again here: the
 * TLS trust store may lag a change by a moment), with the clientAuth extended key usage where that CA requires it.
 * Every refusal is audited.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ClientAuthenticator {

    @EJB
    private ClientRepository repository;

    @Inject
    private ClientCache cache;

    @EJB
    private AuditLog audit;

    public ClientIdentity authenticate(X509Certificate[] chain) {
        Instant now = Times.now();
        X509Certificate leaf = chain[0];
        String fingerprint = CertificateFacts.fingerprint(leaf);
        Optional<ClientIdentity> cached = cache.lookup(fingerprint, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        long readAt = cache.generation();
        ClientCertificate registered = repository.findCertificate(fingerprint)
                .orElseThrow(() -> refused(ErrorCode.UNKNOWN_CLIENT, fingerprint, null,
                        "the certificate is not registered to any client"));
        Client client = registered.client();
        if (registered.status() == CertificateStatus.REVOKED) {
            throw refused(ErrorCode.CLIENT_REVOKED, fingerprint, client, "the certificate is revoked");
        }
        if (client.status() != ClientStatus.ACTIVE) {
            throw refused(ErrorCode.CLIENT_REVOKED, fingerprint, client, "the client is disabled");
        }
        CertificateAuthority issuer = registered.issuer();
        if (!issuer.enabled()) {
            throw refused(ErrorCode.UNKNOWN_CLIENT, fingerprint, client, "its issuing CA is disabled");
        }
        String problem = CertificateFacts.problemWith(leaf, issuer, now);
        if (problem != null) {
            throw refused(ErrorCode.UNKNOWN_CLIENT, fingerprint, client, problem);
        }
        ClientIdentity identity = new ClientIdentity(client.id(), client.name(), fingerprint);
        cache.put(identity, now, readAt);
        return identity;
    }

    private KeyhavenException refused(ErrorCode code, String fingerprint, Client client, String why) {
        audit.recordIndependently(AuditEvent.of("client.authenticate")
                .actor(client != null ? Roles.CLIENT_PRINCIPAL_PREFIX + client.name()
                        : "certificate:" + fingerprint.substring(0, 16),
                        client != null ? ActorType.CLIENT : ActorType.ANONYMOUS)
                .object(client != null ? client.id() : fingerprint).failed(code).detail("cause", why)
                .detail("certificate", fingerprint));
        return new KeyhavenException(code, "client certificate refused: " + why);
    }
}
