package org.keyhaven.kmip.operation;

import java.util.List;
import org.keyhaven.application.RetrievedKey;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyView;
import org.keyhaven.key.RevocationReason;

/**
 * The managed keys as the calling KMIP client may see and change them: the keys it owns (created over KMIP) and
 * those its grants cover. A key the client may not see does not exist for it (Item Not Found, whether or not it
 * exists); a visible key whose operation is not granted is Permission Denied. Every change is audited in its own
 * transaction together with the change.
 */
public interface ManagedObjects {

    /** A new key with generated material, owned by the caller; needs a create grant covering its name. */
    KeyView create(KeyDefinition definition, boolean activate);

    /** A new key with the caller's material (lent; the caller wipes it), owned by the caller. */
    KeyView register(KeyDefinition definition, SecretBytes material, boolean activate);

    KeyView describe(String uniqueIdentifier);

    /** The visible keys that match, newest first. */
    List<KeyView> locate(LocateQuery query);

    /** The current version's material; needs the retrieve grant (or ownership) and an exportable key. */
    RetrievedKey material(String uniqueIdentifier);

    KeyView activate(String uniqueIdentifier);

    KeyView revoke(String uniqueIdentifier, RevocationReason reason, String message);

    KeyView destroy(String uniqueIdentifier);

    KeyView setAttribute(String uniqueIdentifier, String name, String value);

    KeyView removeAttribute(String uniqueIdentifier, String name);

    /** A new version of the key (Re-key keeps the identifier: Keyhaven keys are versioned). */
    KeyView reKey(String uniqueIdentifier);
}
