package org.keyhaven.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keyhaven.crypto.SecretBytes;

class AuditChainTest {

    private final SecretBytes key = ChainFixture.key(1);
    private final AuditChain chain = new AuditChain(key);
    private final AuditContent content = ChainFixture.content(1);

    @AfterEach
    void wipeKey() {
        key.close();
    }

    @Test
    void genesisIsThirtyTwoZeroBytesInAFreshArray() {
        byte[] genesis = AuditChain.genesis();
        genesis[0] = 1;

        assertThat(AuditChain.genesis()).hasSize(AuditChain.MAC_LENGTH).containsOnly(0);
    }

    @Test
    void linkIsHmacSha256OverTheDomainThePreviousMacAndTheCanonicalContent() throws GeneralSecurityException {
        byte[] prevMac = new byte[AuditChain.MAC_LENGTH];
        prevMac[31] = 7;
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes("keyhaven-audit-v1".getBytes(StandardCharsets.US_ASCII));
        input.writeBytes(prevMac);
        input.writeBytes(content.canonicalBytes());
        Mac jca = Mac.getInstance("HmacSHA256");
        jca.init(new SecretKeySpec(key.copy(), "HmacSHA256"));

        assertThat(chain.link(prevMac, content)).isEqualTo(jca.doFinal(input.toByteArray()));
    }

    @Test
    void linkDependsOnThePreviousMac() {
        byte[] other = AuditChain.genesis();
        other[0] = 1;

        assertThat(chain.link(AuditChain.genesis(), content)).isNotEqualTo(chain.link(other, content));
    }

    @Test
    void aMacComputedWithAnotherKeyDiffers() {
        try (SecretBytes otherKey = ChainFixture.key(2)) {
            assertThat(new AuditChain(otherKey).link(AuditChain.genesis(), content))
                    .isNotEqualTo(chain.link(AuditChain.genesis(), content));
        }
    }

    @Test
    void aPreviousMacOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> chain.link(new byte[31], content))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void aKeyShorterThanThirtyTwoBytesIsRefused() {
        try (SecretBytes shortKey = SecretBytes.adopt(new byte[16])) {
            assertThatThrownBy(() -> new AuditChain(shortKey)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theKeyIsBorrowedNotWiped() {
        byte[] before = key.copy();

        chain.link(AuditChain.genesis(), content);
        chain.verify(ChainFixture.build(chain, 3).iterator(), null);

        assertThat(key.isDestroyed()).isFalse();
        assertThat(key.copy()).isEqualTo(before);
    }

    @Test
    void linkingWithADestroyedKeyFails() {
        key.destroy();

        assertThatThrownBy(() -> chain.link(AuditChain.genesis(), content)).isInstanceOf(IllegalStateException.class);
    }
}
