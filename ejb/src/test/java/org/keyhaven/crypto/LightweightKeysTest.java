package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.crypto.TestBytes.hex;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The wiping this package relies on. After a scrub an engine must behave exactly like one keyed with zeros,
 * i.e. nothing of the real key is left in it.
 */
class LightweightKeysTest {

    private static final String KEY = "feffe9928665731c6d6a8f9467308308";

    @Test
    void aKeyParameterIsACopyThatWipeZeroes() {
        try (SecretBytes secret = TestBytes.secret(KEY)) {
            KeyParameter copy = LightweightKeys.copyOf(secret);
            secret.consume(lent -> assertThat(copy.getKey()).isEqualTo(lent).isNotSameAs(lent));
            LightweightKeys.wipe(copy);
            assertThat(copy.getKey()).containsOnly(0);
            assertThat(secret.copy()).isEqualTo(hex(KEY));
        }
    }

    /** E(0^128, 0^128) is the hash subkey H of GCM test case 1 (McGrew and Viega, appendix B). */
    @Test
    void aScrubbedAesEngineHoldsTheZeroKey() {
        BlockCipher engine = AESEngine.newInstance();
        engine.init(true, new KeyParameter(hex(KEY)));
        LightweightKeys.scrub(engine);
        byte[] out = new byte[16];
        engine.processBlock(new byte[16], 0, out, 0);
        assertThat(out).isEqualTo(hex("66e94bd4ef8a2c3b884cfa59ca342b2e"));
    }

    /** HMAC-SHA256 with empty key and empty message is b613679a... (Wikipedia, "HMAC", examples). */
    @Test
    void aScrubbedHmacHoldsTheEmptyKey() {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(hex(KEY)));
        LightweightKeys.scrub(mac);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        assertThat(out).isEqualTo(hex("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"));
    }
}
