package org.keyhaven.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.key.ManagedKeyTest.ID;
import static org.keyhaven.key.ManagedKeyTest.T0;

import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.seal.MasterKeyRing;
import org.keyhaven.seal.ProtectedRow;
import org.keyhaven.seal.TestRings;
import org.keyhaven.testing.Fields;

/**
 * Row MACs of keys and key versions, and the binding of wrapped material to its key and version: someone who can
 * write to the database but holds no master key edits a column, and Keyhaven must notice on load.
 */
class KeyRowProtectionTest {

    private static final String OTHER_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    /** Two master key versions, so that pointing a row at the other, existing, version can be tried too. */
    private final MasterKeyRing ring = TestRings.withVersions(1, 2);

    @AfterEach
    void sealRing() {
        TestRings.seal(ring);
    }

    /** Each column the key's row MAC covers, with an edit of it; values differ from those of {@link #key()}. */
    static Stream<Arguments> keyColumnEdits() {
        return Stream.of(
                edit("id", OTHER_ID),
                edit("name", "payments-copy"),
                edit("algorithm", KeyAlgorithm.HMAC_SHA256),
                edit("lengthBits", 128),
                edit("curve", EcCurve.P_256),
                edit("usageMask", KeyUsages.toMask(EnumSet.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT, KeyUsage.WRAP))),
                edit("exportable", true),
                edit("publicOnly", true),
                edit("state", KeyState.PRE_ACTIVE),
                edit("currentVersion", 2),
                edit("minDecryptionVersion", 2),
                edit("rotationPeriod", "P3650D"),
                edit("nextRotationAt", null),
                edit("activationDate", T0.minus(Duration.ofDays(1))),
                edit("deactivationDate", null),
                edit("compromiseDate", T0),
                edit("destroyDate", T0),
                edit("revocationReason", RevocationReason.SUPERSEDED),
                edit("revocationMessage", "nothing to see"),
                edit("createdAt", T0.plus(1, ChronoUnit.MICROS)),
                edit("createdBy", "mallory"),
                edit("mkVersion", 1));
    }

    /** Columns outside the row MAC, each with the reason. */
    private static final Map<String, String> KEY_COLUMNS_OUTSIDE_THE_MAC = Map.of(
            "updatedAt", "bookkeeping, changes on every write",
            "rowMac", "the MAC itself",
            "rowVersion", "optimistic lock counter",
            "versions", "each version row carries its own MAC",
            "attributes", "separate table kh_key_attribute, not security-relevant today");

    static Stream<Arguments> versionColumnEdits() {
        return Stream.of(
                Arguments.of("id.keyId", (Consumer<KeyVersion>) v -> Fields.set(Fields.get(v, "id"), "keyId", OTHER_ID)),
                Arguments.of("id.version", (Consumer<KeyVersion>) v -> Fields.set(Fields.get(v, "id"), "version", 2)),
                Arguments.of("createdAt", (Consumer<KeyVersion>) v -> Fields.set(v, "createdAt", T0.minusSeconds(60))),
                Arguments.of("material (one bit)", (Consumer<KeyVersion>) v -> ((byte[]) Fields.get(v, "material"))[20] ^= 1),
                Arguments.of("material (erased)", (Consumer<KeyVersion>) v -> Fields.set(v, "material", null)),
                Arguments.of("publicMaterial (one bit)",
                        (Consumer<KeyVersion>) v -> ((byte[]) Fields.get(v, "publicMaterial"))[40] ^= 1),
                Arguments.of("publicMaterial (removed)", (Consumer<KeyVersion>) v -> Fields.set(v, "publicMaterial", null)),
                Arguments.of("destroyedAt", (Consumer<KeyVersion>) v -> Fields.set(v, "destroyedAt", T0)),
                Arguments.of("mkVersion", (Consumer<KeyVersion>) v -> Fields.set(v, "mkVersion", 1)),
                Arguments.of("rowMac", (Consumer<KeyVersion>) v -> ((byte[]) Fields.get(v, "rowMac"))[0] ^= 1));
    }

    @Test
    void aProtectedKeyAndItsVersionsVerify() {
        ManagedKey key = key();

        protect(key);

        assertThatCode(() -> verify(key)).doesNotThrowAnyException();
        assertThat(key.mkVersion()).isEqualTo(ring.currentVersion());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyColumnEdits")
    void editingAnyKeyColumnUnderTheMacIsAnIntegrityViolation(String column, Object value) {
        ManagedKey key = key();
        protect(key);
        assertThat(Fields.get(key, column)).as("the edit must change %s", column).isNotEqualTo(value);

        Fields.set(key, column, value);

        assertIntegrityViolation(() -> key.verifyWith(ring));
    }

    @Test
    void theEditTableCoversEveryKeyColumnNotDeliberatelyLeftOut() {
        Set<String> edited = keyColumnEdits().map(arguments -> (String) arguments.get()[0])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> columns = Stream.of(ManagedKey.class.getDeclaredFields(), ProtectedRow.class.getDeclaredFields())
                .flatMap(Arrays::stream)
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                .filter(f -> !f.isAnnotationPresent(Transient.class)).map(Field::getName)
                .filter(name -> !KEY_COLUMNS_OUTSIDE_THE_MAC.containsKey(name))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(edited).isEqualTo(columns);
    }

    @Test
    void aChangeMadeWithoutReprotectingFailsAndReprotectingAcceptsIt() {
        ManagedKey key = key();
        protect(key);

        key.deactivate(T0.plus(Duration.ofDays(2)));

        assertIntegrityViolation(() -> key.verifyWith(ring));
        key.protectWith(ring);
        assertThatCode(() -> key.verifyWith(ring)).doesNotThrowAnyException();
    }

    @Test
    void aRowThatWasNeverProtectedFails() {
        ManagedKey key = key();

        assertIntegrityViolation(() -> key.verifyWith(ring));
        assertIntegrityViolation(() -> key.version(1).verifyWith(ring));
    }

    @Test
    void aRowMacCopiedFromAnotherKeyFails() {
        ManagedKey first = key();
        ManagedKey second = key(OTHER_ID);
        protect(first);
        protect(second);

        Fields.set(second, "rowMac", ((byte[]) Fields.get(first, "rowMac")).clone());

        assertIntegrityViolation(() -> second.verifyWith(ring));
    }

    @Test
    void aRowPointingAtAnUnknownMasterKeyVersionFails() {
        ManagedKey key = key();
        protect(key);

        Fields.set(key, "mkVersion", 7);
        Fields.set(key.version(1), "mkVersion", 7);

        assertIntegrityViolation(() -> key.verifyWith(ring));
        assertIntegrityViolation(() -> key.version(1).verifyWith(ring));
    }

    @Test
    void rowsStayValidAcrossAMasterKeyRotationUntilTheirVersionIsRetired() {
        ManagedKey key = key();
        protect(key);
        MasterKeyRing rotated = TestRings.rotated(ring, 3);

        assertThatCode(() -> key.verifyWith(rotated)).doesNotThrowAnyException();

        key.protectWith(rotated);
        assertThat(key.mkVersion()).isEqualTo(3);
        assertThatCode(() -> key.verifyWith(rotated)).doesNotThrowAnyException();
        assertIntegrityViolation(() -> key.verifyWith(ring));

        ManagedKey stale = key(OTHER_ID);
        protect(stale);
        MasterKeyRing retired = TestRings.retiring(rotated, 1, 2);
        assertIntegrityViolation(() -> stale.verifyWith(retired));
        assertThatCode(() -> key.verifyWith(retired)).doesNotThrowAnyException();
        TestRings.seal(rotated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionColumnEdits")
    void editingAnyVersionColumnUnderTheMacIsAnIntegrityViolation(String column, Consumer<KeyVersion> edit) {
        ManagedKey key = ecKey();
        KeyVersion version = key.version(1);
        version.protectWith(ring);
        assertThatCode(() -> version.verifyWith(ring)).doesNotThrowAnyException();

        edit.accept(version);

        assertIntegrityViolation(() -> version.verifyWith(ring));
    }

    @Test
    void destroyingChangesTheVersionRowsSoTheyMustBeReprotected() {
        ManagedKey key = key();
        key.deactivate(T0.plus(Duration.ofDays(2)));
        protect(key);

        key.destroy(T0.plus(Duration.ofDays(3)));

        assertIntegrityViolation(() -> key.version(1).verifyWith(ring));
        protect(key);
        assertThatCode(() -> verify(key)).doesNotThrowAnyException();
    }

    @Test
    void materialMovedToAnotherKeyDoesNotUnwrap() {
        ManagedKey first = key();
        ManagedKey second = key(OTHER_ID);
        byte[] firstBlob = ManagedKeyTest.storedMaterial(first.version(1)).clone();

        Fields.set(second.version(1), "material", firstBlob);

        assertIntegrityViolation(() -> second.version(1).unwrap(ring).close());
        try (SecretBytes own = first.version(1).unwrap(ring)) {
            assertThat(own.length()).isEqualTo(32);
        }
    }

    @Test
    void materialMovedToAnotherVersionOfTheSameKeyDoesNotUnwrap() {
        ManagedKey key = key();
        key.rotate(KeyMaterials.generateWrapped(ring, ID, 2, key.spec()), T0.plus(Duration.ofDays(1)));
        byte[] versionOneBlob = ManagedKeyTest.storedMaterial(key.version(1)).clone();

        Fields.set(key.version(2), "material", versionOneBlob);

        assertIntegrityViolation(() -> key.version(2).unwrap(ring).close());
    }

    @Test
    void materialUnwrapsOnlyWithTheAssociatedDataOfItsOwnKeyAndVersion() {
        ManagedKey key = key();
        byte[] blob = ManagedKeyTest.storedMaterial(key.version(1));
        int mk = key.version(1).mkVersion();

        try (SecretBytes ok = ring.unwrap(mk, blob, KeyVersion.associatedData(ID, 1))) {
            assertThat(ok.length()).isEqualTo(32);
        }
        assertIntegrityViolation(() -> ring.unwrap(mk, blob, KeyVersion.associatedData(ID, 2)).close());
        assertIntegrityViolation(() -> ring.unwrap(mk, blob, KeyVersion.associatedData(OTHER_ID, 1)).close());
        assertIntegrityViolation(() -> ring.unwrap(mk, blob, KeyVersion.associatedData(ID + "|1", 1)).close());
    }

    @Test
    void associatedDataNamesPurposeKeyAndVersion() {
        assertThat(new String(KeyVersion.associatedData(ID, 12), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("keyhaven-key-material-v1|" + ID + "|12");
    }

    @Test
    void tamperedMaterialDoesNotUnwrap() {
        ManagedKey key = key();
        ManagedKeyTest.storedMaterial(key.version(1))[30] ^= 0x40;

        assertIntegrityViolation(() -> key.version(1).unwrap(ring).close());
    }

    @Test
    void datesWithNanosecondsStillVerifyAfterTheDatabaseRoundsThemToMicroseconds() {
        Instant requested = Instant.parse("2030-01-01T00:00:00.123456789Z");
        ManagedKey key = ManagedKey.create(ID, ManagedKeyTest.definition(requested, null, null), "officer", T0);
        key.addFirstVersion(KeyMaterials.generateWrapped(ring, ID, 1, key.spec()), T0);
        key.changePolicy(new KeyPolicyChange(null, null, false, requested.plus(Duration.ofDays(1))), T0);
        protect(key);

        for (String column : new String[] {"activationDate", "deactivationDate"}) {
            Fields.set(key, column, asStoredByTheDatabase((Instant) Fields.get(key, column)));
        }

        assertThatCode(() -> key.verifyWith(ring)).doesNotThrowAnyException();
    }

    // --- fixtures ---

    /** An Active AES key with a rotation schedule and dates set, one version. */
    private ManagedKey key() {
        return key(ID);
    }

    private ManagedKey key(String id) {
        KeyDefinition definition = new KeyDefinition("payments-" + id.substring(0, 4),
                KeySpec.of(KeyAlgorithm.AES, 256, null), EnumSet.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT), false,
                new RotationPeriod("P30D"), null, T0.plus(Duration.ofDays(400)), Map.of("x-owner", "team-a"));
        ManagedKey key = ManagedKey.create(id, definition, "officer", T0);
        key.addFirstVersion(KeyMaterials.generateWrapped(ring, id, 1, definition.spec()), T0);
        key.activate(T0);
        return key;
    }

    private ManagedKey ecKey() {
        KeyDefinition definition = new KeyDefinition("signer", KeySpec.of(KeyAlgorithm.EC, null, "P-256"), null, false,
                null, null, null, null);
        ManagedKey key = ManagedKey.create(ID, definition, "officer", T0);
        key.addFirstVersion(KeyMaterials.generateWrapped(ring, ID, 1, definition.spec()), T0);
        assertThat(key.version(1).publicKey()).isNotNull();
        return key;
    }

    private void protect(ManagedKey key) {
        key.protectWith(ring);
        key.versions().forEach(version -> version.protectWith(ring));
    }

    private void verify(ManagedKey key) {
        key.verifyWith(ring);
        key.versions().forEach(version -> version.verifyWith(ring));
    }

    /**
     * What a TIMESTAMP WITH TIME ZONE column (precision 6) gives back: H2 2.2.224 and PostgreSQL 15 both round to the
     * nearest microsecond, half up (checked over JDBC: .123456789 reads back as .123457).
     */
    private static Instant asStoredByTheDatabase(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static Arguments edit(String column, Object value) {
        return Arguments.of(column, value);
    }

    private static void assertIntegrityViolation(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_VIOLATION));
    }
}
