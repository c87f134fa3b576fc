package org.keyhaven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.crypto.TestBytes.flipBit;
import static org.keyhaven.crypto.TestBytes.hex;
import static org.keyhaven.crypto.TestBytes.secret;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Known answers from RFC 5649 section 6 (both examples use the same 192-bit KEK). */
class AesKeyWrapPadTest {

    private static final String KEK = "5840df6e29b02af1 ab493b705bf16ea1 ae8338f4dcc176a8";
    private static final String KEY_20 = "c37b7e6492584340 bed1220780894115 5068f738";
    private static final String WRAPPED_20 = "138bdeaa9b8fa7fc 61f97742e72248ee 5ae6ae5360d1ae6a 5f54f373fa543b6a";
    private static final String KEY_7 = "466f7250617369";
    private static final String WRAPPED_7 = "afbeb0f07dfbf541 9200f2ccb50bb24f";

    @Test
    void wrappingTwentyOctetsReproducesRfc5649() {
        try (SecretBytes kek = secret(KEK)) {
            assertThat(AesKeyWrapPad.wrap(kek, hex(KEY_20))).isEqualTo(hex(WRAPPED_20));
        }
    }

    @Test
    void wrappingSevenOctetsReproducesRfc5649() {
        try (SecretBytes kek = secret(KEK)) {
            assertThat(AesKeyWrapPad.wrap(kek, hex(KEY_7))).isEqualTo(hex(WRAPPED_7));
        }
    }

    @Test
    void unwrappingRecoversTheRfc5649Keys() {
        try (SecretBytes kek = secret(KEK);
                SecretBytes key20 = AesKeyWrapPad.unwrap(kek, hex(WRAPPED_20));
                SecretBytes key7 = AesKeyWrapPad.unwrap(kek, hex(WRAPPED_7))) {
            assertThat(key20.copy()).isEqualTo(hex(KEY_20));
            assertThat(key7.copy()).isEqualTo(hex(KEY_7));
        }
    }

    @Test
    void everyTamperedBitIsRejected() {
        byte[] wrapped = hex(WRAPPED_20);
        try (SecretBytes kek = secret(KEK)) {
            for (int i = 0; i < wrapped.length; i++) {
                byte[] tampered = flipBit(wrapped, i);
                assertThatThrownBy(() -> AesKeyWrapPad.unwrap(kek, tampered))
                        .isInstanceOf(AuthenticationFailedException.class);
            }
        }
    }

    @Test
    void truncatedOrMisalignedWrappingIsRejected() {
        byte[] wrapped = hex(WRAPPED_20);
        try (SecretBytes kek = secret(KEK)) {
            assertThatThrownBy(() -> AesKeyWrapPad.unwrap(kek, Arrays.copyOf(wrapped, 24)))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> AesKeyWrapPad.unwrap(kek, Arrays.copyOf(wrapped, 31)))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> AesKeyWrapPad.unwrap(kek, new byte[8]))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void wrongKekIsRejected() {
        try (SecretBytes other = secret("5840df6e29b02af1 ab493b705bf16ea1 ae8338f4dcc176a9")) {
            assertThatThrownBy(() -> AesKeyWrapPad.unwrap(other, hex(WRAPPED_20)))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void emptyKeyMaterialAndBadKekLengthsAreRefused() {
        try (SecretBytes kek = secret(KEK); SecretBytes shortKek = SecretBytes.adopt(new byte[8])) {
            assertThatThrownBy(() -> AesKeyWrapPad.wrap(kek, new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AesKeyWrapPad.wrap(shortKek, new byte[16]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 300)
    void unwrappingInvertsWrappingForOneToSixtyFourBytes(@ForAll("keks") byte[] kek,
            @ForAll @Size(min = 1, max = 64) byte[] keyMaterial) {
        try (SecretBytes k = SecretBytes.copyOf(kek)) {
            byte[] wrapped = AesKeyWrapPad.wrap(k, keyMaterial);
            assertThat(wrapped).hasSize(8 + (keyMaterial.length + 7) / 8 * 8);
            try (SecretBytes unwrapped = AesKeyWrapPad.unwrap(k, wrapped)) {
                assertThat(unwrapped.copy()).isEqualTo(keyMaterial);
            }
        }
    }

    @Provide
    Arbitrary<byte[]> keks() {
        return Arbitraries.of(16, 24, 32).flatMap(length -> Arbitraries.bytes().array(byte[].class).ofSize(length));
    }
}
