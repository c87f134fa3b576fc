package org.keyhaven.it.container;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Map;
import org.keyhaven.access.Roles;
import org.keyhaven.audit.CallContext;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyService;
import org.keyhaven.key.KeySpec;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyView;

/**
 * Test-only bean, deployed only by in-container tests: calls Keyhaven's key service as a crypto officer, inside a
 * transaction the test controls.
 */
@Stateless
@PermitAll
@RunAs(Roles.CRYPTO_OFFICER)
public class OfficerProbe {

    @EJB
    private KeyService keys;

    @Inject
    private CallContext callContext;

    @Resource
    private SessionContext context;

    public static KeyDefinition aes(String name) {
        return new KeyDefinition(name, KeySpec.of(KeyAlgorithm.AES, 256, null), EnumSet.of(KeyUsage.ENCRYPT),
                true, null, null, null, Map.of());
    }

    /** Creates a key, then rolls the surrounding transaction back: neither key nor audit record may survive. */
    public String createThenRollBack(String name) {
        KeyView key = keys.create(aes(name), true);
        context.setRollbackOnly();
        return key.id();
    }

    /**
     * Creates a key while the call's origin is longer than the audit column holds: the audit record cannot be
     * written, so the key must not be created either.
     */
    public KeyView createWithUnwritableAudit(String name) {
        callContext.set("x".repeat(500), 6001);
        return keys.create(aes(name), true);
    }

    public KeyView create(String name, boolean activate) {
        return keys.create(aes(name), activate);
    }

    public KeyView create(KeyDefinition definition, boolean activate) {
        return keys.create(definition, activate);
    }

    public KeyView destroy(String id) {
        return keys.destroy(id);
    }

    public KeyView get(String idOrName) {
        return keys.get(idOrName);
    }
}
