package org.keyhaven.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.key.KeySpecTest.assertRefused;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.TestRings;

/** The key aggregate as a plain object, with real material wrapped under a real master key ring. */
class ManagedKeyTest {

    static final String ID = "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f";
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123456Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private final MasterKeyRing ring = TestRings.withVersions(1);

    @AfterEach
    void sealRing() {
        TestRings.seal(ring);
    }

    @Test
    void aCreatedKeyIsPreActiveWithoutVersionsUntilItsFirstVersionIsAdded() {
        ManagedKey key = ManagedKey.create(ID, definition(), "officer", T0);

        assertThat(key.state()).isEqualTo(KeyState.PRE_ACTIVE);
        assertThat(key.currentVersion()).isZero();
        assertThat(key.versions()).isEmpty();
        assertThat(key.nextVersionNumber()).isEqualTo(1);

        key.addFirstVersion(material(key), T0);

        assertThat(key.state()).isEqualTo(KeyState.PRE_ACTIVE);
        assertThat(key.currentVersion()).isEqualTo(1);
        assertThat(key.minDecryptionVersion()).isEqualTo(1);
        assertThat(key.versions()).extracting(KeyVersion::version).containsExactly(1);
        assertThat(key.version(1).createdAt()).isEqualTo(T0);
        assertThat(key.version(1).isDestroyed()).isFalse();
        try (SecretBytes secret = key.version(1).unwrap(ring)) {
            assertThat(secret.length()).isEqualTo(32);
        }
    }

    @Test
    void aSecondFirstVersionIsRefused() {
        ManagedKey key = preActive();

        assertThatThrownBy(() -> key.addFirstVersion(material(key), T0)).isInstanceOf(IllegalStateException.class);
        assertThat(key.versions()).hasSize(1);
    }

    @Test
    void createTakesEverythingFromTheDefinition() {
        KeyDefinition definition = new KeyDefinition("orders-db", KeySpec.of(KeyAlgorithm.RSA, 2048, null),
                EnumSet.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT), true, new RotationPeriod("P30D"), T0.plus(HOUR),
                T0.plus(Duration.ofDays(400)), Map.of("x-owner", "team-a"));

        KeyView view = ManagedKey.create(ID, definition, "officer", T0).toView();

        assertThat(view.id()).isEqualTo(ID);
        assertThat(view.name()).isEqualTo("orders-db");
        assertThat(view.algorithm()).isEqualTo("RSA");
        assertThat(view.length()).isEqualTo(2048);
        assertThat(view.curve()).isNull();
        assertThat(view.usage()).containsExactlyInAnyOrder(KeyUsage.ENCRYPT, KeyUsage.DECRYPT);
        assertThat(view.exportable()).isTrue();
        assertThat(view.rotationPeriod()).isEqualTo("P30D");
        assertThat(view.nextRotation()).isNull();
        assertThat(view.activationDate()).isEqualTo(T0.plus(HOUR));
        assertThat(view.deactivationDate()).isEqualTo(T0.plus(Duration.ofDays(400)));
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.createdBy()).isEqualTo("officer");
        assertThat(view.updatedAt()).isEqualTo(T0);
        assertThat(view.attributes()).containsExactly(Map.entry("x-owner", "team-a"));
    }

    @Test
    void anEcKeyKeepsItsCurve() {
        ManagedKey key = ManagedKey.create(ID, new KeyDefinition("signer", KeySpec.of(KeyAlgorithm.EC, null, "P-384"),
                null, false, null, null, null, null), "officer", T0);

        assertThat(key.spec()).isEqualTo(KeySpec.of(KeyAlgorithm.EC, 384, null));
        assertThat(key.toView().curve()).isEqualTo("P-384");
    }

    @Test
    void activatingSetsTheActivationDateToNow() {
        ManagedKey key = preActive();

        key.activate(T0.plus(HOUR));

        assertThat(key.state()).isEqualTo(KeyState.ACTIVE);
        assertThat(key.toView().activationDate()).isEqualTo(T0.plus(HOUR));
        assertThat(key.toView().updatedAt()).isEqualTo(T0.plus(HOUR));
    }

    @Test
    void activatingEarlierThanPlannedMovesTheActivationDateForward() {
        ManagedKey key = preActive(definition(T0.plus(Duration.ofDays(7)), null, null));

        key.activate(T0.plus(HOUR));

        assertThat(key.toView().activationDate()).isEqualTo(T0.plus(HOUR));
    }

    @Test
    void activatingTwiceIsRefused() {
        ManagedKey key = active();

        assertRefused(() -> key.activate(T0.plus(HOUR)), ErrorCode.INVALID_STATE_TRANSITION);
    }

    @Test
    void rotationAppendsVersionsThatEachUnwrapUnderTheirOwnNumber() {
        ManagedKey key = preActive();
        KeyVersion second = rotate(key, T0.plus(HOUR));
        key.activate(T0.plus(HOUR));
        KeyVersion third = rotate(key, T0.plus(HOUR.multipliedBy(2)));

        assertThat(second.version()).isEqualTo(2);
        assertThat(third.version()).isEqualTo(3);
        assertThat(key.currentVersion()).isEqualTo(3);
        assertThat(key.versions()).extracting(KeyVersion::version).containsExactly(1, 2, 3);
        assertThat(key.version(3).createdAt()).isEqualTo(T0.plus(HOUR.multipliedBy(2)));
        byte[][] secrets = new byte[3][];
        for (int v = 1; v <= 3; v++) {
            try (SecretBytes secret = key.version(v).unwrap(ring)) {
                secrets[v - 1] = secret.copy();
            }
        }
        assertThat(secrets[0]).isNotEqualTo(secrets[1]).isNotEqualTo(secrets[2]);
        assertThat(secrets[1]).isNotEqualTo(secrets[2]);
    }

    @Test
    void anUnknownVersionIsKeyNotFound() {
        ManagedKey key = active();

        assertRefused(() -> key.version(2), ErrorCode.KEY_NOT_FOUND);
        assertRefused(() -> key.version(0), ErrorCode.KEY_NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = KeyState.class, names = {"DEACTIVATED", "COMPROMISED", "DESTROYED", "DESTROYED_COMPROMISED"})
    void onlyPreActiveAndActiveKeysRotate(KeyState state) {
        ManagedKey key = inState(state);
        WrappedMaterial next = material(key);

        assertThatThrownBy(() -> key.rotate(next, T0.plus(Duration.ofDays(1))))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION);
                    assertThat(e.objectId()).isEqualTo(ID);
                });
        assertThat(key.versions()).hasSize(1);
        assertThat(key.currentVersion()).isEqualTo(1);
    }

    @Test
    void destroyingAnActiveKeyIsRefusedAndKeepsItsMaterial() {
        ManagedKey key = active();

        assertThatThrownBy(() -> key.destroy(T0.plus(HOUR))).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION))
                .hasMessageContaining("deactivate or revoke it first");
        assertThat(key.state()).isEqualTo(KeyState.ACTIVE);
        assertThat(key.version(1).isDestroyed()).isFalse();
        assertThat(key.toView().destroyDate()).isNull();
    }

    @Test
    void destroyingADeactivatedKeyErasesTheMaterialOfEveryVersionAndKeepsTheMetadata() {
        ManagedKey key = active();
        rotate(key, T0.plus(HOUR));
        rotate(key, T0.plus(HOUR.multipliedBy(2)));
        key.setAttribute("x-owner", "team-a");
        key.deactivate(T0.plus(HOUR.multipliedBy(3)));
        List<byte[]> storedBlobs = key.versions().stream().map(ManagedKeyTest::storedMaterial).toList();
        Instant destroyedAt = T0.plus(HOUR.multipliedBy(4));

        key.destroy(destroyedAt);

        assertThat(key.state()).isEqualTo(KeyState.DESTROYED);
        assertThat(key.versions()).hasSize(3).allSatisfy(version -> {
            assertThat(version.isDestroyed()).isTrue();
            assertThat(version.destroyedAt()).isEqualTo(destroyedAt);
            assertThatThrownBy(() -> version.unwrap(ring)).isInstanceOfSatisfying(KeyhavenException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
        });
        assertThat(storedBlobs).allSatisfy(blob -> assertThat(blob).containsOnly(0));
        KeyView view = key.toView();
        assertThat(view.id()).isEqualTo(ID);
        assertThat(view.name()).isEqualTo("payments");
        assertThat(view.algorithm()).isEqualTo("AES");
        assertThat(view.currentVersion()).isEqualTo(3);
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.destroyDate()).isEqualTo(destroyedAt);
        assertThat(view.deactivationDate()).isEqualTo(T0.plus(HOUR.multipliedBy(3)));
        assertThat(view.attributes()).containsEntry("x-owner", "team-a");
        assertThat(view.versions()).extracting(KeyView.Version::destroyed).containsOnly(true);
    }

    @Test
    void aNeverActivatedKeyMayBeDestroyedAtOnce() {
        ManagedKey key = preActive();

        key.destroy(T0.plus(HOUR));

        assertThat(key.state()).isEqualTo(KeyState.DESTROYED);
        assertThat(key.version(1).isDestroyed()).isTrue();
    }

    @Test
    void revokingForKeyCompromiseCompromisesTheKeyAndRecordsWhen() {
        ManagedKey key = active();
        Instant now = T0.plus(HOUR);

        key.revoke(RevocationReason.KEY_COMPROMISE, "laptop stolen", now);

        KeyView view = key.toView();
        assertThat(view.state()).isEqualTo(KeyState.COMPROMISED);
        assertThat(view.compromiseDate()).isEqualTo(now);
        assertThat(view.deactivationDate()).isNull();
        assertThat(view.revocationReason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(view.revocationMessage()).isEqualTo("laptop stolen");
        assertThat(key.version(1).isDestroyed()).isFalse();
    }

    @Test
    void revokingAsSupersededDeactivatesTheKey() {
        ManagedKey key = active();
        Instant now = T0.plus(HOUR);

        key.revoke(RevocationReason.SUPERSEDED, null, now);

        KeyView view = key.toView();
        assertThat(view.state()).isEqualTo(KeyState.DEACTIVATED);
        assertThat(view.deactivationDate()).isEqualTo(now);
        assertThat(view.compromiseDate()).isNull();
        assertThat(view.revocationReason()).isEqualTo(RevocationReason.SUPERSEDED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RevocationReason.class)
    void everyRevocationReasonMovesAnActiveKeyAsItsEventSays(RevocationReason reason) {
        ManagedKey key = active();

        key.revoke(reason, null, T0.plus(HOUR));

        assertThat(key.state()).isEqualTo(reason.event() == LifecycleEvent.COMPROMISE ? KeyState.COMPROMISED
                : KeyState.DEACTIVATED);
    }

    @Test
    void aCompromiseReportedAfterDestructionIsRecorded() {
        ManagedKey key = inState(KeyState.DESTROYED);

        key.revoke(RevocationReason.KEY_COMPROMISE, null, T0.plus(Duration.ofDays(2)));

        assertThat(key.state()).isEqualTo(KeyState.DESTROYED_COMPROMISED);
        assertThat(key.toView().compromiseDate()).isEqualTo(T0.plus(Duration.ofDays(2)));
    }

    @Test
    void aDeactivatedKeyCannotBeRevokedAgainForAnotherReasonThanCompromise() {
        ManagedKey key = inState(KeyState.DEACTIVATED);

        assertRefused(() -> key.revoke(RevocationReason.CESSATION_OF_OPERATION, null, T0.plus(Duration.ofDays(2))),
                ErrorCode.INVALID_STATE_TRANSITION);
        assertThat(key.state()).isEqualTo(KeyState.DEACTIVATED);
    }

    @Test
    void applyDatesActivatesAndDeactivatesAtExactlyTheirInstants() {
        Instant activation = T0.plus(HOUR);
        Instant deactivation = T0.plus(HOUR.multipliedBy(2));
        ManagedKey key = preActive(definition(activation, deactivation, null));

        assertThat(key.applyDates(activation.minusNanos(1_000))).isEmpty();
        assertThat(key.state()).isEqualTo(KeyState.PRE_ACTIVE);

        assertThat(key.applyDates(activation)).containsExactly(LifecycleEvent.ACTIVATE);
        assertThat(key.state()).isEqualTo(KeyState.ACTIVE);
        assertThat(key.toView().updatedAt()).isEqualTo(activation);

        assertThat(key.applyDates(deactivation.minusNanos(1_000))).isEmpty();
        assertThat(key.state()).isEqualTo(KeyState.ACTIVE);

        assertThat(key.applyDates(deactivation)).containsExactly(LifecycleEvent.DEACTIVATE);
        assertThat(key.state()).isEqualTo(KeyState.DEACTIVATED);

        assertThat(key.applyDates(deactivation.plus(Duration.ofDays(365)))).isEmpty();
        assertThat(key.state()).isEqualTo(KeyState.DEACTIVATED);
    }

    @Test
    void aKeyWhoseDeactivationDatePassedBeforeItWasActivatedIsDeactivatedWithoutEverBeingActive() {
        ManagedKey key = preActive(definition(T0.plus(HOUR), T0.plus(HOUR.multipliedBy(2)), null));

        assertThat(key.applyDates(T0.plus(HOUR.multipliedBy(3)))).containsExactly(LifecycleEvent.DEACTIVATE);
        assertThat(key.state()).isEqualTo(KeyState.DEACTIVATED);
    }

    @Test
    void aKeyWithoutDatesIsLeftAlone() {
        ManagedKey key = preActive();

        assertThat(key.applyDates(T0.plus(Duration.ofDays(10_000)))).isEmpty();
        assertThat(key.state()).isEqualTo(KeyState.PRE_ACTIVE);
        assertThat(key.toView().updatedAt()).isEqualTo(T0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = KeyState.class, names = {"COMPROMISED", "DESTROYED", "DESTROYED_COMPROMISED"})
    void datesNeverMoveAKeyOutOfAnEndState(KeyState state) {
        ManagedKey key = inState(state, definition(T0.plus(HOUR), T0.plus(HOUR.multipliedBy(50)), null));

        assertThat(key.applyDates(T0.plus(Duration.ofDays(365)))).isEmpty();
        assertThat(key.state()).isEqualTo(state);
    }

    @Test
    void aDeactivationDateSetByPolicyTakesEffectWhenReached() {
        ManagedKey key = active();
        Instant deactivation = T0.plus(Duration.ofDays(30));

        key.changePolicy(new KeyPolicyChange(null, null, false, deactivation), T0.plus(HOUR));

        assertThat(key.applyDates(deactivation.minusSeconds(1))).isEmpty();
        assertThat(key.applyDates(deactivation)).containsExactly(LifecycleEvent.DEACTIVATE);
    }

    @Test
    void rotationFallsDueOnePeriodAfterActivationAndAgainAfterEachRotation() {
        ManagedKey key = preActive(definition(null, null, new RotationPeriod("P30D")));
        assertThat(key.isRotationDue(T0.plus(Duration.ofDays(1_000)))).as("a Pre-Active key never rotates").isFalse();

        key.activate(T0);

        assertThat(key.toView().nextRotation()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(key.isRotationDue(T0.plus(Duration.ofDays(30)).minusNanos(1_000))).isFalse();
        assertThat(key.isRotationDue(T0.plus(Duration.ofDays(30)))).isTrue();
        assertThat(key.isRotationDue(T0.plus(Duration.ofDays(45)))).isTrue();

        rotate(key, T0.plus(Duration.ofDays(31)));

        assertThat(key.isRotationDue(T0.plus(Duration.ofDays(45)))).isFalse();
        assertThat(key.isRotationDue(T0.plus(Duration.ofDays(61)))).isTrue();
    }

    @Test
    void activationByDateSchedulesTheFirstRotation() {
        ManagedKey key = preActive(definition(T0.plus(HOUR), null, new RotationPeriod("P7D")));

        key.applyDates(T0.plus(HOUR.multipliedBy(2)));

        assertThat(key.toView().nextRotation()).isEqualTo(T0.plus(HOUR.multipliedBy(2)).plus(Duration.ofDays(7)));
    }

    @Test
    void aKeyWithoutRotationPeriodNeverFallsDue() {
        ManagedKey key = active();

        assertThat(key.isRotationDue(T0.plus(Duration.ofDays(100_000)))).isFalse();
        assertThat(key.toView().nextRotation()).isNull();
    }

    @Test
    void leavingTheActiveStateCancelsScheduledRotation() {
        ManagedKey deactivated = preActive(definition(null, null, new RotationPeriod("P1D")));
        deactivated.activate(T0);
        deactivated.deactivate(T0.plus(HOUR));
        ManagedKey compromised = preActive(definition(null, null, new RotationPeriod("P1D")));
        compromised.activate(T0);
        compromised.revoke(RevocationReason.KEY_COMPROMISE, null, T0.plus(HOUR));

        for (ManagedKey key : List.of(deactivated, compromised)) {
            assertThat(key.toView().nextRotation()).isNull();
            assertThat(key.isRotationDue(T0.plus(Duration.ofDays(10)))).isFalse();
        }
    }

    @Test
    void changingTheRotationPeriodReschedulesFromNowAndClearingItStopsRotation() {
        ManagedKey key = active();

        key.changePolicy(new KeyPolicyChange(null, new RotationPeriod("P10D"), false, null), T0.plus(HOUR));

        assertThat(key.toView().rotationPeriod()).isEqualTo("P10D");
        assertThat(key.toView().nextRotation()).isEqualTo(T0.plus(HOUR).plus(Duration.ofDays(10)));
        assertThat(key.isRotationDue(T0.plus(HOUR).plus(Duration.ofDays(10)))).isTrue();

        key.changePolicy(new KeyPolicyChange(null, null, true, null), T0.plus(HOUR.multipliedBy(2)));

        assertThat(key.toView().rotationPeriod()).isNull();
        assertThat(key.isRotationDue(T0.plus(Duration.ofDays(100)))).isFalse();
    }

    @Test
    void theMinimumDecryptionVersionMayBeAnyExistingVersion() {
        ManagedKey key = active();
        rotate(key, T0.plus(HOUR));
        rotate(key, T0.plus(HOUR));

        for (int min : new int[] {3, 1, 2}) {
            key.changePolicy(new KeyPolicyChange(min, null, false, null), T0.plus(HOUR));
            assertThat(key.minDecryptionVersion()).isEqualTo(min);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1, 4, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aMinimumDecryptionVersionOutsideOneToCurrentIsRefused(int min) {
        ManagedKey key = active();
        rotate(key, T0.plus(HOUR));
        rotate(key, T0.plus(HOUR));

        assertRefused(() -> key.changePolicy(new KeyPolicyChange(min, null, false, null), T0.plus(HOUR)),
                ErrorCode.INVALID_REQUEST);
        assertThat(key.minDecryptionVersion()).isEqualTo(1);
    }

    @Test
    void aKeyWithoutVersionsAdmitsNoMinimumDecryptionVersion() {
        ManagedKey key = ManagedKey.create(ID, definition(), "officer", T0);

        assertRefused(() -> key.changePolicy(new KeyPolicyChange(1, null, false, null), T0),
                ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = KeyState.class, names = {"DEACTIVATED", "COMPROMISED", "DESTROYED", "DESTROYED_COMPROMISED"})
    void aDeactivationDateCanOnlyBeSetOnPreActiveAndActiveKeys(KeyState state) {
        ManagedKey key = inState(state);

        assertRefused(() -> key.changePolicy(new KeyPolicyChange(null, null, false, T0.plus(Duration.ofDays(9))),
                T0.plus(Duration.ofDays(2))), ErrorCode.INVALID_STATE_TRANSITION);
    }

    @Test
    void attributesAreValidatedAndLimitedTo64() {
        ManagedKey key = active();
        KeyDefinitionTest.attributes(ManagedKey.MAX_ATTRIBUTES).forEach(key::setAttribute);

        assertThatThrownBy(() -> key.setAttribute("x-one-too-many", "v"))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ATTRIBUTE);
                    assertThat(e.objectId()).isEqualTo(ID);
                });
        key.setAttribute("x-attribute-0", "replaced");
        assertThat(key.attributes()).hasSize(64).containsEntry("x-attribute-0", "replaced");

        assertThat(key.removeAttribute("x-attribute-1")).isTrue();
        assertThat(key.removeAttribute("x-attribute-1")).isFalse();
        key.setAttribute("x-one-more", "v");
        assertThat(key.attributes()).hasSize(64).containsEntry("x-one-more", "v");
    }

    @Test
    void invalidAttributesAreRefused() {
        ManagedKey key = active();

        assertRefused(() -> key.setAttribute("bad\nname", "v"), ErrorCode.INVALID_ATTRIBUTE);
        assertRefused(() -> key.setAttribute("x-a", "bad\u0000value"), ErrorCode.INVALID_ATTRIBUTE);
        assertRefused(() -> key.setAttribute("x-a", "v".repeat(4001)), ErrorCode.INVALID_ATTRIBUTE);
        assertThat(key.attributes()).isEmpty();
    }

    @Test
    void theAttributesViewIsAReadOnlyCopy() {
        ManagedKey key = active();
        key.setAttribute("x-a", "1");
        Map<String, String> view = key.attributes();

        assertThatThrownBy(() -> view.put("x-b", "2")).isInstanceOf(UnsupportedOperationException.class);
        key.setAttribute("x-c", "3");
        assertThat(view).containsOnlyKeys("x-a");
    }

    @Test
    void theVersionListIsReadOnly() {
        ManagedKey key = active();

        assertThatThrownBy(() -> key.versions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // --- fixtures ---

    static KeyDefinition definition() {
        return definition(null, null, null);
    }

    static KeyDefinition definition(Instant activation, Instant deactivation, RotationPeriod period) {
        return new KeyDefinition("payments", KeySpec.of(KeyAlgorithm.AES, 256, null), null, false, period, activation,
                deactivation, null);
    }

    private ManagedKey preActive() {
        return preActive(definition());
    }

    private ManagedKey preActive(KeyDefinition definition) {
        ManagedKey key = ManagedKey.create(ID, definition, "officer", T0);
        key.addFirstVersion(material(key), T0);
        return key;
    }

    private ManagedKey active() {
        ManagedKey key = preActive();
        key.activate(T0);
        return key;
    }

    private ManagedKey inState(KeyState state) {
        return inState(state, definition());
    }

    /** Brings a key to {@code state} through the aggregate's own operations, one day apart. */
    private ManagedKey inState(KeyState state, KeyDefinition definition) {
        ManagedKey key = preActive(definition);
        Instant day1 = T0.plus(Duration.ofDays(1));
        switch (state) {
            case PRE_ACTIVE -> {
            }
            case ACTIVE -> key.activate(T0);
            case DEACTIVATED -> {
                key.activate(T0);
                key.deactivate(day1);
            }
            case COMPROMISED -> {
                key.activate(T0);
                key.revoke(RevocationReason.KEY_COMPROMISE, null, day1);
            }
            case DESTROYED -> {
                key.activate(T0);
                key.deactivate(day1);
                key.destroy(day1);
            }
            case DESTROYED_COMPROMISED -> {
                key.activate(T0);
                key.revoke(RevocationReason.KEY_COMPROMISE, null, day1);
                key.destroy(day1);
            }
        }
        assertThat(key.state()).isEqualTo(state);
        return key;
    }

    private WrappedMaterial material(ManagedKey key) {
        return KeyMaterials.generateWrapped(ring, key.id(), key.nextVersionNumber(), key.spec());
    }

    private KeyVersion rotate(ManagedKey key, Instant now) {
        return key.rotate(material(key), now);
    }

    /** The wrapped blob a version holds, by reference: what the database row would carry. */
    static byte[] storedMaterial(KeyVersion version) {
        try {
            Field field = KeyVersion.class.getDeclaredField("material");
            field.setAccessible(true);
            return (byte[]) field.get(version);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
