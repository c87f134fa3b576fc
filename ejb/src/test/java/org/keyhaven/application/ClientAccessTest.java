package org.keyhaven.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.SessionContext;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.client.Client;
import org.keyhaven.client.ClientRepository;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.client.GrantSpec;
import org.keyhaven.client.GrantTarget;
import org.keyhaven.client.TestClients;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyRepository;
import org.keyhaven.key.KeySpec;
import org.keyhaven.key.ManagedKey;

/**
 * The calling client's grants applied to one key, with plain fakes in place of the container: the caller principal,
 * the client repository and the key repository (in memory). Default deny; "not found" only for requests a grant of
 * the client could cover, so that refusals never tell which other keys exist.
 */
class ClientAccessTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String PAYMENTS_ID = "6f1c2a8e-3b7d-4c5e-9f01-2a3b4c5d6e7f";
    private static final String SECRET_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String MISSING_ID = "11111111-2222-4333-8444-555555555555";

    private final InMemoryKeys keys = new InMemoryKeys();
    private final InMemoryClients clients = new InMemoryClients();
    private String principal = "client:orders-app";

    // --- granted ---

    @Test
    void aGrantedOperationOnANamedKeyReturnsTheKey() {
        keys.add(PAYMENTS_ID, "payments");
        clients.add(TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT)));

        ManagedKey key = access().authorize(GrantOperation.ENCRYPT, "payments");

        assertThat(key.id()).isEqualTo(PAYMENTS_ID);
    }

    @Test
    void aKeyMayBeAskedForByIdWhenTheGrantNamesIt() {
        keys.add(PAYMENTS_ID, "payments");
        clients.add(TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT)));

        assertThat(access().authorize(GrantOperation.ENCRYPT, PAYMENTS_ID).name()).isEqualTo("payments");
        assertThat(access().authorize(GrantOperation.ENCRYPT, PAYMENTS_ID.toUpperCase()).name())
                .isEqualTo("payments");
    }

    @Test
    void aKeyIdGrantCoversTheKeyAskedForByName() {
        keys.add(PAYMENTS_ID, "payments");
        clients.add(TestClients.client("orders-app", grant(GrantTarget.KEY_ID, PAYMENTS_ID, GrantOperation.SIGN)));

        assertThat(access().authorize(GrantOperation.SIGN, "payments").id()).isEqualTo(PAYMENTS_ID);
    }

    @Test
    void aPrefixGrantCoversEveryKeyWhoseNameStartsWithIt() {
        keys.add(PAYMENTS_ID, "orders/payments");
        clients.add(TestClients.client("orders-app", grant(GrantTarget.NAME_PREFIX, "orders/", GrantOperation.MAC)));

        assertThat(access().authorize(GrantOperation.MAC, "orders/payments").id()).isEqualTo(PAYMENTS_ID);
        assertThat(access().authorize(GrantOperation.MAC, PAYMENTS_ID).id()).isEqualTo(PAYMENTS_ID);
    }

    // --- not granted ---

    @Test
    void anOperationTheGrantLacksIsNotGranted() {
        keys.add(PAYMENTS_ID, "payments");
        clients.add(TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT)));

        assertThatThrownBy(() -> access().authorize(GrantOperation.DECRYPT, "payments"))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_GRANTED);
                    assertThat(e.getMessage()).isEqualTo(
                            "decrypt is not granted to this client for key 'payments'");
                    assertThat(e.objectId()).as("audited under the key's id").isEqualTo(PAYMENTS_ID);
                });
    }

    @ParameterizedTest
    @EnumSource(GrantOperation.class)
    void aClientWithoutGrantsMayDoNothing(GrantOperation operation) {
        keys.add(PAYMENTS_ID, "payments");
        clients.add(TestClients.client("orders-app"));

        assertCode(() -> access().authorize(operation, "payments"), ErrorCode.NOT_GRANTED);
        assertCode(() -> access().authorize(operation, PAYMENTS_ID), ErrorCode.NOT_GRANTED);
        assertCode(() -> access().authorize(operation, "missing"), ErrorCode.NOT_GRANTED);
    }

    @Test
    void anotherClientsGrantsDoNotCount() {
        keys.add(PAYMENTS_ID, "payments");
        clients.add(TestClients.client("orders-app"));
        clients.add(TestClients.client("billing-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT)));

        assertCode(() -> access().authorize(GrantOperation.ENCRYPT, "payments"), ErrorCode.NOT_GRANTED);
    }

    // --- not found ---

    @Test
    void aMissingKeyThatAGrantNamesIsNotFound() {
        clients.add(TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT)));

        assertThatThrownBy(() -> access().authorize(GrantOperation.ENCRYPT, "payments"))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.KEY_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("no key 'payments'");
                    assertThat(e.objectId()).isEqualTo("payments");
                });
    }

    @Test
    void aMissingKeyUnderAGrantedPrefixIsNotFound() {
        clients.add(TestClients.client("orders-app", grant(GrantTarget.NAME_PREFIX, "orders/", GrantOperation.MAC)));

        assertCode(() -> access().authorize(GrantOperation.MAC, "orders/new"), ErrorCode.KEY_NOT_FOUND);
        assertCode(() -> access().authorize(GrantOperation.MAC, "billing/new"), ErrorCode.NOT_GRANTED);
    }

    @Test
    void aMissingKeyThatAKeyIdGrantNamesIsNotFoundInAnyCase() {
        clients.add(TestClients.client("orders-app", grant(GrantTarget.KEY_ID, MISSING_ID, GrantOperation.MAC)));

        assertCode(() -> access().authorize(GrantOperation.MAC, MISSING_ID), ErrorCode.KEY_NOT_FOUND);
        assertCode(() -> access().authorize(GrantOperation.MAC, MISSING_ID.toUpperCase()), ErrorCode.KEY_NOT_FOUND);
    }

    @Test
    void aMissingKeyNoGrantCouldCoverIsNotGranted() {
        clients.add(TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT)));

        assertThatThrownBy(() -> access().authorize(GrantOperation.ENCRYPT, "missing"))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_GRANTED);
                    assertThat(e.getMessage()).isEqualTo("encrypt is not granted to this client for key 'missing'");
                    assertThat(e.objectId()).isEqualTo("missing");
                });
    }

    @Test
    void aMissingKeyThatAGrantNamesIsNotFoundWhateverTheOperation() {
        // as implemented: whether a grant could cover the request does not depend on its operations
        clients.add(TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT)));

        assertCode(() -> access().authorize(GrantOperation.RETRIEVE, "payments"), ErrorCode.KEY_NOT_FOUND);
    }

    // --- refusals never tell whether a key outside the grants exists ---

    /** Client grants, and a request for a key none of them covers. */
    static Stream<Arguments> requestsOutsideTheGrants() {
        GrantSpec none = null;
        GrantSpec name = grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT);
        GrantSpec prefix = grant(GrantTarget.NAME_PREFIX, "pay", GrantOperation.ENCRYPT);
        GrantSpec hexPrefix = grant(GrantTarget.NAME_PREFIX, "9a8b", GrantOperation.ENCRYPT);
        GrantSpec keyId = grant(GrantTarget.KEY_ID, PAYMENTS_ID, GrantOperation.ENCRYPT);
        return Stream.of(
                Arguments.of("no grants, by name", none, "secret"),
                Arguments.of("no grants, by id", none, SECRET_ID),
                Arguments.of("name grant, by name", name, "secret"),
                Arguments.of("name grant, by id", name, SECRET_ID),
                Arguments.of("name grant, by upper-case id", name, SECRET_ID.toUpperCase(Locale.ROOT)),
                Arguments.of("prefix grant, by name", prefix, "secret"),
                Arguments.of("prefix grant, by id", prefix, SECRET_ID),
                Arguments.of("hex prefix grant, by an id it spells", hexPrefix, SECRET_ID),
                Arguments.of("key id grant, by name", keyId, "secret"),
                Arguments.of("key id grant, by id", keyId, SECRET_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsOutsideTheGrants")
    void anUngrantedExistingKeyIsRefusedExactlyLikeAMissingOne(String label, GrantSpec grant, String request) {
        clients.add(grant == null ? TestClients.client("orders-app") : TestClients.client("orders-app", grant));
        keys.add(PAYMENTS_ID, "payments");

        KeyhavenException missing = refusal(() -> access().authorize(GrantOperation.ENCRYPT, request));
        keys.add(SECRET_ID, "secret");
        KeyhavenException existing = refusal(() -> access().authorize(GrantOperation.ENCRYPT, request));

        assertThat(existing.code()).isEqualTo(ErrorCode.NOT_GRANTED);
        assertThat(missing.code()).isEqualTo(ErrorCode.NOT_GRANTED);
        assertThat(existing.getMessage()).as("what the caller sees").isEqualTo(missing.getMessage());
        assertThat(existing.getMessage()).doesNotContain(SECRET_ID.equals(request) ? "secret'" : SECRET_ID);
    }

    @Test
    void aRefusedExistingKeyIsStillAuditedUnderItsId() {
        clients.add(TestClients.client("orders-app"));
        keys.add(SECRET_ID, "secret");

        assertThat(refusal(() -> access().authorize(GrantOperation.ENCRYPT, "secret")).objectId())
                .isEqualTo(SECRET_ID);
    }

    // --- what refusals echo ---

    @Test
    void refusalsEchoTheRequestOnlyAsShortPrintableAscii() {
        clients.add(TestClients.client("orders-app", grant(GrantTarget.NAME_PREFIX, "x", GrantOperation.ENCRYPT)));
        String hostile = "\r\nX-Evil: 1\u001b[2J" + "y".repeat(300);

        KeyhavenException notGranted = refusal(() -> access().authorize(GrantOperation.ENCRYPT, hostile));
        KeyhavenException notFound = refusal(() -> access().authorize(GrantOperation.ENCRYPT, "x" + hostile));

        assertThat(notGranted.code()).isEqualTo(ErrorCode.NOT_GRANTED);
        assertThat(notFound.code()).isEqualTo(ErrorCode.KEY_NOT_FOUND);
        for (KeyhavenException e : List.of(notGranted, notFound)) {
            assertThat(e.getMessage().chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
            assertThat(e.getMessage()).contains("??X-Evil: 1?[2J").contains("...").doesNotContain("y".repeat(81));
            assertThat(e.objectId()).as("longer than a stored object id").isNull();
        }
    }

    @Test
    void aRequestOf255CharactersIsKeptAsTheObjectId() {
        clients.add(TestClients.client("orders-app"));
        String request = "k".repeat(255);

        assertThat(refusal(() -> access().authorize(GrantOperation.ENCRYPT, request)).objectId()).isEqualTo(request);
    }

    // --- the caller ---

    @Test
    void theCallerIsTheClientNamedByThePrincipal() {
        Client orders = TestClients.client("orders-app");
        clients.add(orders);
        clients.add(TestClients.client("billing-app"));

        assertThat(access().caller()).isSameAs(orders);
    }

    @Test
    void anAdminPrincipalIsNotAClient() {
        clients.add(TestClients.client("orders-app"));
        principal = "orders-app";

        assertCode(() -> access().caller(), ErrorCode.FORBIDDEN);
        assertCode(() -> access().authorize(GrantOperation.ENCRYPT, "payments"), ErrorCode.FORBIDDEN);
    }

    @Test
    void aClientThatNoLongerExistsIsUnknown() {
        principal = "client:gone-app";

        assertCode(() -> access().caller(), ErrorCode.UNKNOWN_CLIENT);
    }

    @Test
    void theClientPrefixIsCaseSensitive() {
        clients.add(TestClients.client("orders-app"));
        principal = "CLIENT:orders-app";

        assertCode(() -> access().caller(), ErrorCode.FORBIDDEN);
    }

    @Test
    void aDisabledClientIsRefusedBeforeItsGrantsOrTheKeyAreLookedAt() {
        keys.add(PAYMENTS_ID, "payments");
        Client client = TestClients.client("orders-app", grant(GrantTarget.NAME, "payments", GrantOperation.ENCRYPT));
        TestClients.disable(client);
        clients.add(client);

        assertThatThrownBy(() -> access().authorize(GrantOperation.ENCRYPT, "payments"))
                .isInstanceOfSatisfying(KeyhavenException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CLIENT_REVOKED);
                    assertThat(e.objectId()).isEqualTo(client.id());
                });
        assertThat(keys.lookups).isZero();
    }

    // --- fixtures ---

    private ClientAccess access() {
        ClientAccess access = new ClientAccess();
        inject(access, "context", sessionContext(() -> principal));
        inject(access, "clients", clients);
        inject(access, "keys", keys);
        return access;
    }

    static GrantSpec grant(GrantTarget kind, String target, GrantOperation... operations) {
        return new GrantSpec(kind, target, Set.of(operations));
    }

    private static KeyhavenException refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(KeyhavenException.class);
        return (KeyhavenException) thrown;
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThat(refusal(call).code()).isEqualTo(code);
    }

    /** A session context that knows only the caller principal, read at each call. */
    private static SessionContext sessionContext(java.util.function.Supplier<String> principal) {
        return (SessionContext) Proxy.newProxyInstance(ClientAccessTest.class.getClassLoader(),
                new Class<?>[] {SessionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getCallerPrincipal")) {
                        String name = principal.get();
                        return (Principal) () -> name;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void inject(Object target, String name, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Keys by id (a UUID, any case, as the real repository takes it) and by exact name. */
    private static final class InMemoryKeys extends KeyRepository {

        private static final Pattern UUID = Pattern.compile(
                "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

        private final Map<String, ManagedKey> byId = new HashMap<>();
        private int lookups;

        void add(String id, String name) {
            byId.put(id, ManagedKey.create(id, new KeyDefinition(name, KeySpec.of(KeyAlgorithm.AES, 256, null), null,
                    false, null, null, null, null), "officer", T0));
        }

        @Override
        public Optional<ManagedKey> findById(String id) {
            lookups++;
            return id != null && UUID.matcher(id).matches()
                    ? Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT))) : Optional.empty();
        }

        @Override
        public Optional<ManagedKey> findByName(String name) {
            lookups++;
            return byId.values().stream().filter(key -> key.name().equals(name)).findFirst();
        }
    }

    /** Clients by exact name. */
    private static final class InMemoryClients extends ClientRepository {

        private final Map<String, Client> byName = new HashMap<>();

        @Override
        public void add(Client client) {
            byName.put(client.name(), client);
        }

        @Override
        public Optional<Client> findClientByName(String name) {
            return Optional.ofNullable(byName.get(name));
        }
    }
}
