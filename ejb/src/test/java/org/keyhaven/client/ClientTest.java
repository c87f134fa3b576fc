package org.keyhaven.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.client.GrantSpecTest.KEY_ID;
import static org.keyhaven.client.GrantSpecTest.assertRefused;
import static org.keyhaven.client.TestClients.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** The client aggregate as a plain object: its name rule, status, certificates, grants and what they permit. */
class ClientTest {

    private static final String OTHER_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final Instant LATER = T0.plus(Duration.ofHours(1));
    private static final String FINGERPRINT = "0f".repeat(32);

    // --- name ---

    @ParameterizedTest
    @ValueSource(strings = {"abc", "orders-app", "orders.app", "orders_app", "0rders", "a1-", "a..", "a__", "1-2",
            "payments.eu-1_prod"})
    void validNamesAreAccepted(String name) {
        Client.validateName(name);

        assertThat(new Client(name, "officer", T0).name()).isEqualTo(name);
    }

    @Test
    void namesOf3To64CharactersAreAccepted() {
        Client.validateName("a".repeat(3));
        Client.validateName("a".repeat(64));
        Client.validateName("0" + "-".repeat(63));

        assertRefused(() -> Client.validateName("a".repeat(2)), ErrorCode.INVALID_REQUEST);
        assertRefused(() -> Client.validateName("a".repeat(65)), ErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "ab", "Orders", "ordersApp", "-orders", ".orders", "_orders", "orders app",
            " orders", "orders ", "orders\n", "orders\t", "orders:app", "client:orders", "orders/app", "orders@app",
            "orders+app", "\u00f6rders", "orders\u00a0", "orders\u0000", "ORDERS", "orders*", "or%ders"})
    void invalidNamesAreRefused(String name) {
        assertRefused(() -> Client.validateName(name), ErrorCode.INVALID_REQUEST);
        assertRefused(() -> new Client(name, "officer", T0), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void aNameCannotLookLikeAnId() {
        // clients are addressed by id or name in one path segment: a name shaped like an id would be ambiguous
        assertRefused(() -> Client.validateName("0d3f5e2a-1b2c-4d5e-8f90-123456789abc"), ErrorCode.INVALID_REQUEST);
        assertThat(new Client("0d3f5e2a-1b2c-4d5e-8f90", "officer", T0).name()).isEqualTo("0d3f5e2a-1b2c-4d5e-8f90");
    }

    @Test
    void nullIsNotAName() {
        assertRefused(() -> Client.validateName(null), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void aNameCannotCarryThePrincipalPrefix() {
        // the container principal of a client is "client:" + name; a colon in a name could forge another's
        assertRefused(() -> Client.validateName("client:x"), ErrorCode.INVALID_REQUEST);
        assertThat(new ClientIdentity("id", "orders-app", FINGERPRINT).principalName())
                .isEqualTo("client:orders-app");
    }

    @Test
    void theRefusalNamesTheRuleAndEchoesOnlyPrintableAscii() {
        assertThatThrownBy(() -> Client.validateName("bad\r\nname\u001b" + "x".repeat(100)))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.getMessage()).contains("bad??name?")
                            .contains("must be 3-64 characters: lower-case letters, digits, '.', '_' or '-'")
                            .doesNotContain("x".repeat(71));
                    assertThat(e.getMessage().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
                });
    }

    // --- creation and status ---

    @Test
    void aNewClientIsActiveWithoutCertificatesOrGrants() {
        Client client = new Client("orders-app", "officer", T0);

        assertThat(UUID.fromString(client.id()).toString()).isEqualTo(client.id());
        assertThat(client.status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(client.certificates()).isEmpty();
        assertThat(client.grants()).isEmpty();
        ClientView view = client.toView();
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.updatedAt()).isEqualTo(T0);
        assertThat(view.createdBy()).isEqualTo("officer");
    }

    @Test
    void everyClientGetsItsOwnId() {
        assertThat(new Client("orders-app", "officer", T0).id()).isNotEqualTo(new Client("orders-app", "officer", T0).id());
    }

    @Test
    void disablingAndEnablingChangeTheStatusAndTheUpdateTime() {
        Client client = new Client("orders-app", "officer", T0);

        client.setStatus(ClientStatus.DISABLED, LATER);

        assertThat(client.status()).isEqualTo(ClientStatus.DISABLED);
        assertThat(client.toView().updatedAt()).isEqualTo(LATER);
        assertThat(client.toView().createdAt()).isEqualTo(T0);

        client.setStatus(ClientStatus.ACTIVE, LATER.plusSeconds(1));

        assertThat(client.status()).isEqualTo(ClientStatus.ACTIVE);
        assertThat(client.toView().updatedAt()).isEqualTo(LATER.plusSeconds(1));
    }

    // --- certificates ---

    @Test
    void anAddedCertificateBelongsToTheClientAndIsActive() {
        Client client = new Client("orders-app", "officer", T0);
        CertificateAuthority ca = TestClients.externalCa(OTHER_ID, "partner-ca");

        ClientCertificate certificate = client.addCertificate(TestClients.issued(FINGERPRINT), ca, LATER);

        assertThat(certificate.fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(certificate.client()).isSameAs(client);
        assertThat(certificate.issuer()).isSameAs(ca);
        assertThat(certificate.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(certificate.certificatePem()).isEqualTo(TestClients.issued(FINGERPRINT).pem());
        assertThat(client.certificates()).containsExactly(certificate);
        assertThat(client.toView().updatedAt()).isEqualTo(LATER);
    }

    @Test
    void certificatesAreKeptInTheOrderTheyWereAdded() {
        Client client = new Client("orders-app", "officer", T0);
        CertificateAuthority ca = TestClients.externalCa(OTHER_ID, "partner-ca");

        ClientCertificate first = client.addCertificate(TestClients.issued("01".repeat(32)), ca, T0);
        ClientCertificate second = client.addCertificate(TestClients.issued("02".repeat(32)), ca, LATER);

        assertThat(client.certificates()).containsExactly(first, second);
    }

    @Test
    void theCertificateListCannotBeChangedFromOutside() {
        Client client = new Client("orders-app", "officer", T0);
        ClientCertificate certificate = client.addCertificate(TestClients.issued(FINGERPRINT),
                TestClients.externalCa(OTHER_ID, "partner-ca"), T0);

        assertThatThrownBy(() -> client.certificates().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(client.certificates()).containsExactly(certificate);
    }

    @Test
    void aStoredCertificateKeepsItsDatesAtMicrosecondPrecision() {
        Client client = new Client("orders-app", "officer", T0);
        IssuedCertificate issued = new IssuedCertificate(FINGERPRINT, "01", "CN=x",
                Instant.parse("2026-03-01T09:00:00.123456789Z"), Instant.parse("2027-03-01T09:00:00.000000999Z"),
                "pem");

        ClientCertificateView view = client.addCertificate(issued, TestClients.externalCa(OTHER_ID, "ca"), T0)
                .toView();

        assertThat(view.notBefore()).isEqualTo(Instant.parse("2026-03-01T09:00:00.123456Z"));
        assertThat(view.notAfter()).isEqualTo(Instant.parse("2027-03-01T09:00:00Z"));
    }

    @Test
    void revokingACertificateRecordsTheTimeOnce() {
        Client client = new Client("orders-app", "officer", T0);
        ClientCertificate certificate = client.addCertificate(TestClients.issued(FINGERPRINT),
                TestClients.externalCa(OTHER_ID, "partner-ca"), T0);

        certificate.revoke(LATER);
        certificate.revoke(LATER.plusSeconds(30));

        assertThat(certificate.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(certificate.toView().revokedAt()).isEqualTo(LATER);
        assertThat(client.certificates()).containsExactly(certificate);
    }

    @Test
    void theCertificateViewShowsTheIssuerByName() {
        Client client = new Client("orders-app", "officer", T0);
        IssuedCertificate issued = TestClients.issued(FINGERPRINT);

        ClientCertificateView view = client.addCertificate(issued, TestClients.externalCa(OTHER_ID, "partner-ca"),
                T0).toView();

        assertThat(view).isEqualTo(new ClientCertificateView(FINGERPRINT, issued.serialNumber(), issued.subject(),
                "partner-ca", issued.notBefore(), issued.notAfter(), CertificateStatus.ACTIVE, null));
    }

    // --- grants ---

    @Test
    void replacingGrantsMakesTheGivenListTheWholeTruth() {
        Client client = TestClients.client("orders-app", grant(GrantTarget.NAME, "old", GrantOperation.RETRIEVE));
        GrantSpec byId = new GrantSpec(GrantTarget.KEY_ID, KEY_ID.toUpperCase(), Set.of(GrantOperation.ENCRYPT));
        GrantSpec byPrefix = grant(GrantTarget.NAME_PREFIX, "orders/", GrantOperation.SIGN, GrantOperation.VERIFY);

        client.replaceGrants(List.of(byId, byPrefix), "officer-2", LATER);

        assertThat(client.grants()).containsExactly(byId, byPrefix);
        assertThat(client.grants().get(0).target()).isEqualTo(KEY_ID);
        assertThat(client.permits(GrantOperation.RETRIEVE, OTHER_ID, "old")).isFalse();
        assertThat(client.toView().updatedAt()).isEqualTo(LATER);
    }

    @Test
    void anEmptyListRemovesEveryGrant() {
        Client client = TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT));

        client.replaceGrants(List.of(), "officer", LATER);

        assertThat(client.grants()).isEmpty();
        assertThat(client.permits(GrantOperation.ENCRYPT, OTHER_ID, "payments")).isFalse();
    }

    @Test
    void aClientHoldsUpTo256Grants() {
        Client client = new Client("orders-app", "officer", T0);

        client.replaceGrants(grants(Client.MAX_GRANTS), "officer", LATER);

        assertThat(Client.MAX_GRANTS).isEqualTo(256);
        assertThat(client.grants()).hasSize(256);
    }

    @Test
    void moreThan256GrantsAreRefusedAndTheOldOnesStay() {
        GrantSpec kept = grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT);
        Client client = TestClients.client("orders-app", kept);

        assertThatThrownBy(() -> client.replaceGrants(grants(Client.MAX_GRANTS + 1), "officer", LATER))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.objectId()).isEqualTo(client.id());
                });
        assertThat(client.grants()).containsExactly(kept);
        assertThat(client.toView().updatedAt()).isEqualTo(T0);
    }

    @Test
    void theGrantListReturnedIsACopy() {
        Client client = TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.MAC));

        List<GrantSpec> grants = client.grants();
        try {
            grants.get(0).operations().add(GrantOperation.RETRIEVE);
        } catch (UnsupportedOperationException e) {
            // an unmodifiable set is fine too
        }

        assertThatThrownBy(() -> grants.add(grant(GrantTarget.NAME, "x", GrantOperation.RETRIEVE)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(client.grants().get(0).operations()).containsExactly(GrantOperation.MAC);
        assertThat(client.permits(GrantOperation.RETRIEVE, OTHER_ID, "payments")).isFalse();
    }

    @Test
    void changingTheSpecListAfterReplacingChangesNothing() {
        List<GrantSpec> specs = new ArrayList<>(List.of(grant(GrantTarget.NAME, "payments", GrantOperation.MAC)));
        Client client = new Client("orders-app", "officer", T0);
        client.replaceGrants(specs, "officer", T0);

        specs.add(grant(GrantTarget.NAME_PREFIX, "p", GrantOperation.RETRIEVE));

        assertThat(client.grants()).hasSize(1);
    }

    // --- what the grants permit ---

    @ParameterizedTest
    @EnumSource(GrantOperation.class)
    void withoutGrantsNothingIsPermitted(GrantOperation operation) {
        Client client = new Client("orders-app", "officer", T0);

        assertThat(client.permits(operation, KEY_ID, "payments")).isFalse();
        assertThat(client.mayConcern(KEY_ID)).isFalse();
        assertThat(client.mayConcern("payments")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(GrantOperation.class)
    void aGrantPermitsExactlyItsOperations(GrantOperation granted) {
        Client client = TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", granted));

        for (GrantOperation operation : GrantOperation.values()) {
            assertThat(client.permits(operation, KEY_ID, "payments")).as(operation.name())
                    .isEqualTo(operation == granted);
        }
    }

    @Test
    void aKeyIdGrantPermitsThatKeyUnderAnyNameAndIdCase() {
        Client client = TestClients.client("orders-app",
                new GrantSpec(GrantTarget.KEY_ID, KEY_ID.toUpperCase(), Set.of(GrantOperation.DECRYPT)));

        assertThat(client.permits(GrantOperation.DECRYPT, KEY_ID, "whatever")).isTrue();
        assertThat(client.permits(GrantOperation.DECRYPT, KEY_ID.toUpperCase(), "whatever")).isTrue();
        assertThat(client.permits(GrantOperation.DECRYPT, OTHER_ID, "whatever")).isFalse();
        assertThat(client.permits(GrantOperation.ENCRYPT, KEY_ID, "whatever")).isFalse();
    }

    @Test
    void aNameGrantPermitsOnlyTheKeyOfThatExactName() {
        Client client = TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT));

        assertThat(client.permits(GrantOperation.ENCRYPT, KEY_ID, "payments")).isTrue();
        assertThat(client.permits(GrantOperation.ENCRYPT, OTHER_ID, "payments")).isTrue();
        assertThat(client.permits(GrantOperation.ENCRYPT, KEY_ID, "Payments")).isFalse();
        assertThat(client.permits(GrantOperation.ENCRYPT, KEY_ID, "payments-old")).isFalse();
    }

    @Test
    void aPrefixGrantPermitsEveryKeyWhoseNameStartsWithIt() {
        Client client = TestClients.client("orders-app",
                grant(GrantTarget.NAME_PREFIX, "orders/", GrantOperation.SIGN));

        assertThat(client.permits(GrantOperation.SIGN, KEY_ID, "orders/signing")).isTrue();
        assertThat(client.permits(GrantOperation.SIGN, OTHER_ID, "orders/")).isTrue();
        assertThat(client.permits(GrantOperation.SIGN, KEY_ID, "orders")).isFalse();
        assertThat(client.permits(GrantOperation.SIGN, KEY_ID, "Orders/signing")).isFalse();
        assertThat(client.permits(GrantOperation.VERIFY, KEY_ID, "orders/signing")).isFalse();
    }

    @Test
    void grantsAddUpButNeverCombineOneGrantsTargetWithAnothersOperation() {
        Client client = TestClients.client("orders-app",
                grant(GrantTarget.NAME, "encrypting", GrantOperation.ENCRYPT),
                grant(GrantTarget.NAME, "decrypting", GrantOperation.DECRYPT));

        assertThat(client.permits(GrantOperation.ENCRYPT, KEY_ID, "encrypting")).isTrue();
        assertThat(client.permits(GrantOperation.DECRYPT, KEY_ID, "decrypting")).isTrue();
        assertThat(client.permits(GrantOperation.DECRYPT, KEY_ID, "encrypting")).isFalse();
        assertThat(client.permits(GrantOperation.ENCRYPT, KEY_ID, "decrypting")).isFalse();
    }

    @Test
    void overlappingGrantsPermitTheUnionOfTheirOperations() {
        Client client = TestClients.client("orders-app",
                grant(GrantTarget.NAME_PREFIX, "orders/", GrantOperation.VERIFY),
                grant(GrantTarget.NAME, "orders/signing", GrantOperation.SIGN));

        assertThat(client.permits(GrantOperation.SIGN, KEY_ID, "orders/signing")).isTrue();
        assertThat(client.permits(GrantOperation.VERIFY, KEY_ID, "orders/signing")).isTrue();
        assertThat(client.permits(GrantOperation.SIGN, KEY_ID, "orders/other")).isFalse();
    }

    @Test
    void theGrantsOfADisabledClientStillAnswerStatusIsCheckedByTheCaller() {
        Client client = TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT));

        TestClients.disable(client);

        // as implemented: Client.permits looks at grants only; ClientAccess.caller() refuses a disabled client first
        assertThat(client.status()).isEqualTo(ClientStatus.DISABLED);
        assertThat(client.permits(GrantOperation.ENCRYPT, KEY_ID, "payments")).isTrue();
    }

    // --- which requests a grant could concern (not granted vs not found) ---

    @Test
    void aKeyIdGrantConcernsRequestsForThatIdInAnyCase() {
        Client client = TestClients.client("orders-app",
                new GrantSpec(GrantTarget.KEY_ID, KEY_ID, Set.of(GrantOperation.ENCRYPT)));

        assertThat(client.mayConcern(KEY_ID)).isTrue();
        assertThat(client.mayConcern(KEY_ID.toUpperCase())).isTrue();
        assertThat(client.mayConcern(OTHER_ID)).isFalse();
        assertThat(client.mayConcern("payments")).isFalse();
    }

    @Test
    void aNameGrantConcernsOnlyItsExactName() {
        Client client = TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT));

        assertThat(client.mayConcern("payments")).isTrue();
        assertThat(client.mayConcern("Payments")).isFalse();
        assertThat(client.mayConcern("payments2")).isFalse();
        assertThat(client.mayConcern(KEY_ID)).isFalse();
    }

    @Test
    void aPrefixGrantConcernsNamesStartingWithIt() {
        Client client = TestClients.client("orders-app", grant(GrantTarget.NAME_PREFIX, "orders/", GrantOperation.MAC));

        assertThat(client.mayConcern("orders/")).isTrue();
        assertThat(client.mayConcern("orders/anything")).isTrue();
        assertThat(client.mayConcern("orders")).isFalse();
        assertThat(client.mayConcern("billing/x")).isFalse();
    }

    @Test
    void aNameOrPrefixGrantNeverConcernsARequestByKeyId() {
        // key names are never UUIDs, so a request in UUID form can only name a key by id, which only a key id grant
        // covers; answering "not found" here would tell the client that no key has this id
        Client client = TestClients.client("orders-app",
                grant(GrantTarget.NAME_PREFIX, "9a8b", GrantOperation.MAC),
                grant(GrantTarget.NAME, OTHER_ID, GrantOperation.MAC));

        assertThat(client.mayConcern(OTHER_ID)).isFalse();
        assertThat(client.mayConcern("9a8b7c6d-0000-4000-8000-000000000000")).isFalse();
        assertThat(client.mayConcern("9a8b-key")).isTrue();
    }

    @Test
    void whetherAGrantConcernsARequestDoesNotDependOnItsOperations() {
        Client client = TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT));

        // as implemented: a missing key that a grant names is "not found" whatever the operation asked for
        assertThat(client.mayConcern("payments")).isTrue();
        assertThat(client.permits(GrantOperation.DECRYPT, KEY_ID, "payments")).isFalse();
    }

    // --- view ---

    @Test
    void theViewShowsEverythingCallersMaySee() {
        Client client = new Client("orders-app", "officer", T0);
        CertificateAuthority ca = TestClients.externalCa(OTHER_ID, "partner-ca");
        client.addCertificate(TestClients.issued(FINGERPRINT), ca, T0.plusSeconds(1));
        GrantSpec grant = new GrantSpec(GrantTarget.KEY_ID, KEY_ID,
                EnumSet.of(GrantOperation.WRAP, GrantOperation.UNWRAP));
        client.replaceGrants(List.of(grant), "officer-2", T0.plusSeconds(2));
        client.setStatus(ClientStatus.DISABLED, T0.plusSeconds(3));

        ClientView view = client.toView();

        assertThat(view.id()).isEqualTo(client.id());
        assertThat(view.name()).isEqualTo("orders-app");
        assertThat(view.status()).isEqualTo(ClientStatus.DISABLED);
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.createdBy()).isEqualTo("officer");
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(view.certificates()).extracting(ClientCertificateView::fingerprint, ClientCertificateView::issuer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FINGERPRINT, "partner-ca"));
        assertThat(view.grants()).containsExactly(grant);
    }

    @Test
    void viewsCarryNoCertificatePemOrPrivateKey() {
        assertThat(List.of(ClientView.class.getRecordComponents())).extracting(c -> c.getName())
                .containsExactly("id", "name", "status", "createdAt", "createdBy", "updatedAt", "certificates",
                        "grants");
        assertThat(List.of(ClientCertificateView.class.getRecordComponents())).extracting(c -> c.getName())
                .doesNotContain("pem", "certificatePem", "privateKey");
    }

    // --- fixtures ---

    static GrantSpec grant(GrantTarget kind, String target, GrantOperation... operations) {
        return new GrantSpec(kind, target, Set.of(operations));
    }

    private static List<GrantSpec> grants(int count) {
        List<GrantSpec> grants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            grants.add(grant(GrantTarget.NAME, "key-" + i, GrantOperation.ENCRYPT));
        }
        return grants;
    }
}
