package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeySpec;

/** Holders of secrets wipe the array they lend once closed. */
class SecretBytesWipingTest {

    @Test
    void theLentArrayIsAllZerosAfterClose() {
        AtomicReference<byte[]> lent = new AtomicReference<>();
        SecretBytes secret = SecretBytes.copyOf(new byte[] {1, 2, 3, 4, 5});
        secret.consume(lent::set);
        assertThat(lent.get()).containsExactly(1, 2, 3, 4, 5);

        secret.close();

        assertThat(lent.get()).containsOnly(0);
        assertThat(secret.isDestroyed()).isTrue();
        assertThatThrownBy(() -> secret.use(bytes -> bytes)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingAGeneratedKeyWipesItsSecret() {
        AtomicReference<byte[]> lent = new AtomicReference<>();
        GeneratedKey key = KeyMaterialGenerator.generate(KeySpec.of(KeyAlgorithm.EC, null, "P-256"));
        key.secret().consume(lent::set);
        assertThat(lent.get()).isNotEqualTo(new byte[lent.get().length]);

        key.close();

        assertThat(lent.get()).containsOnly(0);
    }

    @Test
    void derivedAndUnwrappedSecretsAreWipedOnClose() {
        AtomicReference<byte[]> derived = new AtomicReference<>();
        AtomicReference<byte[]> unwrapped = new AtomicReference<>();
        try (SecretBytes kek = SecretBytes.adopt(new byte[32])) {
            SecretBytes okm = Hkdf.derive(kek, null, null, 32);
            okm.consume(derived::set);
            SecretBytes key = AesKeyWrapPad.unwrap(kek, AesKeyWrapPad.wrap(kek, new byte[] {9, 9, 9}));
            key.consume(unwrapped::set);

            okm.close();
            key.close();
        }
        assertThat(derived.get()).containsOnly(0);
        assertThat(unwrapped.get()).containsOnly(0);
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        try (GeneratedKey key = KeyMaterialGenerator.generate(KeySpec.of(KeyAlgorithm.AES, 128, null))) {
            assertThat(key.toString()).isEqualTo("GeneratedKey[secret 16 bytes]");
            assertThat(key.secret().toString()).isEqualTo("SecretBytes[16 bytes]");
        }
    }
}
