package org.keyhaven.web.admin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.keyhaven.client.ClientStatus;
import org.keyhaven.client.ClientView;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.client.GrantSpec;
import org.keyhaven.client.GrantTarget;

/**
 * Which application grants reach one key: the rule of {@code Grant#concerns} and {@code GrantTarget#covers} in the
 * client package (package-private there), repeated here for display only. A grant concerns a key when its target
 * covers the key (a key id grant by id, ignoring case; a name grant by exact name; a prefix grant by name prefix)
 * and it grants some operation besides CREATE, which is about making new keys, not using this one. The services
 * alone enforce grants; this only tells the officer who can use the key.
 */
public final class KeyGrants {

    private KeyGrants() {
    }

    /** One grant of one client that concerns the key. */
    public record Row(String clientId, String clientName, ClientStatus clientStatus, GrantTarget targetKind,
            String target, Set<GrantOperation> operations) {
    }

    public static List<Row> concerning(List<ClientView> clients, String keyId, String keyName) {
        List<Row> rows = new ArrayList<>();
        for (ClientView client : clients) {
            for (GrantSpec grant : client.grants()) {
                if (concerns(grant, keyId, keyName)) {
                    rows.add(new Row(client.id(), client.name(), client.status(), grant.targetKind(), grant.target(),
                            grant.operations()));
                }
            }
        }
        return rows;
    }

    static boolean concerns(GrantSpec grant, String keyId, String keyName) {
        Set<GrantOperation> using = EnumSet.copyOf(grant.operations());
        using.remove(GrantOperation.CREATE);
        return !using.isEmpty() && covers(grant.targetKind(), grant.target(), keyId, keyName);
    }

    static boolean covers(GrantTarget kind, String target, String keyId, String keyName) {
        return switch (kind) {
            case KEY_ID -> target.equalsIgnoreCase(keyId);
            case NAME -> target.equals(keyName);
            case NAME_PREFIX -> keyName.startsWith(target);
        };
    }
}
