package org.keyhaven.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.client.GrantSpec;

/**
 * The grants editor's list arithmetic. The service replaces a client's whole grant list, so adding or removing one
 * grant means sending the current list with that one change. A row's remove button names its grant by a key made of
 * the grant's content (kind, operations, target), not by its position, so a list changed meanwhile by another officer
 * never loses the wrong grant.
 */
public final class ClientGrants {

    private ClientGrants() {
    }

    /** The grant's content as text; targets hold no spaces, so the key is unambiguous. */
    public static String key(GrantSpec grant) {
        return grant.targetKind().name() + ' ' + grant.operations().stream().map(Enum::name)
                .collect(Collectors.joining(",")) + ' ' + grant.target();
    }

    public static List<GrantSpec> withAdded(List<GrantSpec> grants, GrantSpec added) {
        List<GrantSpec> result = new ArrayList<>(grants);
        result.add(added);
        return result;
    }

    /** The list without the first grant with this key, or empty when no grant has it (any more). */
    public static Optional<List<GrantSpec>> without(List<GrantSpec> grants, String key) {
        List<GrantSpec> result = new ArrayList<>(grants);
        for (int i = 0; i < result.size(); i++) {
            if (key(result.get(i)).equals(key)) {
                result.remove(i);
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    /** For reading: "encrypt, decrypt", in the enum's order. */
    public static String describe(Set<GrantOperation> operations) {
        return operations.stream().sorted().map(operation -> operation.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
