package org.keyhaven.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyKind;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyVersion;
import org.keyhaven.key.ManagedKey;
import org.keyhaven.seal.MasterKeyHolder;

/**
 * Key retrieval for application clients (port 6000): the key material, only for exportable keys, only with the
 * retrieve grant, only from an Active key or a Deactivated one (kept for decryption), only for versions not destroyed
 * and not below the minimum decryption version. Every retrieval, allowed or refused, is audited with the client and
 * the version.
 */
@Stateless
@RolesAllowed(Roles.CLIENT)
@Interceptors(RefusalAudit.class)
public class KeyRetrieval {

    @EJB
    private ClientAccess access;

    @Inject
    private MasterKeyHolder masterKeys;

    @EJB
    private AuditLog audit;

    @AuditedOperation(value = "key.retrieve", object = 0)
    public RetrievedKey retrieve(String idOrName, Integer requestedVersion) {
        masterKeys.ring();
        try {
            return retrieveGranted(access.authorize(GrantOperation.RETRIEVE, idOrName), requestedVersion);
        } catch (KeyhavenException e) {
            throw e.atVersion(requestedVersion);
        }
    }

    private RetrievedKey retrieveGranted(ManagedKey key, Integer requestedVersion) {
        int number = requestedVersion == null ? key.currentVersion() : requestedVersion;
        if (!key.exportable()) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_EXPORTABLE, "key " + key.id() + " is not exportable; use"
                    + " the encryption services instead", key.id()).atVersion(number);
        }
        if (!key.state().permits(KeyState.KeyUse.EXPORT)) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "key " + key.id() + " is " + key.state()
                    + "; only Active and Deactivated keys are retrieved", key.id()).atVersion(number);
        }
        if (number < key.minDecryptionVersion() || number > key.currentVersion()) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "version " + number + " of key " + key.id()
                    + " is not available (versions " + key.minDecryptionVersion() + " to " + key.currentVersion()
                    + ")", key.id()).atVersion(number);
        }
        return retrieveVersion(key, number);
    }

    private RetrievedKey retrieveVersion(ManagedKey key, int number) {
        KeyVersion version = key.version(number);
        if (version.isDestroyed()) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "version " + number + " of key " + key.id()
                    + " is destroyed", key.id()).atVersion(number);
        }
        byte[] material;
        try (SecretBytes secret = version.unwrap(masterKeys.ring())) {
            material = secret.copy();
        }
        audit.record(AuditEvent.of("key.retrieve").object(key.id(), number).detail("name", key.name()));
        boolean pair = key.algorithm().kind() == KeyKind.ASYMMETRIC;
        return new RetrievedKey(key.id(), key.name(), number, key.algorithm().externalName(), key.spec().lengthBits(),
                key.spec().curve() == null ? null : key.spec().curve().displayName(),
                !pair ? "RAW" : key.publicOnly() ? "X509" : "PKCS8", material, version.publicKey());
    }
}
