package org.keyhaven.it.container;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyRepository;
import org.keyhaven.seal.MasterKeyHolder;

/** Test-only bean: unwraps a key version's material, so tests know which bytes must never appear anywhere. */
@Stateless
@PermitAll
public class KeyMaterialProbe {

    @Inject
    private KeyRepository keys;

    @Inject
    private MasterKeyHolder masterKeys;

    public byte[] plaintext(String keyId, int version) {
        try (SecretBytes material = keys.get(keyId).version(version).unwrap(masterKeys.ring())) {
            return material.copy();
        }
    }
}
