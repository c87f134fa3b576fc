package org.keyhaven.client;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.keyhaven.access.Roles;
import org.keyhaven.approval.ApprovalKind;
import org.keyhaven.approval.DualControlBean;
import org.keyhaven.approval.PendingOperation;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.CallContext;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.ca.CertificateIssuer;
import org.keyhaven.ca.CertifiedKey;
import org.keyhaven.ca.ClientBundle;
import org.keyhaven.ca.ClientCertificateCheck;
import org.keyhaven.ca.ClientCertificateVerdict;
import org.keyhaven.ca.Pem;
import org.keyhaven.common.AfterCommit;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.common.Times;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.seal.MasterKeyRing;

/**
 * Thin transactional facade over clients: looks up, lets the client change itself, issues certificates with the
 * internal CA, audits in the same transaction. Every change clears the client cache once it commits, so a revoked
 * certificate or a disabled client is refused from the next request on.
 */
@Stateless
@RolesAllowed(Roles.CRYPTO_OFFICER)
@Interceptors(RefusalAudit.class)
public class ClientServiceBean implements ClientService {

    @EJB
    private ClientRepository repository;

    @Inject
    private MasterKeyHolder keys;

    @EJB
    private AuditLog audit;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private ClientCache cache;

    @Resource
    private SessionContext context;

    @EJB
    private DualControlBean dualControl;

    @Inject
    private CallContext callContext;

    @Override
    @AuditedOperation("client.create")
    public NewCertificate create(String name, String csrPem) {
        keys.ring();
        Client.validateName(name);
        if (repository.findClientByName(name).isPresent()) {
            throw new KeyhavenException(ErrorCode.DUPLICATE_CLIENT, "a client named '" + name + "' exists");
        }
        if (csrPem == null) {
            dualControl.requireSingleControl(ApprovalKind.CLIENT_CREATE, "under dual control a client is created"
                    + " from a CSR: its private key never passes through an approver");
        } else {
            dualControl.check(new PendingOperation.CreateClient(name, csrPem));
        }
        Client client = new Client(name, caller(), Times.now());
        repository.add(client);
        audit.record(AuditEvent.of("client.create").object(client.id()).detail("name", name));
        return issue(client, csrPem);
    }

    @Override
    @AuditedOperation(value = "client.certificate.issue", object = 0)
    public NewCertificate issueCertificate(String clientId, String csrPem) {
        keys.ring();
        Client client = repository.getClientForUpdate(clientId);
        if (csrPem == null) {
            dualControl.requireSingleControl(ApprovalKind.CLIENT_CERTIFICATE_ISSUE, "under dual control a"
                    + " certificate is issued from a CSR: its private key never passes through an approver");
        } else {
            dualControl.check(new PendingOperation.IssueClientCertificate(client.id(), csrPem));
        }
        return issue(client, csrPem);
    }

    @Override
    @AuditedOperation(value = "client.certificate.register", object = 0)
    public ClientView registerCertificate(String clientId, String certificatePem) {
        keys.ring();
        Client client = repository.getClientForUpdate(clientId);
        X509Certificate certificate = Pem.certificate(certificatePem);
        dualControl.check(new PendingOperation.RegisterClientCertificate(client.id(), certificatePem));
        String fingerprint = CertificateFacts.fingerprint(certificate);
        if (repository.findCertificate(fingerprint).isPresent()) {
            throw new KeyhavenException(ErrorCode.INVALID_CERTIFICATE, "this certificate is registered already",
                    client.id());
        }
        List<CertificateAuthority> external = repository.cas().stream()
                .filter(ca -> ca.kind() == CaKind.EXTERNAL && ca.enabled()).toList();
        ClientCertificateVerdict verdict = new ClientCertificateCheck(external.stream()
                .map(CertificateFacts::trusted).toList()).check(List.of(certificate), Times.now());
        if (!(verdict instanceof ClientCertificateVerdict.Accepted accepted)) {
            throw new KeyhavenException(ErrorCode.INVALID_CERTIFICATE, "the certificate is not acceptable from any"
                    + " enabled external CA: " + ((ClientCertificateVerdict.Refused) verdict).reason().description(),
                    client.id());
        }
        CertificateAuthority issuer = repository.getCa(accepted.issuer().id());
        client.addCertificate(CertificateFacts.facts(certificate), issuer, Times.now());
        repository.flush();
        audit.record(AuditEvent.of("client.certificate.register").object(client.id()).detail("name", client.name())
                .detail("certificate", fingerprint).detail("issuer", issuer.name()));
        changed();
        return client.toView();
    }

    @Override
    @AuditedOperation(value = "client.certificate.revoke", object = 0)
    public ClientView revokeCertificate(String clientId, String fingerprint) {
        keys.ring();
        Client client = repository.getClientForUpdate(clientId);
        String wanted = fingerprint == null ? "" : fingerprint.toLowerCase(Locale.ROOT);
        dualControl.check(new PendingOperation.RevokeClientCertificate(client.id(), wanted));
        ClientCertificate certificate = repository.findCertificate(wanted)
                .filter(c -> c.client().id().equals(client.id()))
                .orElseThrow(() -> new KeyhavenException(ErrorCode.NOT_FOUND, "client " + client.id()
                        + " has no certificate " + Texts.printable(fingerprint, 70), client.id()));
        certificate.revoke(Times.now());
        repository.flush();
        audit.record(AuditEvent.of("client.certificate.revoke").object(client.id()).detail("name", client.name())
                .detail("certificate", certificate.fingerprint()));
        changed();
        return client.toView();
    }

    @Override
    @AuditedOperation(value = "client.disable", object = 0)
    public ClientView disable(String clientId) {
        return setStatus(clientId, ClientStatus.DISABLED, "client.disable");
    }

    @Override
    @AuditedOperation(value = "client.enable", object = 0)
    public ClientView enable(String clientId) {
        return setStatus(clientId, ClientStatus.ACTIVE, "client.enable");
    }

    @Override
    @AuditedOperation(value = "client.grants", object = 0)
    public ClientView setGrants(String clientId, List<GrantSpec> grants) {
        keys.ring();
        Client client = repository.getClientForUpdate(clientId);
        dualControl.check(new PendingOperation.SetGrants(client.id(), grants));
        client.replaceGrants(grants, caller(), Times.now());
        repository.flush();
        audit.record(AuditEvent.of("client.grants").object(client.id()).detail("name", client.name())
                .detail("grants", grants.stream().map(g -> g.targetKind() + ":" + g.target() + g.operations())
                        .toList()));
        changed();
        return client.toView();
    }

    @Override
    @RolesAllowed({Roles.CRYPTO_OFFICER, Roles.AUDITOR})
    @AuditedOperation(value = "client.read", object = 0)
    public ClientView get(String clientId) {
        keys.ring();
        return repository.getClient(clientId).toView();
    }

    @Override
    @RolesAllowed({Roles.CRYPTO_OFFICER, Roles.AUDITOR})
    @AuditedOperation("client.list")
    public List<ClientView> list(int offset, int limit) {
        keys.ring();
        return repository.clients(Math.max(0, offset), Math.max(1, Math.min(limit, 500))).stream()
                .map(Client::toView).toList();
    }

    private ClientView setStatus(String clientId, ClientStatus status, String operation) {
        keys.ring();
        Client client = repository.getClientForUpdate(clientId);
        dualControl.check(new PendingOperation.SetClientStatus(client.id(), status == ClientStatus.ACTIVE));
        client.setStatus(status, Times.now());
        repository.flush();
        audit.record(AuditEvent.of(operation).object(client.id()).detail("name", client.name()));
        changed();
        return client.toView();
    }

    /** Issues a certificate with the internal CA: for the CSR's key, or for a key generated here (PKCS#12). */
    private NewCertificate issue(Client client, String csrPem) {
        MasterKeyRing ring = keys.ring();
        CertificateAuthority ca = repository.internalCa().orElseThrow(() -> new KeyhavenException(ErrorCode.SEALED,
                "the internal CA does not exist yet"));
        Instant now = Times.now();
        try (SecretBytes caKey = ca.unwrapPrivateKey(ring)) {
            CertificateIssuer issuer = new CertificateIssuer(Pem.certificate(ca.certificatePem()), caKey);
            if (csrPem != null) {
                X509Certificate certificate = issuer.issueClientCertificate(Pem.certificationRequest(csrPem),
                        client.name());
                ClientCertificate stored = client.addCertificate(CertificateFacts.facts(certificate), ca, now);
                issued(client, stored, "csr");
                return new NewCertificate(client.toView(), stored.fingerprint(), Pem.write(issuer.chain(certificate)),
                        null, null);
            }
            try (CertifiedKey generated = issuer.issueClientKeyAndCertificate(client.name())) {
                ClientCertificate stored = client.addCertificate(CertificateFacts.facts(generated.certificate()), ca,
                        now);
                char[] password = ClientBundle.oneTimePassword();
                byte[] bundle = ClientBundle.pkcs12(generated, password, client.name());
                issued(client, stored, "pkcs12");
                return new NewCertificate(client.toView(), stored.fingerprint(), Pem.write(generated.chain()), bundle,
                        password);
            }
        }
    }

    private void issued(Client client, ClientCertificate certificate, String form) {
        repository.flush();
        audit.record(AuditEvent.of("client.certificate.issue").object(client.id()).detail("name", client.name())
                .detail("certificate", certificate.fingerprint()).detail("form", form));
        changed();
    }

    private void changed() {
        afterCommit.run(cache::clear);
    }

    /** Who acts: the caller, or the requester of the approved operation being carried out. */
    private String caller() {
        return callContext.actor(context.getCallerPrincipal().getName());
    }
}
