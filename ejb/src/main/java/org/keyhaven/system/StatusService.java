package org.keyhaven.system;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.keyhaven.access.Roles;
import org.keyhaven.seal.MasterKeyRotation;
import org.keyhaven.seal.SealService;

/** Server status for every admin role: version, environment, seal state, master key rotation progress. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed({Roles.SECURITY_ADMIN, Roles.CRYPTO_OFFICER, Roles.AUDITOR})
public class StatusService {

    @EJB
    private SealService seal;

    @EJB
    private SystemSettings settings;

    @EJB
    private MasterKeyRotation rotation;

    public StatusView status() {
        return new StatusView(ProductVersion.get(), settings.environmentLabel(), seal.status(), rotation.progress());
    }

    @PermitAll
    public String version() {
        return ProductVersion.get();
    }
}
