package org.keyhaven.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.keyhaven.access.Roles;
import org.keyhaven.client.Client;
import org.keyhaven.client.ClientRepository;
import org.keyhaven.client.ClientStatus;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.key.KeyRepository;
import org.keyhaven.key.ManagedKey;

/**
 * The calling application client's grants, applied to one key (default deny). A client asking for a key its grants
 * could not cover is told "not granted" whether or not the key exists, so grants never reveal which keys exist. A
 * client that created a key (over KMIP) owns it and may perform every operation on it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ClientAccess {

    @Resource
    private SessionContext context;

    @EJB
    private ClientRepository clients;

    @EJB
    private KeyRepository keys;

    /** The key, if the calling client may perform the operation on it; refuses otherwise. */
    public ManagedKey authorize(GrantOperation operation, String idOrName) {
        Client client = caller();
        ManagedKey key = keys.findById(idOrName).or(() -> keys.findByName(idOrName)).orElse(null);
        if (key == null) {
            if (client.mayConcern(idOrName)) {
                throw new KeyhavenException(ErrorCode.KEY_NOT_FOUND, "no key '" + Texts.printable(idOrName, 80) + "'",
                        idOrName.length() <= 255 ? idOrName : null);
            }
            throw notGranted(operation, idOrName, idOrName.length() <= 255 ? idOrName : null);
        }
        if (!client.owns(key.createdBy()) && !client.permits(operation, key.id(), key.name())) {
            // echo what the caller asked for, never the key's id: the refusal must read the same whether or not the
            // key exists (the id and version go to the audit only)
            throw notGranted(operation, idOrName, key.id()).atVersion(key.currentVersion());
        }
        return key;
    }

    /** The calling client, which must be enabled. */
    public Client caller() {
        String principal = context.getCallerPrincipal().getName();
        if (!principal.startsWith(Roles.CLIENT_PRINCIPAL_PREFIX)) {
            throw new KeyhavenException(ErrorCode.FORBIDDEN, "only application clients use this service");
        }
        Client client = clients.findClientByName(principal.substring(Roles.CLIENT_PRINCIPAL_PREFIX.length()))
                .orElseThrow(() -> new KeyhavenException(ErrorCode.UNKNOWN_CLIENT, "client no longer exists"));
        if (client.status() != ClientStatus.ACTIVE) {
            throw new KeyhavenException(ErrorCode.CLIENT_REVOKED, "client is disabled", client.id());
        }
        return client;
    }

    private static KeyhavenException notGranted(GrantOperation operation, String requested, String objectId) {
        return new KeyhavenException(ErrorCode.NOT_GRANTED, operation.name().toLowerCase(java.util.Locale.ROOT)
                + " is not granted to this client for key '" + Texts.printable(requested, 80) + "'", objectId);
    }
}
