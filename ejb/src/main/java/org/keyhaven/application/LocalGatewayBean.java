package org.keyhaven.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.CallContext;
import org.keyhaven.ca.CertificateFingerprint;
import org.keyhaven.client.ClientAuthenticator;
import org.keyhaven.client.ClientIdentity;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyManagerException.Reason;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;
import org.keyhaven.jca.spi.KeyChangeListener;
import org.keyhaven.jca.spi.LocalGateway;
import org.wildfly.security.auth.principal.NamePrincipal;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;

/**
 * Keyhaven's side of its resource adapter in local mode: the adapter finds this bean under
 * {@link LocalGateway#JNDI_NAME}. Anyone deployed in the server may call it ({@code @PermitAll}); what a session may
 * do is decided by the client identity it proved. Opening a session takes a signature over a fresh challenge with
 * the client certificate's key ({@link PossessionProof}); the certificate is then judged by the same
 * {@link ClientAuthenticator} as on the TLS ports, and judged again at every call, so that revoking or disabling a
 * client takes effect at once. Every call runs as the client (principal {@code client:<name>}, role CLIENT) through
 * the same services as the REST ports, so grants, audit and refusals are theirs; the audit shows {@code jca} where a
 * peer address would stand and no port.
 *
 * <p>NOT_SUPPORTED: a caller's transaction is suspended, so a refusal never marks the application's transaction for
 * rollback and Keyhaven's records commit whatever the application does. Only {@link KeyManagerException} reaches the
 * caller; internal errors become UNAVAILABLE with an incident id that is logged with the details.
 */
@Stateless
@Local(LocalGateway.class)
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LocalGatewayBean implements LocalGateway {

    private static final Logger LOG = Logger.getLogger(LocalGatewayBean.class.getName());
    private static final int MAX_AUDITED_OBJECT = 255;

    @Inject
    private GatewayChallenges challenges;

    @Inject
    private GatewaySessions sessions;

    @Inject
    private KeyChangeListeners listeners;

    @Inject
    private CallContext callContext;

    @Inject
    private Instance<RequestContextController> requestContexts;

    @EJB
    private ClientAuthenticator authenticator;

    @EJB
    private KeyRetrieval retrieval;

    @EJB
    private CryptoServices crypto;

    @EJB
    private AuditLog audit;

    @Override
    public byte[] challenge() {
        return challenges.issue();
    }

    @Override
    public String open(List<byte[]> certificateChain, byte[] challenge, byte[] signature) throws KeyManagerException {
        return inRequestContext("session open", () -> {
            // used up whatever follows: no challenge is tried twice
            boolean fresh = challenges.consume(challenge);
            X509Certificate[] chain;
            try {
                chain = PossessionProof.certificates(certificateChain);
            } catch (KeyManagerException e) {
                auditRefusedOpen(null, ErrorCode.UNAUTHORIZED, e.getMessage());
                throw e;
            }
            String fingerprint = CertificateFingerprint.of(chain[0]).hex();
            if (!fresh || !PossessionProof.proves(chain[0], challenge, signature)) {
                String why = !fresh ? "the challenge is unknown, used or expired"
                        : "the signature does not prove possession of the certificate's private key";
                auditRefusedOpen(fingerprint, ErrorCode.UNAUTHORIZED, why);
                throw new KeyManagerException(Reason.AUTHENTICATION, why);
            }
            ClientIdentity client;
            try {
                client = authenticator.authenticate(chain);
            } catch (RuntimeException e) {
                GatewayFailures.Failure failure = logged(GatewayFailures.of(e), "session open", e);
                auditRefusedOpen(fingerprint, failure.code(), failure.exception().getMessage());
                throw failure.exception();
            }
            // the record commits before the session exists: an open that cannot be audited does not happen
            audit.recordIndependently(GatewayAudit.opened(client));
            return sessions.open(new GatewaySessions.Session(client.clientId(), List.of(chain)));
        });
    }

    @Override
    public void close(String session) {
        sessions.close(session);
    }

    @Override
    public KeyMaterial getKey(String session, String key, Integer version) throws KeyManagerException {
        return asClient(session, "key.retrieve", key,
                () -> GatewayResults.keyMaterial(retrieval.retrieve(required(key), version)));
    }

    @Override
    public Ciphertext encrypt(String session, String key, byte[] plaintext, byte[] aad) throws KeyManagerException {
        return asClient(session, "crypto.encrypt", key, () -> GatewayResults.ciphertext(
                crypto.encrypt(List.of(new CryptoRequests.Encrypt(key, plaintext, aad))).get(0).valueOrThrow()));
    }

    @Override
    public byte[] decrypt(String session, byte[] ciphertext, byte[] aad) throws KeyManagerException {
        return asClient(session, "crypto.decrypt", null, () -> crypto.decrypt(List.of(
                new CryptoRequests.Decrypt(ciphertext, aad, null))).get(0).valueOrThrow().plaintext());
    }

    @Override
    public Signature sign(String session, String key, String algorithm, byte[] message) throws KeyManagerException {
        return asClient(session, "crypto.sign", key, () -> GatewayResults.signature(crypto.sign(List.of(
                new CryptoRequests.Sign(key, message, algorithm))).get(0).valueOrThrow()));
    }

    @Override
    public boolean verify(String session, String key, String algorithm, byte[] message, byte[] signature,
            Integer version) throws KeyManagerException {
        return asClient(session, "crypto.verify", key, () -> crypto.verify(List.of(
                new CryptoRequests.Verify(key, message, signature, algorithm, version))).get(0).valueOrThrow()
                .valid());
    }

    @Override
    public MacValue mac(String session, String key, byte[] message) throws KeyManagerException {
        return asClient(session, "crypto.mac", key, () -> GatewayResults.macValue(crypto.mac(List.of(
                new CryptoRequests.Mac(key, message))).get(0).valueOrThrow()));
    }

    @Override
    public boolean verifyMac(String session, String key, byte[] message, byte[] mac, Integer version)
            throws KeyManagerException {
        return asClient(session, "crypto.mac.verify", key, () -> crypto.verifyMac(List.of(
                new CryptoRequests.MacVerify(key, message, mac, version))).get(0).valueOrThrow().valid());
    }

    @Override
    public DataKey generateDataKey(String session, String key, int bits, byte[] aad) throws KeyManagerException {
        return asClient(session, "crypto.datakey", key, () -> GatewayResults.dataKey(crypto.dataKey(List.of(
                new CryptoRequests.DataKey(key, bits, true, aad))).get(0).valueOrThrow()));
    }

    @Override
    public Ciphertext rewrap(String session, byte[] ciphertext, byte[] aad) throws KeyManagerException {
        return asClient(session, "crypto.rewrap", null, () -> GatewayResults.ciphertext(crypto.rewrap(List.of(
                new CryptoRequests.Rewrap(ciphertext, aad))).get(0).valueOrThrow()));
    }

    @Override
    public byte[] random(String session, int length) throws KeyManagerException {
        return asClient(session, "crypto.random", null, () -> crypto.random(List.of(
                new CryptoRequests.Random(length))).get(0).valueOrThrow().bytes());
    }

    @Override
    public void addKeyChangeListener(KeyChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeKeyChangeListener(KeyChangeListener listener) {
        listeners.remove(listener);
    }

    /** A gateway call, which refuses with the connector's checked exception only. */
    @FunctionalInterface
    private interface GatewayCall<T> {
        T run() throws KeyManagerException;
    }

    /**
     * Runs a call of an open session as its client: the session must be open and its certificate must still identify
     * the same enabled client.
     */
    private <T> T asClient(String session, String operation, String object, Supplier<T> call)
            throws KeyManagerException {
        return inRequestContext(operation, () -> {
            GatewaySessions.Session open = sessions.use(session).orElseThrow(GatewayFailures::sessionClosed);
            SecurityIdentity identity = identityOf(reauthenticate(session, open));
            try {
                return identity.runAs((PrivilegedExceptionAction<T>) () -> audited(operation, object, call));
            } catch (PrivilegedActionException e) {
                if (e.getException() instanceof KeyManagerException refused) {
                    throw refused;
                }
                throw logged(GatewayFailures.of(e.getException()), operation, e.getException()).exception();
            }
        });
    }

    /** The session's client, authenticated again (cheap: the authenticator caches); a refused one ends the session. */
    private ClientIdentity reauthenticate(String handle, GatewaySessions.Session open) throws KeyManagerException {
        ClientIdentity client;
        try {
            client = authenticator.authenticate(open.certificates());
        } catch (RuntimeException e) {
            GatewayFailures.Failure failure = logged(GatewayFailures.of(e), "session authentication", e);
            if (failure.exception().reason() == Reason.AUTHENTICATION) {
                sessions.close(handle);
            }
            throw failure.exception();
        }
        if (!client.clientId().equals(open.clientId())) {
            sessions.close(handle);
            throw new KeyManagerException(Reason.AUTHENTICATION,
                    "the certificate no longer identifies the session's client");
        }
        return client;
    }

    /** The client as the container sees it on the TLS ports: its principal with the single role CLIENT. */
    private static SecurityIdentity identityOf(ClientIdentity client) throws KeyManagerException {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            LOG.severe("the in-server gateway has no security domain to run calls in");
            throw new KeyManagerException(Reason.UNAVAILABLE, "in-server access is not available");
        }
        return domain.createAdHocIdentity(new NamePrincipal(client.principalName()))
                .withDefaultRoleMapper(RoleMapper.constant(org.wildfly.security.authz.Roles.of(Roles.CLIENT)));
    }

    /** The call's result; a refusal that the service did not audit itself is audited here, as the REST ports do. */
    private <T> T audited(String operation, String object, Supplier<T> call) throws KeyManagerException {
        try {
            return call.get();
        } catch (RuntimeException e) {
            GatewayFailures.Failure failure = logged(GatewayFailures.of(e), operation, e);
            if (!failure.audited()) {
                String concerned = failure.objectId() != null ? failure.objectId()
                        : object != null && object.length() <= MAX_AUDITED_OBJECT ? object : null;
                record(AuditEvent.of(operation).object(concerned).failed(failure.code()));
            }
            throw failure.exception();
        }
    }

    /**
     * Runs a call with an active request context (the audit's call context lives there) that names the entry point;
     * anything unexpected becomes UNAVAILABLE.
     */
    private <T> T inRequestContext(String operation, GatewayCall<T> call) throws KeyManagerException {
        RequestContextController context = requestContexts.get();
        context.activate();
        try {
            callContext.setInServer(GatewayAudit.ENTRY_POINT);
            return call.run();
        } catch (RuntimeException e) {
            throw logged(GatewayFailures.of(e), operation, e).exception();
        } finally {
            context.deactivate();
            requestContexts.destroy(context);
        }
    }

    private void auditRefusedOpen(String fingerprint, ErrorCode code, String cause) {
        record(GatewayAudit.openRefused(fingerprint, code, cause));
    }

    /** Records a refusal; if even that fails, the refusal still reaches the caller (and the failure is logged). */
    private void record(AuditEvent refusal) {
        try {
            audit.recordIndependently(refusal);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not audit the refusal " + refusal, e);
        }
    }

    private static String required(String key) {
        if (key == null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "key is required");
        }
        return key;
    }

    private static GatewayFailures.Failure logged(GatewayFailures.Failure failure, String operation, Throwable thrown) {
        if (failure.internal()) {
            LOG.log(Level.SEVERE, "incident " + failure.incident() + ": in-server " + operation + " failed", thrown);
        }
        return failure;
    }
}
