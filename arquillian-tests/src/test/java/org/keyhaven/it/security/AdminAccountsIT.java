package org.keyhaven.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.keyhaven.it.support.AuditTrail.field;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Accounts.OneTimeAccount;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Suite;

/**
 * Admin accounts over the management API: the bootstrap administrator, one-time passwords, lockout, separation of
 * duties, limits on what a security administrator may do to their own account, the password policy, username
 * rules, and the audit of all of it (which never holds a password).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminAccountsIT {

    private static final String ME = "/api/v1/users/me";
    private static final String INITIAL_PASSWORD_LINE = "Keyhaven initial administrator password";

    private static AuditTrail trail;

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    // --- bootstrap and one-time passwords ------------------------------------------------------------------------

    @Test
    void theInitialAdministratorPasswordIsLoggedOnceAndStopsWorkingOnceChanged() throws IOException {
        Accounts.admin();

        List<String> lines = Files.readAllLines(Suite.serverLog()).stream()
                .filter(line -> line.contains(INITIAL_PASSWORD_LINE)).toList();

        assertThat(lines).hasSize(1);
        String initial = Accounts.initialAdminPassword();
        assertThat(initial).matches("[A-Za-z0-9]{16,}");
        ApiResponse withInitial = Api.management(Accounts.ADMIN, initial).get(ME);
        assertThat(withInitial.status()).isEqualTo(401);
        assertThat(withInitial.problemType()).isEqualTo("unauthorized");
    }

    @Test
    void aNewUsersOneTimePasswordOnlyAllowsChangingIt() {
        OneTimeAccount fresh = Accounts.createWithOneTimePassword("AUDITOR");
        Api withOneTime = Api.management(fresh.username(), fresh.oneTimePassword());

        for (String path : List.of(ME, "/api/v1/audit?limit=1", "/api/v1/status")) {
            ApiResponse refused = withOneTime.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.problemType()).as(path).isEqualTo("password-change-required");
        }
        String chosen = "chosen passphrase " + UUID.randomUUID();
        assertThat(withOneTime.post(ME + "/password", Accounts.passwordChange(fresh.oneTimePassword(), chosen))
                .status()).isEqualTo(204);

        assertThat(withOneTime.get(ME).status()).isEqualTo(401);
        ApiResponse me = Api.management(fresh.username(), chosen).get(ME);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.object().getBoolean("passwordChangeRequired")).isFalse();
        assertThat(Api.management(fresh.username(), chosen).get("/api/v1/audit?limit=1").status()).isEqualTo(200);
    }

    @Test
    void resettingAPasswordIssuesANewOneTimePasswordAndVoidsTheOldPassword() {
        Account user = Accounts.create("AUDITOR");

        ApiResponse reset = Accounts.admin().api().post("/api/v1/users/" + user.id() + "/reset-password");

        assertThat(reset.status()).isEqualTo(200);
        String oneTime = reset.string("oneTimePassword");
        assertThat(oneTime).isNotBlank().isNotEqualTo(user.password());
        assertThat(reset.object().getJsonObject("user").getBoolean("passwordChangeRequired")).isTrue();
        assertThat(user.api().get(ME).status()).isEqualTo(401);
        Api withOneTime = Api.management(user.username(), oneTime);
        assertThat(withOneTime.get(ME).problemType()).isEqualTo("password-change-required");
        String chosen = "after reset " + UUID.randomUUID();
        assertThat(withOneTime.post(ME + "/password", Accounts.passwordChange(oneTime, chosen)).status())
                .isEqualTo(204);
        assertThat(Api.management(user.username(), chosen).get(ME).status()).isEqualTo(200);
    }

    // --- lockout ---------------------------------------------------------------------------------------------

    @Test
    void fiveWrongPasswordsLockTheAccountUntilASecurityAdministratorUnlocksIt() {
        // Accounts.create ends with a password change, which drops any cached login of the new user.
        Account user = Accounts.create("AUDITOR");
        Api wrong = Api.management(user.username(), "wrong passphrase " + UUID.randomUUID());
        int attempts = maxAttempts();
        long end = trail().end();

        for (int i = 1; i < attempts; i++) {
            ApiResponse refused = wrong.get(ME);
            assertThat(refused.status()).as("attempt %d", i).isEqualTo(401);
            assertThat(refused.problemType()).as("attempt %d", i).isEqualTo("unauthorized");
        }
        ApiResponse locking = wrong.get(ME);
        ApiResponse rightPassword = user.api().get(ME);

        assertThat(locking.status()).isEqualTo(401);
        assertThat(locking.problemType()).isEqualTo("account-locked");
        assertThat(rightPassword.status()).isEqualTo(401);
        assertThat(rightPassword.problemType()).isEqualTo("account-locked");
        assertThat(Accounts.admin().api().get("/api/v1/users/" + user.id()).object().getBoolean("locked")).isTrue();
        List<JsonObject> audit = trail().after(end);
        assertThat(audit).filteredOn(record("user.login", user.username(), "FAILED"))
                .hasSize(attempts)
                .allSatisfy(record -> assertThat(field(record, "reason")).isEqualTo("unauthorized"));
        assertThat(audit).filteredOn(record -> "user.lockout".equals(field(record, "operation"))
                && user.id().equals(field(record, "objectId"))).hasSize(1);
        assertThat(audit).filteredOn(record("user.login", user.username(), "DENIED"))
                .anySatisfy(record -> assertThat(field(record, "reason")).isEqualTo("account-locked"));

        long beforeUnlock = trail().end();
        ApiResponse unlocked = Accounts.admin().api().post("/api/v1/users/" + user.id() + "/unlock");

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.object().getBoolean("locked")).isFalse();
        assertThat(user.api().get(ME).status()).isEqualTo(200);
        assertThat(trail().after(beforeUnlock)).filteredOn(record("user.unlock", Accounts.ADMIN, "SUCCESS"))
                .anySatisfy(record -> assertThat(field(record, "objectId")).isEqualTo(user.id()));
    }

    @Test
    void aLockoutAlsoStopsACallerWhoseLastLoginIsStillCached() {
        Account user = Accounts.create("AUDITOR");
        Api wrong = Api.management(user.username(), "wrong passphrase " + UUID.randomUUID());
        Instant loggedIn = Instant.now();
        assertThat(user.api().get(ME).status()).isEqualTo(200);

        for (int i = 0; i < maxAttempts(); i++) {
            wrong.get(ME);
        }
        ApiResponse rightPassword = user.api().get(ME);

        assumeTrue(Duration.between(loggedIn, Instant.now()).compareTo(loginCacheTtl().minusSeconds(1)) < 0,
                "the lockout took longer than the server's login cache lives; nothing cached was left to test");
        assertThat(rightPassword.status()).as("right password right after the lockout: %s", rightPassword)
                .isEqualTo(401);
        assertThat(rightPassword.problemType()).isEqualTo("account-locked");
    }

    // --- separation of duties and self-management -------------------------------------------------------------

    static List<List<String>> conflictingRoles() {
        return List.of(List.of("SECURITY_ADMIN", "CRYPTO_OFFICER"), List.of("CRYPTO_OFFICER", "AUDITOR"),
                List.of("SECURITY_ADMIN", "AUDITOR"), List.of("SECURITY_ADMIN", "CRYPTO_OFFICER", "AUDITOR"));
    }

    @ParameterizedTest
    @MethodSource("conflictingRoles")
    void creatingAUserWithConflictingRolesIsRefused(List<String> roles) {
        String username = "dual-" + shortId();

        ApiResponse created = Accounts.admin().api().post("/api/v1/users", userJson(username, roles));

        assertThat(created.status()).isEqualTo(409);
        assertThat(created.problemType()).isEqualTo("separation-of-duties");
        assertThat(usernames()).doesNotContain(username);
    }

    @ParameterizedTest
    @MethodSource("conflictingRoles")
    void changingAUsersRolesToAConflictingSetIsRefused(List<String> roles) {
        OneTimeAccount user = Accounts.createWithOneTimePassword("CRYPTO_OFFICER");
        JsonArrayBuilder array = Json.createArrayBuilder();
        roles.forEach(array::add);

        ApiResponse changed = Accounts.admin().api().put("/api/v1/users/" + user.id() + "/roles",
                Json.createObjectBuilder().add("roles", array).build().toString());

        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.problemType()).isEqualTo("separation-of-duties");
        assertThat(roles(Accounts.admin().api().get("/api/v1/users/" + user.id()).object()))
                .containsExactly("CRYPTO_OFFICER");
    }

    @Test
    void aSecurityAdministratorCannotChangeOwnRolesResetOwnPasswordOrDisableThemselves() {
        Account admin = Accounts.securityAdmin();
        String self = "/api/v1/users/" + admin.id();
        long end = trail().end();

        List<ApiResponse> refused = List.of(
                admin.api().put(self + "/roles", "{\"roles\":[\"AUDITOR\"]}"),
                admin.api().post(self + "/reset-password"),
                admin.api().post(self + "/disable"));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.problemType()).isEqualTo("forbidden");
        });
        JsonObject me = admin.api().get(ME).object();
        assertThat(roles(me)).containsExactly("SECURITY_ADMIN");
        assertThat(me.getBoolean("enabled")).isTrue();
        assertThat(me.getBoolean("passwordChangeRequired")).isFalse();
        assertThat(trail().after(end)).filteredOn(record -> admin.username().equals(field(record, "actor"))
                && "DENIED".equals(field(record, "outcome")) && admin.id().equals(field(record, "objectId")))
                .hasSize(3);
    }

    /**
     * The last enabled security administrator cannot be disabled: the only one who could disable them is a security
     * administrator, and nobody may disable themselves. (The server's own "one must remain" check cannot be reached
     * through the API; see the report.)
     */
    @Test
    void securityAdministratorsCanDisableEachOtherButNeverThemselvesSoOneAlwaysRemains() {
        Account first = Accounts.securityAdmin();
        Account second = Accounts.securityAdmin();

        ApiResponse disabledOther = first.api().post("/api/v1/users/" + second.id() + "/disable");
        ApiResponse disabledSelf = first.api().post("/api/v1/users/" + first.id() + "/disable");

        assertThat(disabledOther.status()).isEqualTo(200);
        assertThat(disabledOther.object().getBoolean("enabled")).isFalse();
        assertThat(second.api().get(ME).status()).isEqualTo(401);
        assertThat(disabledSelf.status()).isEqualTo(403);
        assertThat(disabledSelf.problemType()).isEqualTo("forbidden");
        assertThat(first.api().get(ME).object().getBoolean("enabled")).isTrue();
        assertThat(Accounts.admin().api().get("/api/v1/users").array().getValuesAs(JsonObject.class))
                .anySatisfy(user -> {
                    assertThat(roles(user)).contains("SECURITY_ADMIN");
                    assertThat(user.getBoolean("enabled")).isTrue();
                });
    }

    @Test
    void aDisabledUserCannotLogInUntilEnabledAgain() {
        Account user = Accounts.create("CRYPTO_OFFICER");
        assertThat(user.api().get(ME).status()).isEqualTo(200);
        long end = trail().end();

        ApiResponse disabled = Accounts.admin().api().post("/api/v1/users/" + user.id() + "/disable");
        ApiResponse whileDisabled = user.api().get(ME);

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(whileDisabled.status()).isEqualTo(401);
        assertThat(whileDisabled.problemType()).isEqualTo("unauthorized");
        List<JsonObject> audit = trail().after(end);
        assertThat(audit).filteredOn(record("user.disable", Accounts.ADMIN, "SUCCESS"))
                .anySatisfy(record -> assertThat(field(record, "objectId")).isEqualTo(user.id()));
        assertThat(audit).filteredOn(record("user.login", user.username(), "FAILED"))
                .anySatisfy(record -> assertThat(field(record, "details")).contains("disabled"));

        assertThat(Accounts.admin().api().post("/api/v1/users/" + user.id() + "/enable").status()).isEqualTo(200);
        assertThat(user.api().get(ME).status()).isEqualTo(200);
    }

    // --- password policy -----------------------------------------------------------------------------------------

    /** New passwords the policy refuses, made for one account. */
    enum WeakPassword {
        TOO_SHORT {
            @Override
            String forAccount(Account account) {
                return "short " + shortId().substring(0, 5);
            }
        },
        CONTAINS_THE_USERNAME {
            @Override
            String forAccount(Account account) {
                return "my name is " + account.username() + " ok";
            }
        },
        CONTAINS_THE_USERNAME_IN_ANOTHER_CASE {
            @Override
            String forAccount(Account account) {
                return "I am " + account.username().toUpperCase() + " really";
            }
        },
        SAME_AS_CURRENT {
            @Override
            String forAccount(Account account) {
                return account.password();
            }
        };

        abstract String forAccount(Account account);
    }

    @ParameterizedTest
    @EnumSource(WeakPassword.class)
    void aPasswordThatBreaksThePolicyIsRefusedAndChangesNothing(WeakPassword weak) {
        Account user = Accounts.create("AUDITOR");
        String attempted = weak.forAccount(user);

        ApiResponse changed = user.api().post(ME + "/password", Accounts.passwordChange(user.password(), attempted));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(400);
        assertThat(changed.problemType()).isEqualTo("weak-password");
        assertThat(user.api().get(ME).status()).isEqualTo(200);
        if (!attempted.equals(user.password())) {
            assertThat(Api.management(user.username(), attempted).get(ME).status()).isEqualTo(401);
        }
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndChangesNothing() {
        Account user = Accounts.create("AUDITOR");
        String attempted = "never accepted " + UUID.randomUUID();

        ApiResponse changed = user.api().post(ME + "/password",
                Accounts.passwordChange("not my password " + UUID.randomUUID(), attempted));

        assertThat(changed.status()).isEqualTo(401);
        assertThat(changed.problemType()).isEqualTo("unauthorized");
        assertThat(user.api().get(ME).status()).isEqualTo(200);
        assertThat(Api.management(user.username(), attempted).get(ME).status()).isEqualTo(401);
    }

    // --- usernames -------------------------------------------------------------------------------------------

    static List<String> invalidUsernames() {
        String id = shortId();
        return List.of("Upper-" + id, "ab", "long-" + id + "-" + "x".repeat(64 - 14) + "y", "with space " + id,
                "tab\t" + id, "ümlaut-" + id, "-leading-" + id);
    }

    @ParameterizedTest
    @MethodSource("invalidUsernames")
    void anInvalidUsernameIsRefused(String username) {
        ApiResponse created = Accounts.admin().api().post("/api/v1/users", userJson(username, List.of("AUDITOR")));

        assertThat(created.status()).as(created.toString()).isEqualTo(400);
        assertThat(created.problemType()).isEqualTo("invalid-request");
        assertThat(usernames()).doesNotContain(username);
    }

    @Test
    void aDuplicateUsernameIsRefused() {
        OneTimeAccount existing = Accounts.createWithOneTimePassword("AUDITOR");

        ApiResponse again = Accounts.admin().api().post("/api/v1/users",
                userJson(existing.username(), List.of("CRYPTO_OFFICER")));
        ApiResponse admin = Accounts.admin().api().post("/api/v1/users",
                userJson(Accounts.ADMIN, List.of("AUDITOR")));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("duplicate-user");
        assertThat(admin.status()).isEqualTo(409);
        assertThat(admin.problemType()).isEqualTo("duplicate-user");
        assertThat(roles(Accounts.admin().api().get("/api/v1/users/" + existing.id()).object()))
                .containsExactly("AUDITOR");
    }

    // --- audit of logins -------------------------------------------------------------------------------------

    @Test
    void loginFailuresOfUnknownUsersAreAuditedWithoutCreatingAnything() {
        String ghost = "ghost-" + shortId();
        Api api = Api.management(ghost, "any passphrase " + UUID.randomUUID());
        long end = trail().end();

        List<ApiResponse> responses = new ArrayList<>();
        for (int i = 0; i <= maxAttempts(); i++) {
            responses.add(api.get("/api/v1/status"));
        }

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.problemType()).isEqualTo("unauthorized");
        });
        List<JsonObject> audit = trail().after(end);
        assertThat(audit).filteredOn(record("user.login", ghost, "FAILED"))
                .hasSize(maxAttempts() + 1)
                .allSatisfy(record -> {
                    assertThat(field(record, "reason")).isEqualTo("unauthorized");
                    assertThat(field(record, "details")).contains("unknown user");
                    assertThat(field(record, "objectId")).isNull();
                });
        assertThat(audit).filteredOn(record -> "user.lockout".equals(field(record, "operation"))
                && String.valueOf(field(record, "details")).contains(ghost)).isEmpty();
        assertThat(usernames()).doesNotContain(ghost);
    }

    @Test
    void loginAttemptsAreAuditedWithTheClientAddressAndPort() {
        Account user = Accounts.create("AUDITOR");
        long end = trail().end();

        Api.management(user.username(), "wrong passphrase " + UUID.randomUUID()).get(ME);
        assertThat(user.api().get(ME).status()).isEqualTo(200);

        assertThat(trail().after(end))
                .filteredOn(record -> "user.login".equals(field(record, "operation"))
                        && user.username().equals(field(record, "actor")))
                .hasSize(2)
                .allSatisfy(record -> {
                    assertThat(field(record, "clientAddress")).as(record.toString()).isEqualTo("127.0.0.1");
                    assertThat(field(record, "port")).as(record.toString())
                            .isEqualTo(String.valueOf(Suite.port(Api.MANAGEMENT_PORT)));
                });
    }

    @Test
    void noPasswordOrOneTimePasswordEverAppearsInTheAuditOrTheServerLog() throws IOException {
        List<String> secrets = new ArrayList<>();
        OneTimeAccount user = Accounts.createWithOneTimePassword("AUDITOR");
        secrets.add(user.oneTimePassword());
        String wrongLogin = "wrong login " + UUID.randomUUID();
        secrets.add(wrongLogin);
        Api.management(user.username(), wrongLogin).get(ME);
        String first = "first choice " + UUID.randomUUID();
        secrets.add(first);
        Api.management(user.username(), user.oneTimePassword()).post(ME + "/password",
                Accounts.passwordChange(user.oneTimePassword(), first));
        String wrongCurrent = "wrong current " + UUID.randomUUID();
        String refusedNext = "refused next " + UUID.randomUUID();
        secrets.add(wrongCurrent);
        secrets.add(refusedNext);
        Api withFirst = Api.management(user.username(), first);
        withFirst.post(ME + "/password", Accounts.passwordChange(wrongCurrent, refusedNext));
        String tooShort = "s" + shortId().substring(0, 6);
        secrets.add(tooShort);
        withFirst.post(ME + "/password", Accounts.passwordChange(first, tooShort));
        ApiResponse reset = Accounts.admin().api().post("/api/v1/users/" + user.id() + "/reset-password");
        String secondOneTime = reset.string("oneTimePassword");
        secrets.add(secondOneTime);
        String second = "second choice " + UUID.randomUUID();
        secrets.add(second);
        Api.management(user.username(), secondOneTime).post(ME + "/password",
                Accounts.passwordChange(secondOneTime, second));
        String ghostPassword = "ghost password " + UUID.randomUUID();
        secrets.add(ghostPassword);
        Api.management("ghost-" + shortId(), ghostPassword).get(ME);
        assertThat(Api.management(user.username(), second).get(ME).status())
                .as("the password activity above really happened").isEqualTo(200);

        List<String> everySecretSoFar = new ArrayList<>(secrets);
        everySecretSoFar.add(Accounts.ADMIN_PASSWORD);
        everySecretSoFar.add(Accounts.initialAdminPassword());
        List<JsonObject> audit = trail().all();
        assertThat(audit).isNotEmpty();
        assertThat(audit).allSatisfy(record -> assertThat(record.toString()).doesNotContain(everySecretSoFar));
        secrets.add(Accounts.ADMIN_PASSWORD);
        String serverLog = Files.readString(Suite.serverLog());
        assertThat(serverLog).doesNotContain(secrets);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static synchronized AuditTrail trail() {
        if (trail == null) {
            trail = new AuditTrail(Accounts.auditor());
        }
        return trail;
    }

    private static Predicate<JsonObject> record(String operation, String actor, String outcome) {
        return record -> operation.equals(field(record, "operation")) && actor.equals(field(record, "actor"))
                && outcome.equals(field(record, "outcome"));
    }

    private static List<String> usernames() {
        return Accounts.admin().api().get("/api/v1/users").array().getValuesAs(JsonObject.class).stream()
                .map(user -> user.getString("username")).toList();
    }

    private static List<String> roles(JsonObject user) {
        return user.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String userJson(String username, List<String> roles) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        roles.forEach(array::add);
        return Json.createObjectBuilder().add("username", username).add("roles", array).build().toString();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The server's lockout threshold: {@code keyhaven.login.max-attempts} if the test server sets it, else 5. */
    private static int maxAttempts() {
        String value = serverSetting("keyhaven.login.max-attempts");
        return value == null ? 5 : Integer.parseInt(value);
    }

    /** How long the server caches a successful login: {@code keyhaven.login.cache-seconds}, else 60 s. */
    private static Duration loginCacheTtl() {
        String value = serverSetting("keyhaven.login.cache-seconds");
        return Duration.ofSeconds(value == null ? 60 : Long.parseLong(value));
    }

    private static String serverSetting(String property) {
        Matcher matcher = Pattern.compile("-D" + Pattern.quote(property) + "=(\\S+)").matcher(Suite.jvmArguments());
        return matcher.find() ? matcher.group(1) : null;
    }
}
