package org.keyhaven.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.key.ManagedKeyTest.ID;
import static org.keyhaven.key.ManagedKeyTest.T0;
import static org.keyhaven.testing.Refusals.withCode;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.common.Canonical;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.TestRings;
import org.keyhaven.testing.Fields;
import org.keyhaven.testing.JdkKeyPairs;

/** A public key object on its own: what it may be used for, that it never rotates, and its row MAC. */
class PublicKeyObjectTest {

    private static final KeySpec RSA_2048 = KeySpec.of(KeyAlgorithm.RSA, 2048, null);

    private final MasterKeyRing ring = TestRings.withVersions(1);

    @AfterEach
    void sealRing() {
        TestRings.seal(ring);
    }

    @Test
    void aPublicKeyObjectIsPublicOnlyAndAnOrdinaryKeyIsNot() {
        ManagedKey publicKey = ManagedKey.createPublicKey(ID, definition(EnumSet.of(KeyUsage.VERIFY, KeyUsage.ENCRYPT,
                KeyUsage.WRAP)), "officer", T0);
        ManagedKey privateKey = ManagedKey.create(ID, definition(EnumSet.of(KeyUsage.SIGN)), "officer", T0);

        assertThat(publicKey.publicOnly()).isTrue();
        assertThat(publicKey.toView().publicKeyOnly()).isTrue();
        assertThat(publicKey.usages()).containsExactlyInAnyOrder(KeyUsage.VERIFY, KeyUsage.ENCRYPT, KeyUsage.WRAP);
        assertThat(privateKey.publicOnly()).isFalse();
        assertThat(privateKey.toView().publicKeyOnly()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = KeyUsage.class, names = {"SIGN", "DECRYPT", "UNWRAP"})
    void aPublicKeyAskedForWhatOnlyThePrivateKeyDoesIsRefused(KeyUsage usage) {
        KeyDefinition definition = definition(EnumSet.of(KeyUsage.VERIFY, usage));

        assertThatThrownBy(() -> ManagedKey.createPublicKey(ID, definition, "officer", T0))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_USAGE))
                .hasMessageContaining(usage.name());
    }

    @Test
    void theDefaultUsagesOfAnRsaKeyIncludeSigningSoAPublicKeyMustNameItsOwn() {
        KeyDefinition defaults = definition(null);

        assertThat(defaults.usages()).contains(KeyUsage.SIGN);
        assertThatThrownBy(() -> ManagedKey.createPublicKey(ID, defaults, "officer", T0))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_USAGE));
    }

    @Test
    void onlyAsymmetricAlgorithmsHavePublicKeys() {
        KeyDefinition aes = new KeyDefinition("wrapping", KeySpec.of(KeyAlgorithm.AES, 256, null),
                EnumSet.of(KeyUsage.ENCRYPT), false, null, null, null, null);

        assertThatThrownBy(() -> ManagedKey.createPublicKey(ID, aes, "officer", T0))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aPublicKeyDoesNotRotateInAnyState() {
        ManagedKey key = publicKey();
        WrappedMaterial other = publicMaterial(key);

        assertThatThrownBy(() -> key.rotate(other, T0.plusSeconds(1)))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        key.activate(T0);
        assertThatThrownBy(() -> key.rotate(other, T0.plusSeconds(2)))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        assertThat(key.versions()).hasSize(1);
        assertThat(key.currentVersion()).isEqualTo(1);
    }

    @Test
    void aRotationPeriodIsRefusedForAPublicKeyAndTheRestOfTheChangeIsNotApplied() {
        ManagedKey key = publicKey();
        key.activate(T0);
        KeyView before = key.toView();

        assertThatThrownBy(() -> key.changePolicy(new KeyPolicyChange(null, new RotationPeriod("P30D"), false,
                T0.plus(Duration.ofDays(90))), T0.plusSeconds(5)))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));

        assertThat(key.toView()).isEqualTo(before);
    }

    @Test
    void otherPolicyChangesApplyToAPublicKey() {
        ManagedKey key = publicKey();
        key.activate(T0);

        key.changePolicy(new KeyPolicyChange(null, null, true, T0.plus(Duration.ofDays(90))), T0.plusSeconds(5));

        assertThat(key.toView().deactivationDate()).isEqualTo(T0.plus(Duration.ofDays(90)));
    }

    @Test
    void aPublicKeyTakesNoRotationPeriodSoItNeverFallsDueForARotationItWouldRefuse() {
        KeyDefinition withPeriod = new KeyDefinition("verifier", RSA_2048, EnumSet.of(KeyUsage.VERIFY), false,
                new RotationPeriod("P30D"), null, null, null);

        assertThatThrownBy(() -> ManagedKey.createPublicKey(ID, withPeriod, "officer", T0))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aPublicKeyRowVerifiesAndTheFlagIsUnderItsMac() {
        ManagedKey key = publicKey();
        key.protectWith(ring);
        assertThatCode(() -> key.verifyWith(ring)).doesNotThrowAnyException();

        Fields.set(key, "publicOnly", false);

        assertThatThrownBy(() -> key.verifyWith(ring))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INTEGRITY_VIOLATION));
    }

    @Test
    void aPrivateKeyRowCannotBeTurnedIntoAPublicKeyWithoutTheMasterKey() {
        ManagedKey key = ManagedKey.create(ID, definition(EnumSet.of(KeyUsage.SIGN, KeyUsage.VERIFY)), "officer", T0);
        key.protectWith(ring);

        Fields.set(key, "publicOnly", true);

        assertThatThrownBy(() -> key.verifyWith(ring))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INTEGRITY_VIOLATION));
    }

    @Test
    void theMacOfAPublicKeyRowDiffersFromTheSameRowWithoutTheFlag() {
        ManagedKey key = publicKey();
        key.protectWith(ring);
        byte[] withFlag = ((byte[]) Fields.get(key, "rowMac")).clone();

        Fields.set(key, "publicOnly", false);
        key.protectWith(ring);

        assertThat((byte[]) Fields.get(key, "rowMac")).isNotEqualTo(withFlag);
    }

    @Test
    void aRowThatIsNotPublicOnlyHasTheMacOfTheColumnsBeforeTheFlagExisted() {
        ManagedKey key = ManagedKey.create(ID, definition(EnumSet.of(KeyUsage.SIGN, KeyUsage.VERIFY)), "officer", T0);
        key.activate(T0);
        key.protectWith(ring);

        byte[] legacyMac = ring.rowMac(key.mkVersion(), legacyCanonical(key));

        assertThat((byte[]) Fields.get(key, "rowMac")).isEqualTo(legacyMac);
    }

    // --- fixtures ---

    private static KeyDefinition definition(Set<KeyUsage> usages) {
        return new KeyDefinition("verifier", RSA_2048, usages, false, null, null, null, null);
    }

    /** A Pre-Active RSA public key object holding the JDK's public key, as NewKeys stores it. */
    private ManagedKey publicKey() {
        ManagedKey key = ManagedKey.createPublicKey(ID, definition(EnumSet.of(KeyUsage.VERIFY)), "officer", T0);
        key.addFirstVersion(publicMaterial(key), T0);
        return key;
    }

    private WrappedMaterial publicMaterial(ManagedKey key) {
        byte[] spki = JdkKeyPairs.rsa(2048).getPublic().getEncoded();
        try (SecretBytes material = SecretBytes.copyOf(spki)) {
            return new WrappedMaterial(ring.currentVersion(), ring.wrap(material,
                    KeyVersion.associatedData(key.id(), key.nextVersionNumber())), spki);
        }
    }

    /** The kh_managed_key columns under the MAC as they were before public keys existed (rows already stored). */
    private static byte[] legacyCanonical(ManagedKey key) {
        return new Canonical("kh_managed_key")
                .add((String) Fields.get(key, "id")).add((String) Fields.get(key, "name"))
                .add((KeyAlgorithm) Fields.get(key, "algorithm")).add((Integer) Fields.get(key, "lengthBits"))
                .add((EcCurve) Fields.get(key, "curve")).add((Integer) Fields.get(key, "usageMask"))
                .add((boolean) Fields.get(key, "exportable")).add((KeyState) Fields.get(key, "state"))
                .add((Integer) Fields.get(key, "currentVersion")).add((Integer) Fields.get(key, "minDecryptionVersion"))
                .add((String) Fields.get(key, "rotationPeriod")).add((Instant) Fields.get(key, "nextRotationAt"))
                .add((Instant) Fields.get(key, "activationDate"))
                .add((Instant) Fields.get(key, "deactivationDate"))
                .add((Instant) Fields.get(key, "compromiseDate"))
                .add((Instant) Fields.get(key, "destroyDate"))
                .add((RevocationReason) Fields.get(key, "revocationReason"))
                .add((String) Fields.get(key, "revocationMessage"))
                .add((Instant) Fields.get(key, "createdAt")).add((String) Fields.get(key, "createdBy"))
                .add(key.mkVersion()).toBytes();
    }
}
