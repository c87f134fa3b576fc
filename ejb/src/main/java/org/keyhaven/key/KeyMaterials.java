package org.keyhaven.key;

import org.keyhaven.crypto.GeneratedKey;
import org.keyhaven.crypto.KeyMaterialGenerator;
import org.keyhaven.seal.MasterKeyRing;

/** Generates new key material and wraps it at once; the plaintext is wiped before this returns. */
final class KeyMaterials {

    private KeyMaterials() {
    }

    static WrappedMaterial generateWrapped(MasterKeyRing ring, String keyId, int version, KeySpec spec) {
        try (GeneratedKey generated = KeyMaterialGenerator.generate(spec)) {
            byte[] wrapped = ring.wrap(generated.secret(), KeyVersion.associatedData(keyId, version));
            return new WrappedMaterial(ring.currentVersion(), wrapped, generated.publicKey());
        }
    }
}
