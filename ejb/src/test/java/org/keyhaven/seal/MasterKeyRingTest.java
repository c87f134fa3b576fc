package org.keyhaven.seal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;

class MasterKeyRingTest {

    private static final byte[] AAD = "keyhaven-key-material-v1|k|1".getBytes(UTF_8);
    private static final byte[] ROW = "a canonical row".getBytes(UTF_8);

    /** The arrays the ring's master keys were adopted from: they show whether the ring wiped them. */
    private final Map<Integer, byte[]> keyBytes = new TreeMap<>();
    private final MasterKeyRing ring = ring(1);

    @AfterEach
    void sealRing() {
        ring.destroy();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 16, 32, 1_000})
    void unwrapReturnsWhatWasWrapped(int length) {
        byte[] plain = bytes(length, 3);

        byte[] blob = ring.wrap(SecretBytes.copyOf(plain), AAD);

        assertThat(blob).hasSize(1 + 12 + length + 16);
        try (SecretBytes unwrapped = ring.unwrap(1, blob, AAD)) {
            assertThat(unwrapped.copy()).isEqualTo(plain);
        }
    }

    @Test
    void theBlobIsFormatByteNonceAndAesGcmUnderTheMasterKeyWithTheAssociatedData() throws GeneralSecurityException {
        byte[] plain = bytes(32, 9);

        byte[] blob = ring.wrap(SecretBytes.copyOf(plain), AAD);

        assertThat(blob[0]).isEqualTo((byte) 0x01);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keyBytes.get(1), "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(blob, 1, 13)));
        gcm.updateAAD(AAD);
        assertThat(gcm.doFinal(Arrays.copyOfRange(blob, 13, blob.length))).isEqualTo(plain);
    }

    @Test
    void wrappingTheSameSecretTwiceGivesDifferentBlobs() {
        byte[] plain = bytes(32, 1);

        assertThat(ring.wrap(SecretBytes.copyOf(plain), AAD)).isNotEqualTo(ring.wrap(SecretBytes.copyOf(plain), AAD));
    }

    @Test
    void otherAssociatedDataIsAnIntegrityViolation() {
        byte[] blob = ring.wrap(SecretBytes.copyOf(bytes(32, 1)), AAD);

        assertIntegrityViolation(() -> ring.unwrap(1, blob, "keyhaven-key-material-v1|k|2".getBytes(UTF_8)));
        assertIntegrityViolation(() -> ring.unwrap(1, blob, new byte[0]));
        assertIntegrityViolation(() -> ring.unwrap(1, blob, null));
    }

    @Test
    void flippingAnyBitOfTheBlobIsAnIntegrityViolation() {
        byte[] blob = ring.wrap(SecretBytes.copyOf(bytes(32, 1)), AAD);

        for (int index = 0; index < blob.length; index++) {
            for (int bit = 0; bit < 8; bit += 7) {
                byte[] tampered = blob.clone();
                tampered[index] ^= (byte) (1 << bit);
                assertIntegrityViolation(() -> ring.unwrap(1, tampered, AAD));
            }
        }
    }

    @Test
    void everyTruncationAndAnExtensionOfTheBlobIsAnIntegrityViolation() {
        byte[] blob = ring.wrap(SecretBytes.copyOf(bytes(32, 1)), AAD);

        for (int length = 0; length < blob.length; length++) {
            byte[] truncated = Arrays.copyOf(blob, length);
            assertIntegrityViolation(() -> ring.unwrap(1, truncated, AAD));
        }
        assertIntegrityViolation(() -> ring.unwrap(1, Arrays.copyOf(blob, blob.length + 1), AAD));
        assertIntegrityViolation(() -> ring.unwrap(1, null, AAD));
    }

    @Test
    void anUnknownMasterKeyVersionIsAnIntegrityViolation() {
        byte[] blob = ring.wrap(SecretBytes.copyOf(bytes(32, 1)), AAD);

        assertIntegrityViolation(() -> ring.unwrap(2, blob, AAD));
        assertIntegrityViolation(() -> ring.unwrap(0, blob, AAD));
        assertIntegrityViolation(() -> ring.wrap(2, SecretBytes.copyOf(bytes(1, 1)), AAD));
    }

    @Test
    void aBlobClaimedToBeUnderAnotherExistingVersionIsAnIntegrityViolation() {
        MasterKeyRing two = ring(1, 2);
        byte[] blob = two.wrap(1, SecretBytes.copyOf(bytes(32, 1)), AAD);

        assertIntegrityViolation(() -> two.unwrap(2, blob, AAD));
        two.destroy();
    }

    @Test
    void withVersionMakesTheNewVersionCurrentAndKeepsTheOldOnesUsable() {
        byte[] plain = bytes(32, 5);
        byte[] underOne = ring.wrap(SecretBytes.copyOf(plain), AAD);

        MasterKeyRing rotated = ring.withVersion(2, adopt(2));
        byte[] underTwo = rotated.wrap(SecretBytes.copyOf(plain), AAD);

        assertThat(rotated.currentVersion()).isEqualTo(2);
        assertThat(rotated.hasVersion(1)).isTrue();
        assertThat(rotated.hasVersion(2)).isTrue();
        try (SecretBytes one = rotated.unwrap(1, underOne, AAD); SecretBytes two = rotated.unwrap(2, underTwo, AAD)) {
            assertThat(one.copy()).isEqualTo(plain);
            assertThat(two.copy()).isEqualTo(plain);
        }
        assertIntegrityViolation(() -> rotated.unwrap(1, underTwo, AAD));
    }

    @Test
    void withVersionLeavesTheOriginalRingAsItWas() {
        MasterKeyRing rotated = ring.withVersion(2, adopt(2));
        byte[] underTwo = rotated.wrap(SecretBytes.copyOf(bytes(32, 5)), AAD);

        assertThat(ring.currentVersion()).isEqualTo(1);
        assertThat(ring.hasVersion(2)).isFalse();
        assertIntegrityViolation(() -> ring.unwrap(2, underTwo, AAD));
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {1, 0, -1})
    void aNewVersionMustBeNewerThanTheCurrentOne(int version) {
        assertThatThrownBy(() -> ring.withVersion(version, adopt(version))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutRemovesAndWipesTheRetiredVersions() {
        MasterKeyRing three = ring(1, 2, 3);
        byte[] underOne = three.wrap(1, SecretBytes.copyOf(bytes(32, 1)), AAD);
        byte[] underThree = three.wrap(SecretBytes.copyOf(bytes(32, 3)), AAD);

        MasterKeyRing retired = three.without(List.of(1, 2));

        assertThat(retired.hasVersion(1)).isFalse();
        assertThat(retired.hasVersion(2)).isFalse();
        assertThat(retired.currentVersion()).isEqualTo(3);
        assertThat(keyBytes.get(1)).containsOnly(0);
        assertThat(keyBytes.get(2)).containsOnly(0);
        assertThat(keyBytes.get(3)).isNotEqualTo(new byte[32]);
        assertIntegrityViolation(() -> retired.unwrap(1, underOne, AAD));
        assertIntegrityViolation(() -> retired.rowMac(1, ROW));
        assertThat(retired.rowMacMatches(1, ROW, new byte[32])).isFalse();
        retired.unwrap(3, underThree, AAD).close();
        retired.destroy();
    }

    @Test
    void retiringAVersionTheRingDoesNotHoldIsHarmless() {
        MasterKeyRing same = ring.without(List.of(7));

        assertThat(same.currentVersion()).isEqualTo(1);
        assertThat(keyBytes.get(1)).isNotEqualTo(new byte[32]);
    }

    @Test
    void theCurrentVersionCannotBeRetired() {
        assertThatThrownBy(() -> ring.without(List.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(keyBytes.get(1)).isNotEqualTo(new byte[32]);
    }

    @Test
    void aRefusedRetirementWipesNothing() {
        MasterKeyRing three = ring(1, 2, 3);
        byte[] underOne = three.wrap(1, SecretBytes.copyOf(bytes(32, 1)), AAD);

        assertThatThrownBy(() -> three.without(List.of(1, 3))).isInstanceOf(IllegalArgumentException.class);

        assertThat(keyBytes.get(1)).isNotEqualTo(new byte[32]);
        three.unwrap(1, underOne, AAD).close();
        three.destroy();
    }

    @Test
    void rowMacIsHmacSha256UnderAKeyDerivedWithHkdfFromTheMasterKey() throws GeneralSecurityException {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(keyBytes.get(1).clone(), null, "keyhaven row-mac v1".getBytes(UTF_8)));
        byte[] macKey = new byte[32];
        hkdf.generateBytes(macKey, 0, macKey.length);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(macKey, "HmacSHA256"));

        assertThat(ring.rowMac(1, ROW)).isEqualTo(hmac.doFinal(ROW));
    }

    @Test
    void rowMacMatchesOnlyTheSameRowUnderTheSameVersion() {
        MasterKeyRing two = ring(1, 2);
        byte[] mac = two.rowMac(1, ROW);
        byte[] otherRow = "a canonical rox".getBytes(UTF_8);

        assertThat(two.rowMacMatches(1, ROW, mac)).isTrue();
        assertThat(two.rowMac(1, ROW)).isEqualTo(mac);
        assertThat(two.rowMacMatches(1, otherRow, mac)).isFalse();
        assertThat(two.rowMacMatches(2, ROW, mac)).isFalse();
        assertThat(two.rowMac(2, ROW)).isNotEqualTo(mac);
        assertThat(two.rowMacMatches(9, ROW, mac)).isFalse();
        assertThat(two.rowMacMatches(1, ROW, null)).isFalse();
        assertThat(two.rowMacMatches(1, ROW, Arrays.copyOf(mac, 16))).isFalse();
        assertThat(two.rowMacMatches(1, ROW, new byte[0])).isFalse();
        byte[] flipped = mac.clone();
        flipped[31] ^= 1;
        assertThat(two.rowMacMatches(1, ROW, flipped)).isFalse();
        two.destroy();
    }

    @Test
    void theRowMacKeyIsNotTheMasterKey() throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(keyBytes.get(1), "HmacSHA256"));

        assertThat(ring.rowMac(1, ROW)).isNotEqualTo(hmac.doFinal(ROW));
    }

    @Test
    void aRowMacUnderAnUnknownVersionIsAnIntegrityViolation() {
        assertIntegrityViolation(() -> ring.rowMac(5, ROW));
    }

    @Test
    void theAuditKeyIsSealedUntilSetAndTravelsWithRotation() {
        assertThatThrownBy(ring::auditKey).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SEALED));
        SecretBytes auditKey = SecretBytes.adopt(bytes(32, 7));

        ring.setAuditKey(auditKey);
        MasterKeyRing rotated = ring.withVersion(2, adopt(2));

        assertThat(ring.auditKey()).isSameAs(auditKey);
        assertThat(rotated.auditKey()).isSameAs(auditKey);
        assertThat(rotated.without(List.of(1)).auditKey()).isSameAs(auditKey);
    }

    @Test
    void destroyWipesEveryKeyOfTheRing() {
        byte[] unsealBytes = bytes(32, 11);
        byte[] auditBytes = bytes(32, 12);
        Map<Integer, SecretBytes> keys = new TreeMap<>(Map.of(1, adopt(1), 2, adopt(2)));
        MasterKeyRing sealed = new MasterKeyRing(SecretBytes.adopt(unsealBytes), keys);
        sealed.setAuditKey(SecretBytes.adopt(auditBytes));
        byte[] blob = sealed.wrap(SecretBytes.copyOf(bytes(32, 1)), AAD);

        sealed.destroy();

        assertThat(keys.values()).allSatisfy(key -> assertThat(key.isDestroyed()).isTrue());
        assertThat(keyBytes.get(1)).containsOnly(0);
        assertThat(keyBytes.get(2)).containsOnly(0);
        assertThat(unsealBytes).containsOnly(0);
        assertThat(auditBytes).containsOnly(0);
        assertThatThrownBy(() -> sealed.unwrap(2, blob, AAD)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealed.wrap(SecretBytes.copyOf(bytes(1, 1)), AAD))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealed.rowMac(2, ROW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRingNeedsAMasterKey() {
        assertThatThrownBy(() -> new MasterKeyRing(null, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsVersionsOnly() {
        MasterKeyRing two = ring(1, 2);

        assertThat(two).hasToString("MasterKeyRing[versions=[1, 2]]");
        two.destroy();
    }

    // --- fixtures ---

    private MasterKeyRing ring(int... versions) {
        Map<Integer, SecretBytes> keys = new TreeMap<>();
        IntStream.of(versions).forEach(version -> keys.put(version, adopt(version)));
        return new MasterKeyRing(null, keys);
    }

    /** A master key whose bytes this test keeps a reference to. */
    private SecretBytes adopt(int version) {
        byte[] key = bytes(32, 100 + version);
        keyBytes.put(version, key);
        return SecretBytes.adopt(key);
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7 + 1);
        }
        return bytes;
    }

    private static void assertIntegrityViolation(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_VIOLATION));
    }
}
