package org.keyhaven.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.keyhaven.it.security.RoleMatrixIT.Caller.AUDITOR;
import static org.keyhaven.it.security.RoleMatrixIT.Caller.CRYPTO_OFFICER;
import static org.keyhaven.it.security.RoleMatrixIT.Caller.NO_CREDENTIALS;
import static org.keyhaven.it.security.RoleMatrixIT.Caller.ONE_TIME_PASSWORD;
import static org.keyhaven.it.security.RoleMatrixIT.Caller.SECURITY_ADMIN;
import static org.keyhaven.it.security.RoleMatrixIT.Caller.WRONG_PASSWORD;
import static org.keyhaven.it.support.AuditTrail.field;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Suite;
import org.keyhaven.it.support.TestCertificateAuthority;

/**
 * Every endpoint of the management API (port 6001) called by every kind of caller. The matrix below is the intended
 * authorisation, written down from DESIGN.md sections 5 and 11 and the {@code @RolesAllowed} of the service beans:
 * a caller in the "allowed" column gets the endpoint's success status (the requests are valid and their targets
 * fresh, so nothing but authorisation can refuse them); a security administrator, crypto officer or auditor outside
 * it gets 403 {@code forbidden}; a user still on its one-time password gets 403 {@code password-change-required}
 * everywhere but {@code POST /api/v1/users/me/password}; a wrong password or no credentials get 401
 * {@code unauthorized}. Every 403 leaves a DENIED audit record naming the caller.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleMatrixIT {

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    /** The kinds of caller. */
    enum Caller {
        SECURITY_ADMIN, CRYPTO_OFFICER, AUDITOR, ONE_TIME_PASSWORD, WRONG_PASSWORD, NO_CREDENTIALS
    }

    private static final Set<Caller> SA = EnumSet.of(SECURITY_ADMIN);
    private static final Set<Caller> CO = EnumSet.of(CRYPTO_OFFICER);
    private static final Set<Caller> SA_AU = EnumSet.of(SECURITY_ADMIN, AUDITOR);
    private static final Set<Caller> CO_AU = EnumSet.of(CRYPTO_OFFICER, AUDITOR);
    private static final Set<Caller> ROLES = EnumSet.of(SECURITY_ADMIN, CRYPTO_OFFICER, AUDITOR);
    private static final Set<Caller> ROLES_AND_ONE_TIME = EnumSet.of(SECURITY_ADMIN, CRYPTO_OFFICER, AUDITOR,
            ONE_TIME_PASSWORD);
    /** The OpenAPI document is public (DESIGN.md section 11); a request with bad credentials is still refused. */
    private static final Set<Caller> PUBLIC = EnumSet.of(SECURITY_ADMIN, CRYPTO_OFFICER, AUDITOR, NO_CREDENTIALS);

    /** The matrix: endpoint (as the OpenAPI document names it), who may call it, its success status, a valid call. */
    private static final String CLIENTS = "/api/v1/clients";
    private static final String CAS = "/api/v1/cas";
    private static final String APPROVALS = "/api/v1/approvals";
    private static final String SYSLOG = "/api/v1/syslog/destinations";
    /** One key for the fixture clients' certificates: each certificate still differs (serial number). */
    private static final KeyPair FIXTURE_CLIENT_KEY = ClientIdentities.ecKeyPair("secp256r1");

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET /api/v1/status", ROLES, 200, f -> Call.get("/api/v1/status")),
            new Endpoint("GET /openapi", PUBLIC, 200, f -> Call.get("/openapi")),
            new Endpoint("GET /health/live", PUBLIC, 200, f -> Call.get("/health/live")),
            new Endpoint("GET /health/ready", PUBLIC, 200, f -> Call.get("/health/ready")),

            new Endpoint("POST /api/v1/users", SA, 201, f -> Call.post("/api/v1/users", Json.createObjectBuilder()
                    .add("username", "matrix-" + shortId()).add("roles", Json.createArrayBuilder().add("AUDITOR"))
                    .build().toString())),
            new Endpoint("GET /api/v1/users", SA_AU, 200, f -> Call.get("/api/v1/users")),
            new Endpoint("GET /api/v1/users/me", ROLES, 200, f -> Call.get("/api/v1/users/me")),
            new Endpoint("GET /api/v1/users/{id}", SA_AU, 200, f -> Call.get("/api/v1/users/" + f.victim())),
            new Endpoint("POST /api/v1/users/me/password", ROLES_AND_ONE_TIME, 204,
                    f -> Call.post("/api/v1/users/me/password",
                            Accounts.passwordChange(f.currentPassword(), "new passphrase " + UUID.randomUUID()))),
            new Endpoint("POST /api/v1/users/{id}/reset-password", SA, 200,
                    f -> Call.post("/api/v1/users/" + f.victim() + "/reset-password", null)),
            new Endpoint("POST /api/v1/users/{id}/unlock", SA, 200,
                    f -> Call.post("/api/v1/users/" + f.victim() + "/unlock", null)),
            new Endpoint("PUT /api/v1/users/{id}/roles", SA, 200,
                    f -> Call.put("/api/v1/users/" + f.victim() + "/roles", "{\"roles\":[\"CRYPTO_OFFICER\"]}")),
            new Endpoint("POST /api/v1/users/{id}/disable", SA, 200,
                    f -> Call.post("/api/v1/users/" + f.victim() + "/disable", null)),
            new Endpoint("POST /api/v1/users/{id}/enable", SA, 200,
                    f -> Call.post("/api/v1/users/" + f.victim() + "/enable", null)),

            new Endpoint("POST /api/v1/keys", CO, 201, f -> Call.post("/api/v1/keys", keyJson(false, Map.of()))),
            new Endpoint("GET /api/v1/keys", CO_AU, 200, f -> Call.get("/api/v1/keys?limit=5")),
            new Endpoint("GET /api/v1/keys/{id}", CO_AU, 200, f -> Call.get("/api/v1/keys/" + f.key(false))),
            new Endpoint("POST /api/v1/keys/{id}/activate", CO, 200,
                    f -> Call.post("/api/v1/keys/" + f.key(false) + "/activate", null)),
            new Endpoint("POST /api/v1/keys/{id}/rotate", CO, 200,
                    f -> Call.post("/api/v1/keys/" + f.key(true) + "/rotate", null)),
            new Endpoint("POST /api/v1/keys/{id}/deactivate", CO, 200,
                    f -> Call.post("/api/v1/keys/" + f.key(true) + "/deactivate", null)),
            new Endpoint("POST /api/v1/keys/{id}/revoke", CO, 200,
                    f -> Call.post("/api/v1/keys/" + f.key(true) + "/revoke",
                            "{\"reason\":\"SUPERSEDED\",\"message\":\"role matrix\"}")),
            new Endpoint("DELETE /api/v1/keys/{id}", CO, 200, f -> Call.delete("/api/v1/keys/" + f.key(false))),
            new Endpoint("PUT /api/v1/keys/{id}/policy", CO, 200,
                    f -> Call.put("/api/v1/keys/" + f.key(true) + "/policy", "{\"rotationPeriod\":\"none\"}")),
            new Endpoint("PUT /api/v1/keys/{id}/attributes", CO, 200,
                    f -> Call.put("/api/v1/keys/" + f.key(false) + "/attributes", "{\"owner\":\"role matrix\"}")),
            new Endpoint("DELETE /api/v1/keys/{id}/attributes/{name}", CO, 200,
                    f -> Call.delete("/api/v1/keys/" + f.key(false, Map.of("owner", "role matrix"))
                            + "/attributes/owner")),

            new Endpoint("GET /api/v1/audit", SA_AU, 200, f -> Call.get("/api/v1/audit?limit=1")),
            new Endpoint("GET /api/v1/audit/verify", SA_AU, 200, f -> Call.get("/api/v1/audit/verify")),

            new Endpoint("POST /api/v1/seal", SA, 200, f -> {
                awaitNoMasterKeyRotation();
                return Call.post("/api/v1/seal", null).then(RoleMatrixIT::unsealIfSealed);
            }),
            new Endpoint("POST /api/v1/unseal", SA, 200, f -> Call.post("/api/v1/unseal", null)),
            // custodian mode only: this server (embedded mode) refuses past the role check
            new Endpoint("POST /api/v1/seal/init", SA, 400,
                    f -> Call.post("/api/v1/seal/init", "{\"shares\":3,\"threshold\":2}")),
            new Endpoint("POST /api/v1/seal/rekey", SA, 400,
                    f -> Call.post("/api/v1/seal/rekey", "{\"shares\":3,\"threshold\":2}")),
            new Endpoint("POST /api/v1/unseal/shares", PUBLIC, 400,
                    f -> Call.post("/api/v1/unseal/shares", "{\"share\":\"1-" + "0".repeat(64) + "\"}")),
            new Endpoint("GET /api/v1/unseal/shares", PUBLIC, 200, f -> Call.get("/api/v1/unseal/shares")),
            new Endpoint("POST /api/v1/master-key/rotate", CO, 202, f -> {
                awaitNoMasterKeyRotation();
                return Call.post("/api/v1/master-key/rotate", null).then(RoleMatrixIT::awaitNoMasterKeyRotation);
            }),
            new Endpoint("GET /api/v1/master-key/rotation", ROLES, 200, f -> Call.get("/api/v1/master-key/rotation")),

            new Endpoint("GET /api/v1/settings", ROLES, 200, f -> Call.get("/api/v1/settings")),
            // the same values again: a change nobody notices, so only authorisation can refuse it
            new Endpoint("PUT /api/v1/settings", SA, 200, f -> Call.put("/api/v1/settings",
                    "{\"environment\":\"TEST\"}")),
            new Endpoint("PUT /api/v1/settings/admin-ui", SA, 200, f -> Call.put("/api/v1/settings/admin-ui",
                    "{\"enabled\":true}")),

            new Endpoint("GET /api/v1/syslog/destinations", SA_AU, 200, f -> Call.get(SYSLOG)),
            new Endpoint("POST /api/v1/syslog/destinations", SA, 201, f -> {
                String name = ClientIdentities.uniqueName("matrix");
                return Call.post(SYSLOG, syslogJson(name)).then(() -> deleteSyslogDestinationNamed(name));
            }),
            new Endpoint("GET /api/v1/syslog/destinations/{id}", SA_AU, 200, f -> {
                String id = f.syslogDestination();
                return Call.get(SYSLOG + "/" + id).then(() -> deleteSyslogDestination(id));
            }),
            new Endpoint("PUT /api/v1/syslog/destinations/{id}", SA, 200, f -> {
                String id = f.syslogDestination();
                return Call.put(SYSLOG + "/" + id, "{\"enabled\":false}").then(() -> deleteSyslogDestination(id));
            }),
            new Endpoint("DELETE /api/v1/syslog/destinations/{id}", SA, 204, f -> {
                String id = f.syslogDestination();
                return Call.delete(SYSLOG + "/" + id).then(() -> deleteSyslogDestination(id));
            }),

            new Endpoint("GET /ca.pem", PUBLIC, 200, f -> Call.get("/ca.pem")),
            new Endpoint("POST /api/v1/clients", CO, 201, f -> Call.post(CLIENTS, Json.createObjectBuilder()
                    .add("name", ClientIdentities.uniqueName("matrix")).build().toString())),
            new Endpoint("GET /api/v1/clients", CO_AU, 200, f -> Call.get(CLIENTS + "?limit=5")),
            new Endpoint("GET /api/v1/clients/{id}", CO_AU, 200, f -> Call.get(CLIENTS + "/" + f.client().id())),
            new Endpoint("POST /api/v1/clients/{id}/certificates", CO, 201,
                    f -> Call.post(CLIENTS + "/" + f.client().id() + "/certificates", "{}")),
            new Endpoint("POST /api/v1/clients/{id}/certificates/register", CO, 200,
                    f -> Call.post(CLIENTS + "/" + f.client().id() + "/certificates/register", Json
                            .createObjectBuilder().add("certificate", f.externalClientCertificate()).build()
                            .toString())),
            new Endpoint("POST /api/v1/clients/{id}/certificates/{fingerprint}/revoke", CO, 200, f -> {
                FixtureClient client = f.client();
                return Call.post(CLIENTS + "/" + client.id() + "/certificates/" + client.fingerprint() + "/revoke",
                        null);
            }),
            new Endpoint("POST /api/v1/clients/{id}/disable", CO, 200,
                    f -> Call.post(CLIENTS + "/" + f.client().id() + "/disable", null)),
            new Endpoint("POST /api/v1/clients/{id}/enable", CO, 200,
                    f -> Call.post(CLIENTS + "/" + f.client().id() + "/enable", null)),
            new Endpoint("PUT /api/v1/clients/{id}/grants", CO, 200, f -> Call.put(CLIENTS + "/" + f.client().id()
                    + "/grants", "[{\"namePrefix\":\"matrix/\",\"operations\":[\"encrypt\",\"decrypt\"]}]")),
            new Endpoint("GET /api/v1/approvals", ROLES, 200, f -> Call.get(APPROVALS)),
            new Endpoint("GET /api/v1/approvals/{id}", ROLES, 200, f -> Call.get(APPROVALS + "/" + f.approval())),
            new Endpoint("POST /api/v1/approvals/{id}/approve", CO, 200,
                    f -> Call.post(APPROVALS + "/" + f.approval() + "/approve", null)),
            new Endpoint("POST /api/v1/approvals/{id}/reject", CO, 200,
                    f -> Call.post(APPROVALS + "/" + f.approval() + "/reject", "{\"reason\":\"role matrix\"}")),
            new Endpoint("GET /api/v1/approvals/policy", ROLES, 200, f -> Call.get(APPROVALS + "/policy")),
            new Endpoint("PUT /api/v1/approvals/policy", SA, 200, f -> Call.put(APPROVALS + "/policy", "{}")),
            new Endpoint("GET /api/v1/cas", ROLES, 200, f -> Call.get(CAS)),
            new Endpoint("POST /api/v1/cas", SA, 201, f -> Call.post(CAS, caJson())),
            new Endpoint("POST /api/v1/cas/{id}/enable", SA, 200, f -> Call.post(CAS + "/" + f.ca() + "/enable", null)),
            new Endpoint("POST /api/v1/cas/{id}/disable", SA, 200,
                    f -> Call.post(CAS + "/" + f.ca() + "/disable", null)),
            new Endpoint("PUT /api/v1/cas/{id}/policy", SA, 200,
                    f -> Call.put(CAS + "/" + f.ca() + "/policy", "{\"requireClientAuthEku\":false}")));

    /** The callers shared by the rows that leave their credentials as they were, created on first use. */
    private static final Map<Caller, Account> SHARED = new EnumMap<>(Caller.class);
    private static Account fixtureOfficer;
    private static TestCertificateAuthority externalCa;
    private static AuditTrail trail;

    static Stream<Arguments> matrix() {
        return ENDPOINTS.stream().flatMap(endpoint -> Arrays.stream(Caller.values())
                .map(caller -> Arguments.of(endpoint, caller)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachCallerGetsExactlyTheAccessItsRoleGrants(Endpoint endpoint, Caller caller) {
        Account who = caller(caller, endpoint.changesOwnPassword());
        Call call = endpoint.call().apply(new Fixtures(who));
        long auditEnd = trail().end();

        ApiResponse response;
        try {
            response = (who == null ? Api.anonymous(Api.MANAGEMENT_PORT) : who.api())
                    .send(call.method(), call.path(), call.body() == null ? null : "application/json",
                            call.body() == null ? null : call.body().getBytes(StandardCharsets.UTF_8));
        } finally {
            call.cleanup().run();
        }

        String what = endpoint + " as " + caller + " (" + (who == null ? "anonymous" : who.username()) + ")";
        if (endpoint.allowed().contains(caller)) {
            assertThat(response.status()).as("%s is allowed: %s", what, response).isEqualTo(endpoint.success());
        } else if (caller == WRONG_PASSWORD || caller == NO_CREDENTIALS) {
            assertThat(response.status()).as("%s: %s", what, response).isEqualTo(401);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.problemType()).as(what).isEqualTo("unauthorized");
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(what)
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
        } else {
            String expectedType = caller == ONE_TIME_PASSWORD ? "password-change-required" : "forbidden";
            assertThat(response.status()).as("%s: %s", what, response).isEqualTo(403);
            assertThat(response.contentType()).as("%s: %s", what, response).startsWith("application/problem+json");
            assertThat(response.problemType()).as(what).isEqualTo(expectedType);
            assertThat(trail().after(auditEnd))
                    .as("DENIED audit record with actor %s after %s", who.username(), what)
                    .anySatisfy(record -> {
                        assertThat(field(record, "actor")).isEqualTo(who.username());
                        assertThat(field(record, "outcome")).isEqualTo("DENIED");
                        assertThat(field(record, "reason")).isEqualTo(expectedType);
                    });
        }
    }

    @Test
    void theMatrixHasARowForEveryEndpointOfTheOpenApiDocument() throws IOException {
        Set<String> documented = new TreeSet<>();
        JsonObject paths = openApiDocument().getJsonObject("paths");
        paths.forEach((path, operations) -> operations.asJsonObject().keySet()
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));

        Set<String> inMatrix = ENDPOINTS.stream().map(Endpoint::name).collect(Collectors.toCollection(TreeSet::new));

        assertThat(inMatrix).hasSameSizeAs(ENDPOINTS).isEqualTo(documented);
    }

    /** The OpenAPI document as built into the EAR's management WAR (the one the server serves). */
    private static JsonObject openApiDocument() throws IOException {
        try (ZipFile ear = new ZipFile(Suite.ear().toFile())) {
            ZipEntry war = ear.getEntry("keyhaven-management.war");
            try (ZipInputStream in = new ZipInputStream(ear.getInputStream(war))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (entry.getName().equals("WEB-INF/classes/META-INF/openapi/openapi.json")) {
                        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(in.readAllBytes()))) {
                            return reader.readObject();
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no OpenAPI document in " + Suite.ear());
    }

    // ------------------------------------------------------------------------------------------------------------

    /**
     * The account that makes the call; null for no credentials. A call that changes the caller's own password gets
     * a fresh account, so that the shared ones keep working; a wrong password is always tried on a fresh account, so
     * that failures never add up to a lockout.
     */
    private static synchronized Account caller(Caller caller, boolean consumed) {
        return switch (caller) {
            case NO_CREDENTIALS -> null;
            case WRONG_PASSWORD -> {
                Accounts.OneTimeAccount user = Accounts.createWithOneTimePassword("AUDITOR");
                String wrong = "not the password " + UUID.randomUUID();
                yield new Account(user.username(), wrong, user.id(), Api.management(user.username(), wrong));
            }
            default -> consumed ? newAccount(caller) : SHARED.computeIfAbsent(caller, RoleMatrixIT::newAccount);
        };
    }

    private static Account newAccount(Caller caller) {
        return switch (caller) {
            case SECURITY_ADMIN -> Accounts.securityAdmin();
            case CRYPTO_OFFICER -> Accounts.cryptoOfficer();
            case AUDITOR -> Accounts.auditor();
            case ONE_TIME_PASSWORD -> oneTimePasswordAccount();
            case WRONG_PASSWORD, NO_CREDENTIALS -> throw new IllegalArgumentException(caller + " has no account");
        };
    }

    /** A crypto officer still on its one-time password: its role would allow the key endpoints. */
    private static Account oneTimePasswordAccount() {
        Accounts.OneTimeAccount user = Accounts.createWithOneTimePassword("CRYPTO_OFFICER");
        return new Account(user.username(), user.oneTimePassword(), user.id(),
                Api.management(user.username(), user.oneTimePassword()));
    }

    private static synchronized AuditTrail trail() {
        if (trail == null) {
            trail = new AuditTrail(Accounts.auditor());
        }
        return trail;
    }

    /** A UDP destination to a discard port: nothing listens, nothing is kept. */
    private static String syslogJson(String name) {
        return Json.createObjectBuilder().add("name", name).add("transport", "UDP").add("host", "127.0.0.1")
                .add("port", 9).build().toString();
    }

    private static void deleteSyslogDestination(String id) {
        Accounts.admin().api().delete(SYSLOG + "/" + id);
    }

    private static void deleteSyslogDestinationNamed(String name) {
        Accounts.admin().api().get(SYSLOG).array().stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(destination -> name.equals(destination.getString("name")))
                .forEach(destination -> deleteSyslogDestination(destination.getString("id")));
    }

    private static synchronized Account fixtureOfficer() {
        if (fixtureOfficer == null) {
            fixtureOfficer = Accounts.cryptoOfficer();
        }
        return fixtureOfficer;
    }

    private static void unsealIfSealed() {
        Api admin = Accounts.admin().api();
        if (admin.get("/api/v1/status").object().getJsonObject("seal").getBoolean("sealed")) {
            ApiResponse unsealed = admin.post("/api/v1/unseal");
            assertThat(unsealed.status()).as("unseal after the seal row: %s", unsealed).isEqualTo(200);
        }
    }

    /** A master key rotation runs in the background; sealing during one would fail it, a second one would 409. */
    private static void awaitNoMasterKeyRotation() {
        Api admin = Accounts.admin().api();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                !"running".equals(admin.get("/api/v1/master-key/rotation").object().getString("state")));
    }

    private static String keyJson(boolean activate, Map<String, String> attributes) {
        var attributeObject = Json.createObjectBuilder();
        attributes.forEach(attributeObject::add);
        return Json.createObjectBuilder()
                .add("name", "role-matrix-" + UUID.randomUUID())
                .add("algorithm", "AES")
                .add("length", 256)
                .add("usage", Json.createArrayBuilder().add("ENCRYPT").add("DECRYPT"))
                .add("activate", activate)
                .add("attributes", attributeObject)
                .build().toString();
    }

    /** A new external CA registration (a CA made here), by a security administrator. */
    private static String caJson() {
        return Json.createObjectBuilder().add("name", ClientIdentities.uniqueName("matrix-ca"))
                .add("certificate", TestCertificateAuthority.create("matrix " + shortId()).certificatePem())
                .build().toString();
    }

    /** The external CA the fixture certificates come from, registered once by a security administrator. */
    private static synchronized TestCertificateAuthority externalCa() {
        if (externalCa == null) {
            externalCa = TestCertificateAuthority.create("matrix external " + shortId());
            ApiResponse registered = Accounts.admin().api().post(CAS, Json.createObjectBuilder()
                    .add("name", ClientIdentities.uniqueName("matrix-external")).add("certificate",
                            externalCa.certificatePem()).build().toString());
            assertThat(registered.status()).as("fixture CA: %s", registered).isEqualTo(201);
        }
        return externalCa;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** One row of the matrix. */
    record Endpoint(String name, Set<Caller> allowed, int success, Function<Fixtures, Call> call) {

        boolean changesOwnPassword() {
            return name.equals("POST /api/v1/users/me/password");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A fixture client and its certificate's fingerprint. */
    record FixtureClient(String id, String fingerprint) {
    }

    /** One request, and what to undo afterwards whatever its outcome. */
    record Call(String method, String path, String body, Runnable cleanup) {

        static Call get(String path) {
            return new Call("GET", path, null, () -> { });
        }

        static Call post(String path, String body) {
            return new Call("POST", path, body == null ? "" : body, () -> { });
        }

        static Call put(String path, String body) {
            return new Call("PUT", path, body, () -> { });
        }

        static Call delete(String path) {
            return new Call("DELETE", path, null, () -> { });
        }

        Call then(Runnable after) {
            return new Call(method, path, body, after);
        }
    }

    /** Fresh targets for one call, made by accounts other than the caller. */
    record Fixtures(Account caller) {

        /** The caller's password as the body of a password change states it (anything, for no credentials). */
        String currentPassword() {
            return caller == null ? "no credentials at all" : caller.password();
        }

        /** A new user (an auditor still on its one-time password) that only this call touches. */
        String victim() {
            return Accounts.createWithOneTimePassword("AUDITOR").id();
        }

        String key(boolean active) {
            return key(active, Map.of());
        }

        /** A new syslog destination, made by the bootstrap security administrator. */
        String syslogDestination() {
            ApiResponse created = Accounts.admin().api().post(SYSLOG, syslogJson(
                    ClientIdentities.uniqueName("matrix")));
            assertThat(created.status()).as("fixture syslog destination: %s", created).isEqualTo(201);
            return created.string("id");
        }

        /** A new client with a certificate (CSR path), that only this call touches. */
        FixtureClient client() {
            String name = ClientIdentities.uniqueName("matrix");
            ApiResponse created = fixtureOfficer().api().post(CLIENTS, Json.createObjectBuilder().add("name", name)
                    .add("csr", ClientIdentities.csr(FIXTURE_CLIENT_KEY, name)).build().toString());
            assertThat(created.status()).as("fixture client: %s", created).isEqualTo(201);
            return new FixtureClient(created.object().getJsonObject("client").getString("id"),
                    created.object().getString("fingerprint"));
        }

        /** A new certificate from a registered external CA, for registration to a client. */
        String externalClientCertificate() {
            return ClientIdentities.pem(externalCa().issueClientCertificate(FIXTURE_CLIENT_KEY.getPublic(),
                    ClientIdentities.uniqueName("matrix-external"), true));
        }

        /**
         * A new request for approval (a key rotation, asked by the fixture officer) that only this call touches: the
         * policy needs an approval for rotations just long enough to make it.
         */
        String approval() {
            String key = key(true);
            Api admin = Accounts.admin().api();
            assertThat(admin.put(APPROVALS + "/policy", "{\"quorum\":{\"KEY_ROTATE\":1}}").status()).isEqualTo(200);
            try {
                ApiResponse requested = fixtureOfficer().api().post("/api/v1/keys/" + key + "/rotate");
                assertThat(requested.status()).as("fixture approval request: %s", requested).isEqualTo(202);
                return requested.string("id");
            } finally {
                assertThat(admin.put(APPROVALS + "/policy", "{}").status()).isEqualTo(200);
            }
        }

        /** A new external CA that only this call touches. */
        String ca() {
            ApiResponse registered = Accounts.admin().api().post(CAS, caJson());
            assertThat(registered.status()).as("fixture CA: %s", registered).isEqualTo(201);
            return registered.string("id");
        }

        /** A new AES key, Pre-Active or Active, that only this call touches. */
        String key(boolean active, Map<String, String> attributes) {
            ApiResponse created = fixtureOfficer().api().post("/api/v1/keys", keyJson(active, attributes));
            assertThat(created.status()).as("fixture key: %s", created).isEqualTo(201);
            return created.string("id");
        }
    }
}
