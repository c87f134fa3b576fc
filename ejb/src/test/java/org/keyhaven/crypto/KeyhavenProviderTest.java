package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.DrbgParameters;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class KeyhavenProviderTest {

    @Test
    void theProviderIsOnePrivateBouncyCastleInstance() {
        assertThat(KeyhavenProvider.get()).isInstanceOf(BouncyCastleProvider.class).isSameAs(KeyhavenProvider.get());
        assertThat(Security.getProvider(BouncyCastleProvider.PROVIDER_NAME)).isNotSameAs(KeyhavenProvider.get());
    }

    @Test
    void theRandomIsOneSharedDrbgOf256BitStrength() {
        assertThat(KeyhavenProvider.random()).isSameAs(KeyhavenProvider.random());
        assertThat(KeyhavenProvider.random().getAlgorithm()).isEqualTo("DRBG");
        assertThat(KeyhavenProvider.random().getParameters())
                .isInstanceOfSatisfying(DrbgParameters.Instantiation.class,
                        p -> assertThat(p.getStrength()).isEqualTo(256));
    }
}
