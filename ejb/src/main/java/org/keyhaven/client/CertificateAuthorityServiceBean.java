package org.keyhaven.client;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.ca.CaCertificates;
import org.keyhaven.ca.CertificateIssuer;
import org.keyhaven.ca.CertifiedKey;
import org.keyhaven.ca.InternalCaFactory;
import org.keyhaven.ca.Pem;
import org.keyhaven.common.AfterCommit;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Times;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.seal.MasterKeyRing;

/**
 * The internal CA (created at first start, its key wrapped under the master key) and the external CAs registered by
 * security administrators. Any change of the trusted CAs reaches the TLS trust store right after it commits.
 */
@Stateless
@Local({CertificateAuthorityService.class, CertificateAuthorities.class})
@LocalBean
@Interceptors(RefusalAudit.class)
public class CertificateAuthorityServiceBean implements CertificateAuthorityService, CertificateAuthorities {

    static final Duration SERVER_CERTIFICATE_VALIDITY = Duration.ofDays(397);

    @EJB
    private ClientRepository repository;

    @Inject
    private MasterKeyHolder keys;

    @EJB
    private AuditLog audit;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private ClientCache clientCache;

    @Inject
    private Event<TrustChanged> trustChanges;

    @Resource
    private SessionContext context;

    /** First start (and any start without one): a new internal CA. Returns the internal CA's fingerprint. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String ensureInternalCa() {
        Optional<CertificateAuthority> existing = repository.internalCa();
        if (existing.isPresent()) {
            return existing.get().fingerprint();
        }
        MasterKeyRing ring = keys.ring();
        String id = UUID.randomUUID().toString();
        try (CertifiedKey root = InternalCaFactory.create(id.substring(0, 8))) {
            X509Certificate certificate = root.certificate();
            CertificateAuthority ca = CertificateAuthority.internal(id, "internal", Pem.write(certificate),
                    CertificateFacts.fingerprint(certificate), root.privateKey(), ring, Times.now());
            repository.add(ca);
            audit.record(AuditEvent.of("ca.create").object(id).detail("kind", CaKind.INTERNAL)
                    .detail("fingerprint", ca.fingerprint()).actor("system", org.keyhaven.audit.ActorType.SYSTEM));
            return ca.fingerprint();
        }
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String issueServerCertificateChain(String csrPem, List<String> dnsNames, List<String> ipAddresses) {
        MasterKeyRing ring = keys.ring();
        CertificateAuthority ca = internal();
        X509Certificate caCertificate = Pem.certificate(ca.certificatePem());
        try (SecretBytes caKey = ca.unwrapPrivateKey(ring)) {
            CertificateIssuer issuer = new CertificateIssuer(caCertificate, caKey);
            X509Certificate server = issuer.issueServerCertificate(Pem.certificationRequest(csrPem), dnsNames,
                    ipAddresses, SERVER_CERTIFICATE_VALIDITY);
            audit.record(AuditEvent.of("tls.server-certificate.issue").object(CertificateFacts.fingerprint(server))
                    .detail("dns", dnsNames).detail("ip", ipAddresses)
                    .actor("system", org.keyhaven.audit.ActorType.SYSTEM));
            return Pem.write(issuer.chain(server));
        }
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<TrustAnchor> clientTrustAnchors() {
        List<TrustAnchor> anchors = new ArrayList<>();
        for (CertificateAuthority ca : repository.cas()) {
            if (ca.enabled()) {
                anchors.add(new TrustAnchor(ca.fingerprint(), ca.certificatePem()));
            }
        }
        return anchors;
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean hasInternalCa() {
        return repository.internalCa().isPresent();
    }

    @Override
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public String internalCaCertificatePem() {
        return internal().certificatePem();
    }

    @Override
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.CRYPTO_OFFICER, Roles.AUDITOR})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<CaView> list() {
        return repository.cas().stream().map(CertificateAuthority::toView).toList();
    }

    @Override
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @AuditedOperation("ca.register")
    public CaView registerExternal(String name, String certificatePem, boolean requireClientAuthEku) {
        keys.ring();
        Client.validateName(name);
        X509Certificate certificate = Pem.certificate(certificatePem);
        String fingerprint = CaCertificates.validateExternalCa(certificate).hex();
        if (repository.findCaByFingerprint(fingerprint).isPresent()) {
            throw new KeyhavenException(ErrorCode.DUPLICATE_CA, "this CA is registered already", fingerprint);
        }
        if (repository.cas().stream().anyMatch(ca -> ca.name().equals(name))) {
            throw new KeyhavenException(ErrorCode.DUPLICATE_CA, "a CA named '" + name + "' exists");
        }
        CertificateAuthority ca = CertificateAuthority.external(UUID.randomUUID().toString(), name,
                Pem.write(certificate), fingerprint, requireClientAuthEku, context.getCallerPrincipal().getName(),
                Times.now());
        repository.add(ca);
        audit.record(AuditEvent.of("ca.register").object(ca.id()).detail("name", name)
                .detail("fingerprint", fingerprint).detail("requireClientAuthEku", requireClientAuthEku));
        trustChanged();
        return ca.toView();
    }

    @Override
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @AuditedOperation(value = "ca.enable", object = 0)
    public CaView setEnabled(String id, boolean enabled) {
        keys.ring();
        CertificateAuthority ca = repository.getCa(id);
        ca.setEnabled(enabled);
        repository.flush();
        audit.record(AuditEvent.of(enabled ? "ca.enable" : "ca.disable").object(ca.id()).detail("name", ca.name()));
        trustChanged();
        return ca.toView();
    }

    @Override
    @RolesAllowed(Roles.SECURITY_ADMIN)
    @AuditedOperation(value = "ca.policy", object = 0)
    public CaView setRequireClientAuthEku(String id, boolean require) {
        keys.ring();
        CertificateAuthority ca = repository.getCa(id);
        ca.setRequireClientAuthEku(require);
        repository.flush();
        audit.record(AuditEvent.of("ca.policy").object(ca.id()).detail("requireClientAuthEku", require));
        trustChanged();
        return ca.toView();
    }

    private CertificateAuthority internal() {
        return repository.internalCa().orElseThrow(() -> new KeyhavenException(ErrorCode.SEALED,
                "the internal CA does not exist yet (Keyhaven has not been unsealed since its first start)"));
    }

    private void trustChanged() {
        afterCommit.run(() -> {
            clientCache.clear();
            trustChanges.fireAsync(new TrustChanged());
        });
    }
}
