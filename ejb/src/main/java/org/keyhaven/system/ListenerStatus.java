package org.keyhaven.system;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keyhaven.access.Roles;
import org.keyhaven.kmip.server.KmipListener;
import org.keyhaven.kmip.server.KmipSettings;
import org.keyhaven.tls.ServerManagement;

/**
 * Whether each of Keyhaven's ports is listening: the HTTPS ports as the container's socket bindings report them, the
 * KMIP port as its listener does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed({Roles.SECURITY_ADMIN, Roles.CRYPTO_OFFICER, Roles.AUDITOR})
public class ListenerStatus {

    private static final Map<String, String> HTTPS = new java.util.LinkedHashMap<>();

    static {
        HTTPS.put("key retrieval", "keyhaven-retrieval");
        HTTPS.put("key management", "keyhaven-management");
        HTTPS.put("encryption services", "keyhaven-encryption");
        HTTPS.put("admin web UI", "keyhaven-admin");
    }

    @Inject
    private ServerManagement management;

    @EJB
    private KmipListener kmip;

    public List<ListenerView> listeners() {
        List<ListenerView> result = new ArrayList<>();
        HTTPS.forEach((function, binding) -> {
            String address = "socket-binding-group=standard-sockets,socket-binding=" + binding;
            Object port = management.attribute(address, "bound-port");
            result.add(new ListenerView(function, port instanceof Number n ? n.intValue() : -1,
                    Boolean.TRUE.equals(management.attribute(address, "bound")), null));
        });
        result.add(new ListenerView("KMIP", KmipSettings.fromSystemProperties().port(), kmip.listening(),
                kmip.openConnections()));
        return result;
    }
}
