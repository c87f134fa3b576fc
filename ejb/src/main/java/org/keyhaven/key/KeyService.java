package org.keyhaven.key;

import java.util.Map;

/**
 * Key lifecycle management by crypto officers (reads also by auditors). Every change is audited in the same
 * transaction; every refusal is audited on its own.
 */
public interface KeyService {

    KeyView create(KeyDefinition definition, boolean activate);

    KeyView get(String idOrName);

    KeyPage list(KeyQuery query);

    KeyView activate(String id);

    KeyView rotate(String id);

    KeyView deactivate(String id);

    KeyView revoke(String id, RevocationReason reason, String message);

    KeyView destroy(String id);

    KeyView changePolicy(String id, KeyPolicyChange change);

    KeyView setAttributes(String id, Map<String, String> attributes);

    KeyView removeAttribute(String id, String attributeName);

    /** How many keys are in each state: numbers only, for every admin role's dashboard. */
    java.util.Map<KeyState, Long> countByState();
}
