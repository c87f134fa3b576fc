package org.keyhaven.key;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Instant;
import java.util.Map;
import org.keyhaven.access.Roles;
import org.keyhaven.approval.ApprovalKind;
import org.keyhaven.approval.DualControlBean;
import org.keyhaven.approval.PendingOperation;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.CallContext;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Times;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.seal.MasterKeyRing;

/** Thin transactional facade: looks up, lets the aggregate change itself, audits in the same transaction. */
@Stateless
@RolesAllowed(Roles.CRYPTO_OFFICER)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(RefusalAudit.class)
public class KeyServiceBean implements KeyService {

    @Inject
    private KeyRepository repository;

    @Inject
    private MasterKeyHolder keys;

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext context;

    @EJB
    private DualControlBean dualControl;

    @Inject
    private CallContext callContext;

    @EJB
    private org.keyhaven.system.SettingsService settings;

    @Override
    @AuditedOperation("key.create")
    public KeyView create(KeyDefinition requested, boolean activate) {
        MasterKeyRing ring = keys.ring();
        KeyDefinition definition = requested.rotationPeriod() != null ? requested
                : requested.withRotationPeriod(settings.defaultRotationPeriod().orElse(null));
        if (repository.findByName(definition.name()).isPresent()) {
            throw new KeyhavenException(ErrorCode.DUPLICATE_NAME, "a key named '" + definition.name() + "' exists");
        }
        dualControl.check(new PendingOperation.CreateKey(definition, activate));
        ManagedKey key = NewKeys.generate(ring, definition, callContext.actor(context.getCallerPrincipal().getName()),
                Times.now(), activate);
        repository.add(key);
        audit.record(AuditEvent.of("key.create").object(key.id(), key.currentVersion())
                .detail("name", key.name()).detail("algorithm", definition.spec()).detail("usage", key.usages())
                .detail("exportable", key.exportable()).detail("state", key.state())
                .detail("rotationPeriod", definition.rotationPeriod()));
        return key.toView();
    }

    @Override
    @RolesAllowed({Roles.CRYPTO_OFFICER, Roles.AUDITOR})
    @AuditedOperation(value = "key.read", object = 0)
    public KeyView get(String idOrName) {
        keys.ring();
        return repository.get(idOrName).toView();
    }

    @Override
    @RolesAllowed({Roles.CRYPTO_OFFICER, Roles.AUDITOR, Roles.SECURITY_ADMIN})
    @AuditedOperation("key.count")
    public java.util.Map<KeyState, Long> countByState() {
        return repository.countByState();
    }

    @Override
    @RolesAllowed({Roles.CRYPTO_OFFICER, Roles.AUDITOR})
    @AuditedOperation("key.list")
    public KeyPage list(KeyQuery query) {
        keys.ring();
        return repository.list(query);
    }

    @Override
    @AuditedOperation(value = "key.activate", object = 0)
    public KeyView activate(String id) {
        ManagedKey key = gated(id, ApprovalKind.KEY_ACTIVATE, LifecycleEvent.ACTIVATE);
        key.activate(Times.now());
        return changed(key, AuditEvent.of("key.activate"));
    }

    @Override
    @AuditedOperation(value = "key.rotate", object = 0)
    public KeyView rotate(String id) {
        MasterKeyRing ring = keys.ring();
        ManagedKey key = gated(id, ApprovalKind.KEY_ROTATE, null);
        Instant now = Times.now();
        key.rotate(NewKeys.nextVersion(ring, key), now);
        return changed(key, AuditEvent.of("key.rotate").detail("trigger", "request"));
    }

    @Override
    @AuditedOperation(value = "key.deactivate", object = 0)
    public KeyView deactivate(String id) {
        ManagedKey key = gated(id, ApprovalKind.KEY_DEACTIVATE, LifecycleEvent.DEACTIVATE);
        key.deactivate(Times.now());
        return changed(key, AuditEvent.of("key.deactivate"));
    }

    @Override
    @AuditedOperation(value = "key.revoke", object = 0)
    public KeyView revoke(String id, RevocationReason reason, String message) {
        ManagedKey key = repository.getForUpdate(id);
        KeyLifecycle.next(key.state(), reason.event(), key.id());
        dualControl.check(new PendingOperation.RevokeKey(key.id(), reason, message));
        key.revoke(reason, message, Times.now());
        return changed(key, AuditEvent.of("key.revoke").detail("reason", reason));
    }

    @Override
    @AuditedOperation(value = "key.destroy", object = 0)
    public KeyView destroy(String id) {
        ManagedKey key = gated(id, ApprovalKind.KEY_DESTROY, LifecycleEvent.DESTROY);
        key.destroy(Times.now());
        return changed(key, AuditEvent.of("key.destroy"));
    }

    @Override
    @AuditedOperation(value = "key.policy", object = 0)
    public KeyView changePolicy(String id, KeyPolicyChange change) {
        ManagedKey key = repository.getForUpdate(id);
        dualControl.check(new PendingOperation.ChangeKeyPolicy(key.id(), change));
        key.changePolicy(change, Times.now());
        return changed(key, AuditEvent.of("key.policy")
                .detail("minDecryptionVersion", change.minDecryptionVersion())
                .detail("rotationPeriod", change.clearRotationPeriod() ? "none" : change.rotationPeriod())
                .detail("deactivationDate", change.deactivationDate()));
    }

    @Override
    @AuditedOperation(value = "key.attribute.set", object = 0)
    public KeyView setAttributes(String id, Map<String, String> attributes) {
        ManagedKey key = repository.getForUpdate(id);
        dualControl.check(new PendingOperation.SetKeyAttributes(key.id(), attributes));
        attributes.forEach(key::setAttribute);
        return changed(key, AuditEvent.of("key.attribute.set").detail("names", attributes.keySet()));
    }

    @Override
    @AuditedOperation(value = "key.attribute.delete", object = 0)
    public KeyView removeAttribute(String id, String attributeName) {
        ManagedKey key = repository.getForUpdate(id);
        dualControl.check(new PendingOperation.RemoveKeyAttribute(key.id(), attributeName));
        if (!key.removeAttribute(attributeName)) {
            throw new KeyhavenException(ErrorCode.INVALID_ATTRIBUTE,
                    "key " + key.id() + " has no attribute '" + attributeName + "'", key.id());
        }
        return changed(key, AuditEvent.of("key.attribute.delete").detail("name", attributeName));
    }

    /**
     * The key, locked, once the change may go on: the event (if any) is possible in the key's state, so that no
     * request is made for what cannot happen, and dual control lets it through.
     */
    private ManagedKey gated(String id, ApprovalKind kind, LifecycleEvent event) {
        ManagedKey key = repository.getForUpdate(id);
        if (event != null) {
            KeyLifecycle.next(key.state(), event, key.id());
        }
        dualControl.check(new PendingOperation.ChangeKeyState(kind, key.id()));
        return key;
    }

    private KeyView changed(ManagedKey key, AuditEvent event) {
        repository.flush(key);
        audit.record(event.object(key.id(), key.currentVersion()).detail("state", key.state()));
        return key.toView();
    }
}
