package org.keyhaven.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyVersion;
import org.keyhaven.key.ManagedKey;
import org.keyhaven.seal.MasterKeyHolder;

/**
 * Looks a key up for a crypto operation of the calling client, in its own short transaction (so no database
 * connection is held while the crypto runs or the audit record is committed): grant, usage mask, lifecycle state,
 * version rules. Protecting new data (encrypt, sign, MAC) uses the current version of an Active key; processing
 * existing data (decrypt, verify) accepts any version from the minimum decryption version up that is not destroyed,
 * of an Active, Deactivated or Compromised key.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class KeyResolver {

    @EJB
    private ClientAccess access;

    @Inject
    private MasterKeyHolder masterKeys;

    /**
     * @param version the version to use, or null for the current one
     * @param withSecret whether the operation needs the secret (false: the public key suffices)
     */
    public UsableKey resolve(String keyRef, GrantOperation operation, KeyUsage usage, KeyState.KeyUse use,
            Integer version, boolean withSecret) {
        masterKeys.ring();
        ManagedKey key = access.authorize(operation, keyRef);
        try {
            return usable(key, usage, use, version, withSecret);
        } catch (KeyhavenException e) {
            throw e.atVersion(version != null ? version : key.currentVersion());
        }
    }

    private UsableKey usable(ManagedKey key, KeyUsage usage, KeyState.KeyUse use, Integer version,
            boolean withSecret) {
        if (!key.usages().contains(usage)) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "key " + key.id() + " is not for "
                    + usage.name().toLowerCase(java.util.Locale.ROOT) + " (usage " + key.usages() + ")", key.id());
        }
        if (!key.state().permits(use)) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "key " + key.id() + " is " + key.state()
                    + " and cannot be used to " + (use == KeyState.KeyUse.PROTECT ? "protect new data"
                    : "process existing data"), key.id());
        }
        int number = version == null ? key.currentVersion() : version;
        boolean allowed = use == KeyState.KeyUse.PROTECT ? number == key.currentVersion()
                : number >= key.minDecryptionVersion() && number <= key.currentVersion();
        if (!allowed) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "version " + number + " of key " + key.id()
                    + " cannot be used for this (current " + key.currentVersion() + ", minimum decryption version "
                    + key.minDecryptionVersion() + ")", key.id());
        }
        KeyVersion keyVersion = key.version(number);
        if (keyVersion.isDestroyed()) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "version " + number + " of key " + key.id()
                    + " is destroyed", key.id());
        }
        return new UsableKey(key.id(), key.name(), key.spec(), number,
                withSecret ? keyVersion.unwrap(masterKeys.ring()) : null, keyVersion.publicKey());
    }
}
