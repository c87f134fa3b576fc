package org.keyhaven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.client.GrantSpecTest.KEY_ID;
import static org.keyhaven.client.TestClients.T0;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
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
 * Row MACs of clients, their certificates and grants, and CAs: someone who can write to the database but holds no
 * master key edits a column (say, widens a grant or re-enables a revoked certificate), and Keyhaven must notice on
 * load.
 */
class ClientRowProtectionTest {

    private static final String CA_ID = "0c0a0b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c";
    private static final String OTHER_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String FINGERPRINT = "5e".repeat(32);

    /** Two master key versions (2 current), so that pointing a row at the other, existing, version can be tried. */
    private final MasterKeyRing ring = TestRings.withVersions(1, 2);

    @AfterEach
    void sealRing() {
        TestRings.seal(ring);
    }

    // --- what each MAC covers ---

    static Stream<Arguments> clientColumnEdits() {
        return Stream.of(
                Arguments.of("id", OTHER_ID),
                Arguments.of("name", "orders-app-2"),
                Arguments.of("status", ClientStatus.DISABLED),
                Arguments.of("createdAt", T0.plus(1, ChronoUnit.MICROS)),
                Arguments.of("createdBy", "mallory"),
                Arguments.of("mkVersion", 1));
    }

    private static final Map<String, String> CLIENT_COLUMNS_OUTSIDE_THE_MAC = Map.of(
            "updatedAt", "bookkeeping, changes on every write",
            "rowVersion", "optimistic lock counter",
            "rowMac", "the MAC itself",
            "certificates", "each certificate row carries its own MAC",
            "grants", "each grant row carries its own MAC");

    static Stream<Arguments> grantColumnEdits() {
        return Stream.of(
                Arguments.of("id", OTHER_ID),
                Arguments.of("client", (Supplier<Object>) () -> new Client("other-app", "officer", T0)),
                Arguments.of("targetKind", GrantTarget.NAME_PREFIX),
                Arguments.of("target", "p"),
                Arguments.of("operations", GrantOperation.toMask(Set.of(GrantOperation.ENCRYPT,
                        GrantOperation.RETRIEVE))),
                Arguments.of("createdAt", T0.minusSeconds(1)),
                Arguments.of("createdBy", "mallory"),
                Arguments.of("mkVersion", 1));
    }

    private static final Map<String, String> GRANT_COLUMNS_OUTSIDE_THE_MAC = Map.of(
            "rowVersion", "optimistic lock counter",
            "rowMac", "the MAC itself");

    static Stream<Arguments> certificateColumnEdits() {
        return Stream.of(
                Arguments.of("fingerprint", "6f".repeat(32)),
                Arguments.of("client", (Supplier<Object>) () -> new Client("other-app", "officer", T0)),
                Arguments.of("issuer", (Supplier<Object>) () -> TestClients.externalCa(OTHER_ID, "other-ca")),
                Arguments.of("serialNumber", "ff"),
                Arguments.of("subject", "CN=other-app"),
                Arguments.of("notBefore", Instant.parse("2020-01-01T00:00:00Z")),
                Arguments.of("notAfter", Instant.parse("2099-01-01T00:00:00Z")),
                Arguments.of("status", CertificateStatus.REVOKED),
                Arguments.of("revokedAt", T0),
                Arguments.of("certificatePem", "-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----\n"),
                Arguments.of("createdAt", T0.plusSeconds(1)),
                Arguments.of("mkVersion", 1));
    }

    private static final Map<String, String> CERTIFICATE_COLUMNS_OUTSIDE_THE_MAC = Map.of(
            "rowVersion", "optimistic lock counter",
            "rowMac", "the MAC itself");

    static Stream<Arguments> caColumnEdits() {
        return Stream.of(
                Arguments.of("id", OTHER_ID),
                Arguments.of("name", "internal-2"),
                Arguments.of("kind", CaKind.EXTERNAL),
                Arguments.of("certificatePem", "-----BEGIN CERTIFICATE-----\nMIIE\n-----END CERTIFICATE-----\n"),
                Arguments.of("fingerprint", "7a".repeat(32)),
                Arguments.of("privateKey", null),
                Arguments.of("requireClientAuthEku", false),
                Arguments.of("enabled", false),
                Arguments.of("createdAt", T0.plusSeconds(1)),
                Arguments.of("createdBy", "mallory"),
                Arguments.of("mkVersion", 1));
    }

    private static final Map<String, String> CA_COLUMNS_OUTSIDE_THE_MAC = Map.of(
            "rowVersion", "optimistic lock counter",
            "rowMac", "the MAC itself");

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientColumnEdits")
    void editingAnyClientColumnUnderTheMacIsAnIntegrityViolation(String column, Object value) {
        Client client = client();
        client.protectWith(ring);

        edit(client, column, value);

        assertIntegrityViolation(() -> client.verifyWith(ring));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grantColumnEdits")
    void editingAnyGrantColumnUnderTheMacIsAnIntegrityViolation(String column, Object value) {
        Grant grant = grantsOf(client()).get(0);
        grant.protectWith(ring);
        assertThatCode(() -> grant.verifyWith(ring)).doesNotThrowAnyException();

        edit(grant, column, value);

        assertIntegrityViolation(() -> grant.verifyWith(ring));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificateColumnEdits")
    void editingAnyCertificateColumnUnderTheMacIsAnIntegrityViolation(String column, Object value) {
        ClientCertificate certificate = client().certificates().get(0);
        certificate.protectWith(ring);
        assertThatCode(() -> certificate.verifyWith(ring)).doesNotThrowAnyException();

        edit(certificate, column, value);

        assertIntegrityViolation(() -> certificate.verifyWith(ring));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caColumnEdits")
    void editingAnyCaColumnUnderTheMacIsAnIntegrityViolation(String column, Object value) {
        CertificateAuthority ca = internalCa();
        ca.protectWith(ring);
        assertThatCode(() -> ca.verifyWith(ring)).doesNotThrowAnyException();

        edit(ca, column, value);

        assertIntegrityViolation(() -> ca.verifyWith(ring));
    }

    @Test
    void theEditTablesCoverEveryColumnNotDeliberatelyLeftOut() {
        assertCovers(Client.class, clientColumnEdits(), CLIENT_COLUMNS_OUTSIDE_THE_MAC);
        assertCovers(Grant.class, grantColumnEdits(), GRANT_COLUMNS_OUTSIDE_THE_MAC);
        assertCovers(ClientCertificate.class, certificateColumnEdits(), CERTIFICATE_COLUMNS_OUTSIDE_THE_MAC);
        assertCovers(CertificateAuthority.class, caColumnEdits(), CA_COLUMNS_OUTSIDE_THE_MAC);
    }

    @Test
    void columnsOutsideTheMacMayChangeWithoutReprotecting() {
        Client client = client();
        client.protectWith(ring);

        Fields.set(client, "updatedAt", T0.plusSeconds(3600));
        Fields.set(client, "rowVersion", 7L);

        assertThatCode(() -> client.verifyWith(ring)).doesNotThrowAnyException();
    }

    // --- tampering that matters ---

    @Test
    void aTamperedMacIsAnIntegrityViolationWithTheRowNamedAndItsObjectId() {
        Client client = client();
        Grant grant = grantsOf(client).get(0);
        ClientCertificate certificate = client.certificates().get(0);
        CertificateAuthority ca = internalCa();
        for (ProtectedRow row : List.<ProtectedRow>of(client, grant, certificate, ca)) {
            row.protectWith(ring);
            ((byte[]) Fields.get(row, "rowMac"))[0] ^= 1;
        }

        assertThatThrownBy(() -> client.verifyWith(ring)).isInstanceOfSatisfying(KeyhavenException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_VIOLATION);
            assertThat(e.getMessage()).startsWith("client " + client.id());
            assertThat(e.objectId()).isEqualTo(client.id());
        });
        assertThatThrownBy(() -> grant.verifyWith(ring)).isInstanceOfSatisfying(KeyhavenException.class, e -> {
            assertThat(e.getMessage()).startsWith("grant " + Fields.get(grant, "id"));
            assertThat(e.objectId()).isEqualTo(Fields.get(grant, "id"));
        });
        assertThatThrownBy(() -> certificate.verifyWith(ring)).isInstanceOfSatisfying(KeyhavenException.class, e -> {
            assertThat(e.getMessage()).startsWith("client certificate " + FINGERPRINT);
            assertThat(e.objectId()).isEqualTo(FINGERPRINT);
        });
        assertThatThrownBy(() -> ca.verifyWith(ring)).isInstanceOfSatisfying(KeyhavenException.class, e -> {
            assertThat(e.getMessage()).startsWith("certificate authority " + CA_ID);
            assertThat(e.objectId()).isEqualTo(CA_ID);
        });
    }

    @Test
    void aWidenedGrantIsRefused() {
        Grant grant = grantsOf(client()).get(0);
        grant.protectWith(ring);

        Fields.set(grant, "operations", -1);

        assertIntegrityViolation(() -> grant.verifyWith(ring));
    }

    @Test
    void keyIdGrantTargetsAreMacedLowerCased() {
        Client client = TestClients.client("orders-app",
                new GrantSpec(GrantTarget.KEY_ID, KEY_ID.toUpperCase(), Set.of(GrantOperation.ENCRYPT)));
        Grant grant = grantsOf(client).get(0);
        grant.protectWith(ring);

        Fields.set(grant, "target", KEY_ID.toUpperCase());

        assertIntegrityViolation(() -> grant.verifyWith(ring));
    }

    @Test
    void aGrantMovedToAnotherClientIsRefused() {
        Client victim = client();
        Client thief = new Client("thief-app", "officer", T0);
        Grant grant = grantsOf(victim).get(0);
        grant.protectWith(ring);

        Fields.set(grant, "client", thief);

        assertIntegrityViolation(() -> grant.verifyWith(ring));
    }

    @Test
    void aGrantMacCopiedToAnotherGrantIsRefused() {
        Client client = client();
        client.replaceGrants(List.of(ClientTest.grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT),
                ClientTest.grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT)), "officer", T0);
        Grant first = grantsOf(client).get(0);
        Grant second = grantsOf(client).get(1);
        first.protectWith(ring);
        second.protectWith(ring);

        Fields.set(second, "rowMac", ((byte[]) Fields.get(first, "rowMac")).clone());

        assertIntegrityViolation(() -> second.verifyWith(ring));
    }

    @Test
    void aDisabledClientEditedBackToActiveIsRefused() {
        Client client = client();
        client.setStatus(ClientStatus.DISABLED, T0.plusSeconds(1));
        client.protectWith(ring);

        Fields.set(client, "status", ClientStatus.ACTIVE);

        assertIntegrityViolation(() -> client.verifyWith(ring));
    }

    @Test
    void aRevokedCertificateEditedBackToActiveIsRefused() {
        ClientCertificate certificate = client().certificates().get(0);
        certificate.revoke(T0.plusSeconds(1));
        certificate.protectWith(ring);

        Fields.set(certificate, "status", CertificateStatus.ACTIVE);
        Fields.set(certificate, "revokedAt", null);

        assertIntegrityViolation(() -> certificate.verifyWith(ring));
    }

    @Test
    void aDisabledExternalCaEditedBackToEnabledIsRefused() {
        CertificateAuthority ca = TestClients.externalCa(OTHER_ID, "partner-ca");
        ca.setEnabled(false);
        ca.protectWith(ring);

        Fields.set(ca, "enabled", true);

        assertIntegrityViolation(() -> ca.verifyWith(ring));
    }

    /**
     * Documents a limit of per-row MACs, as implemented: a row carries no proof that it is the latest version, so a
     * whole earlier row (columns and MAC together, e.g. from a backup) still verifies while its master key version is
     * kept. Master key rotation (which retires old versions) ends such replays.
     */
    @Test
    void anEarlierVersionOfARowRestoredWholeStillVerifies() {
        ClientCertificate certificate = client().certificates().get(0);
        certificate.protectWith(ring);
        byte[] activeMac = ((byte[]) Fields.get(certificate, "rowMac")).clone();

        certificate.revoke(T0.plusSeconds(1));
        certificate.protectWith(ring);
        Fields.set(certificate, "status", CertificateStatus.ACTIVE);
        Fields.set(certificate, "revokedAt", null);
        Fields.set(certificate, "rowMac", activeMac);

        assertThatCode(() -> certificate.verifyWith(ring)).doesNotThrowAnyException();
    }

    // --- protecting ---

    @Test
    void rowsThatWereNeverProtectedFail() {
        Client client = client();

        assertIntegrityViolation(() -> client.verifyWith(ring));
        assertIntegrityViolation(() -> grantsOf(client).get(0).verifyWith(ring));
        assertIntegrityViolation(() -> client.certificates().get(0).verifyWith(ring));
        assertIntegrityViolation(() -> internalCa().verifyWith(ring));
    }

    @Test
    void protectedRowsVerifyUnderTheCurrentMasterKeyVersion() {
        Client client = client();
        List<ProtectedRow> rows = List.of(client, grantsOf(client).get(0), client.certificates().get(0),
                internalCa());

        rows.forEach(row -> row.protectWith(ring));

        for (ProtectedRow row : rows) {
            assertThatCode(() -> row.verifyWith(ring)).doesNotThrowAnyException();
            assertThat(row.mkVersion()).isEqualTo(2);
        }
    }

    @Test
    void aLegitimateChangeFailsUntilTheRowIsProtectedAgain() {
        Client client = client();
        ClientCertificate certificate = client.certificates().get(0);
        client.protectWith(ring);
        certificate.protectWith(ring);

        client.setStatus(ClientStatus.DISABLED, T0.plusSeconds(5));
        certificate.revoke(T0.plusSeconds(5));

        assertIntegrityViolation(() -> client.verifyWith(ring));
        assertIntegrityViolation(() -> certificate.verifyWith(ring));
        client.protectWith(ring);
        certificate.protectWith(ring);
        assertThatCode(() -> client.verifyWith(ring)).doesNotThrowAnyException();
        assertThatCode(() -> certificate.verifyWith(ring)).doesNotThrowAnyException();
    }

    @Test
    void replacedGrantsAreNewRowsThatNeedTheirOwnMac() {
        Client client = client();
        client.protectWith(ring);
        grantsOf(client).forEach(grant -> grant.protectWith(ring));

        client.replaceGrants(List.of(ClientTest.grant(GrantTarget.NAME, "other", GrantOperation.MAC)), "officer",
                T0.plusSeconds(5));

        Grant fresh = grantsOf(client).get(0);
        assertIntegrityViolation(() -> fresh.verifyWith(ring));
        fresh.protectWith(ring);
        assertThatCode(() -> fresh.verifyWith(ring)).doesNotThrowAnyException();
        // the client row's MAC does not cover its grants: it stays valid (updatedAt is outside the MAC)
        assertThatCode(() -> client.verifyWith(ring)).doesNotThrowAnyException();
    }

    @Test
    void rowsStayValidAfterAMasterKeyRotationUntilTheirVersionIsRetired() {
        Client client = client();
        client.protectWith(ring);
        MasterKeyRing rotated = TestRings.rotated(ring, 3);
        try {
            assertThatCode(() -> client.verifyWith(rotated)).doesNotThrowAnyException();

            MasterKeyRing retired = TestRings.retiring(rotated, 1, 2);
            assertIntegrityViolation(() -> client.verifyWith(retired));

            client.protectWith(retired);
            assertThat(client.mkVersion()).isEqualTo(3);
            assertThatCode(() -> client.verifyWith(retired)).doesNotThrowAnyException();
        } finally {
            TestRings.seal(rotated);
        }
    }

    @Test
    void aRowPointingAtAnUnknownMasterKeyVersionFails() {
        Grant grant = grantsOf(client()).get(0);
        grant.protectWith(ring);

        Fields.set(grant, "mkVersion", 9);

        assertIntegrityViolation(() -> grant.verifyWith(ring));
    }

    @Test
    void theMacIgnoresDigitsBelowTheMicrosecond() {
        // callers pass Times.now(), already at the precision the database keeps; the MAC truncates anyway
        Client client = new Client("orders-app", "officer", Instant.parse("2026-03-01T09:00:00.123456789Z"));
        client.protectWith(ring);

        Fields.set(client, "createdAt", Instant.parse("2026-03-01T09:00:00.123456Z"));

        assertThatCode(() -> client.verifyWith(ring)).doesNotThrowAnyException();
    }

    // --- fixtures ---

    /** A client with one grant and one certificate issued by the internal CA. */
    private Client client() {
        Client client = TestClients.client("orders-app",
                ClientTest.grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT, GrantOperation.DECRYPT));
        client.addCertificate(TestClients.issued(FINGERPRINT), internalCa(), T0);
        return client;
    }

    private CertificateAuthority internalCa() {
        byte[] pkcs8 = new byte[120];
        java.util.Arrays.fill(pkcs8, (byte) 0x42);
        try (SecretBytes key = SecretBytes.copyOf(pkcs8)) {
            return CertificateAuthority.internal(CA_ID, "internal",
                    "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "ca".repeat(32), key, ring, T0);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Grant> grantsOf(Client client) {
        return (List<Grant>) Fields.get(client, "grants");
    }

    private static void edit(Object row, String column, Object value) {
        Object newValue = value instanceof Supplier<?> supplier ? supplier.get() : value;
        assertThat(Fields.get(row, column)).as("the edit must change %s", column).isNotEqualTo(newValue);
        Fields.set(row, column, newValue);
    }

    private static void assertCovers(Class<? extends ProtectedRow> type, Stream<Arguments> edits,
            Map<String, String> outside) {
        Set<String> edited = edits.map(arguments -> (String) arguments.get()[0])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> columns = Fields.instanceFields(type, ProtectedRow.class).stream()
                .filter(name -> !outside.containsKey(name)).collect(Collectors.toCollection(TreeSet::new));

        assertThat(edited).as(type.getSimpleName()).isEqualTo(columns);
    }

    static void assertIntegrityViolation(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KeyhavenException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INTEGRITY_VIOLATION));
    }
}
