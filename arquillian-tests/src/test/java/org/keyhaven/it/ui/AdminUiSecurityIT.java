package org.keyhaven.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.AdminUi;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;

/**
 * The admin UI's defences at the HTTP level, where a browser would not go: response headers and the session cookie,
 * a new session id at login, no page without a login, forged and replayed form posts (no token, a token from another
 * session, another site's origin) refused with nothing changed, and the services refusing an action the page still
 * offered after the admin's role was taken away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminUiSecurityIT {

    private static final String PASSWORD_PAGE = "/password.xhtml";
    /** {@code keyhaven.admin-ui.idle-seconds} of the test server (arquillian-tests/pom.xml). */
    private static final java.time.Duration IDLE_LIMIT = java.time.Duration.ofSeconds(40);

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void pagesCarryStrictHeadersAndTheSessionCookieIsLockedDown() {
        HttpResponse<String> login = new AdminUi().get("/login.xhtml");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(header(login, "Content-Security-Policy"))
                .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                        "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(header(login, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(login, "Strict-Transport-Security")).startsWith("max-age=");
        assertThat(header(login, "Referrer-Policy")).isEqualTo("same-origin");
        assertThat(header(login, "Cache-Control")).isEqualTo("no-store");
        assertThat(header(login, "X-Content-Type-Options")).isEqualTo("nosniff");
        String cookie = header(login, "Set-Cookie");
        assertThat(cookie).startsWith("__Host-KEYHAVEN=").containsIgnoringCase("; secure")
                .containsIgnoringCase("; httponly").containsIgnoringCase("samesite=strict")
                .doesNotContainIgnoringCase("domain=");
        assertThat(login.body()).doesNotContain("<script", " style=\"", " onclick=");
    }

    @Test
    void noPageWithoutALoginAndANewSessionIdAtLogin() {
        AdminUi browser = new AdminUi();
        HttpResponse<String> keys = browser.get("/keys.xhtml");
        assertThat(keys.statusCode()).isEqualTo(302);
        assertThat(header(keys, "Location")).endsWith("/login.xhtml");

        Account officer = Accounts.cryptoOfficer();
        browser.get("/login.xhtml");
        String before = browser.sessionId().orElseThrow();
        HttpResponse<String> loggedIn = browser.login(officer.username(), officer.password());

        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(header(loggedIn, "Location")).endsWith("/index.xhtml");
        assertThat(browser.sessionId()).isPresent().get().isNotEqualTo(before);
        assertThat(browser.get("/index.xhtml").body()).contains(officer.username(), "Keys by state");
    }

    @Test
    void aWrongPasswordSaysSoAndALockedAccountSaysSoWithoutTellingWhichIsWrong() {
        Account officer = Accounts.cryptoOfficer();
        AdminUi browser = new AdminUi();

        HttpResponse<String> wrong = browser.login(officer.username(), "not the password");
        assertThat(wrong.statusCode()).isNotEqualTo(302);
        assertThat(wrong.body()).contains("Wrong username or password.");
        assertThat(browser.login("no-such-user-" + System.nanoTime(), "whatever").body())
                .contains("Wrong username or password.");
        for (int i = 0; i < 5; i++) {
            browser.login(officer.username(), "still not the password " + i);
        }
        HttpResponse<String> locked = browser.login(officer.username(), officer.password());
        assertThat(locked.statusCode()).isNotEqualTo(302);
        assertThat(locked.body()).contains("This account is locked");
    }

    @Test
    void formPostsWithoutTheTokenOrFromAnotherSiteChangeNothing() {
        Accounts.OneTimeAccount fresh = Accounts.createWithOneTimePassword("CRYPTO_OFFICER");
        AdminUi victim = new AdminUi();
        assertThat(victim.login(fresh.username(), fresh.oneTimePassword()).statusCode()).isEqualTo(302);
        String token = AdminUi.viewState(victim.get(PASSWORD_PAGE).body()).orElseThrow();
        Map<String, String> change = passwordChange(fresh.oneTimePassword(), "forged passphrase one two");

        HttpResponse<String> otherSite = victim.post(PASSWORD_PAGE, "password", change, "password:submit", token,
                "https://attacker.example");
        HttpResponse<String> noOrigin = victim.post(PASSWORD_PAGE, "password", change, "password:submit", token,
                null);
        HttpResponse<String> noToken = victim.post(PASSWORD_PAGE, "password", change, "password:submit", null,
                AdminUi.base());
        AdminUi attacker = new AdminUi();
        Account attackerAccount = Accounts.cryptoOfficer();
        attacker.login(attackerAccount.username(), attackerAccount.password());
        String attackersToken = AdminUi.viewState(attacker.get(PASSWORD_PAGE).body()).orElseThrow();
        HttpResponse<String> foreignToken = victim.post(PASSWORD_PAGE, "password", change, "password:submit",
                attackersToken, AdminUi.base());

        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(noToken.statusCode()).isEqualTo(200);
        assertThat(noToken.body()).doesNotContain("Your password is changed");
        assertThat(foreignToken.statusCode()).isEqualTo(302);
        assertThat(header(foreignToken, "Location")).endsWith("/error.xhtml?problem=expired");
        assertThat(Api.management(fresh.username(), "forged passphrase one two").get("/api/v1/users/me").status())
                .as("no forged post changed the password").isEqualTo(401);

        HttpResponse<String> genuine = victim.post(PASSWORD_PAGE, "password", change, "password:submit", token,
                AdminUi.base());
        assertThat(genuine.statusCode()).as("the same post with its token and origin is carried out").isEqualTo(302);
        assertThat(Api.management(fresh.username(), "forged passphrase one two").get("/api/v1/users/me").status())
                .isEqualTo(200);
    }

    @Test
    void theServiceRefusesAnApprovalThePageOfferedBeforeTheRoleWasTakenAway() {
        Account securityAdmin = Accounts.securityAdmin();
        Account requester = Accounts.cryptoOfficer();
        Account approver = Accounts.cryptoOfficer();
        assertThat(securityAdmin.api().put("/api/v1/approvals/policy", "{\"quorum\":{\"KEY_CREATE\":1}}").status())
                .isEqualTo(200);
        try {
            String name = Keys.uniqueName("ui-refused");
            ApiResponse requested = requester.api().post("/api/v1/keys", Keys.aes(name).build().toString());
            assertThat(requested.status()).as("%s", requested).isEqualTo(202);
            String requestId = requested.object().getString("id");
            AdminUi browser = new AdminUi();
            browser.login(approver.username(), approver.password());
            String inbox = browser.get("/approvals.xhtml").body();
            assertThat(inbox).contains("request-" + requestId, "Create key '" + name + "'");
            String token = AdminUi.viewState(inbox).orElseThrow();
            String form = formIdOf(inbox, requestId);

            ApiResponse demoted = securityAdmin.api().put("/api/v1/users/" + approver.id() + "/roles",
                    "{\"roles\":[\"AUDITOR\"]}");
            assertThat(demoted.status()).as("%s", demoted).isEqualTo(200);
            HttpResponse<String> approved = browser.post("/approvals.xhtml", form,
                    Map.of("requestId", requestId), form + ":approve", token, AdminUi.base());

            assertThat(approved.statusCode()).isEqualTo(200);
            assertThat(approved.body()).contains("your role does not allow this operation");
            assertThat(requester.api().get("/api/v1/approvals/" + requestId).object().getString("status"))
                    .isEqualTo("PENDING");
            assertThat(requester.api().get("/api/v1/keys/" + name).status()).isEqualTo(404);
        } finally {
            assertThat(securityAdmin.api().put("/api/v1/approvals/policy", "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void anAdminDisabledMeanwhileLosesTheOpenSessionAtTheNextClick() {
        Account officer = Accounts.cryptoOfficer();
        AdminUi browser = new AdminUi();
        browser.login(officer.username(), officer.password());
        assertThat(browser.get("/keys.xhtml").statusCode()).isEqualTo(200);

        assertThat(Accounts.admin().api().post("/api/v1/users/" + officer.id() + "/disable").status())
                .isEqualTo(200);
        HttpResponse<String> next = browser.get("/keys.xhtml");

        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(header(next, "Location")).endsWith("/login.xhtml");
    }

    @Test
    void aSessionIdleLongerThanTheLimitEnds() throws InterruptedException {
        Account auditor = Accounts.auditor();
        AdminUi browser = new AdminUi();
        browser.login(auditor.username(), auditor.password());
        assertThat(browser.get("/audit.xhtml").statusCode()).isEqualTo(200);

        Thread.sleep(IDLE_LIMIT.plusSeconds(5).toMillis());
        HttpResponse<String> later = browser.get("/audit.xhtml");

        assertThat(later.statusCode()).isEqualTo(302);
        assertThat(header(later, "Location")).endsWith("/login.xhtml");
    }

    @Test
    void switchedOffTheUiAnswersNothingButHowToSwitchItOnFromTheServerSide() {
        Account securityAdmin = Accounts.securityAdmin();
        AdminUi browser = new AdminUi();
        browser.login(securityAdmin.username(), securityAdmin.password());
        try {
            HttpResponse<String> unconfirmed = browser.submit("/settings.xhtml", "adminui", Map.of(),
                    "adminui:submit");
            assertThat(unconfirmed.statusCode()).isEqualTo(200);
            assertThat(browser.get("/index.xhtml").statusCode()).as("still on without the confirmation")
                    .isEqualTo(200);

            browser.submit("/settings.xhtml", "adminui", Map.of("adminui:confirm", "on"), "adminui:submit");

            for (String path : new String[] {"/index.xhtml", "/login.xhtml", "/audit.csv"}) {
                HttpResponse<String> off = new AdminUi().get(path);
                assertThat(off.statusCode()).as(path).isEqualTo(404);
                assertThat(off.body()).contains("switched off", "PUT /api/v1/settings/admin-ui");
            }
            assertThat(browser.get("/index.xhtml").statusCode()).as("open sessions end too").isEqualTo(404);
        } finally {
            ApiResponse on = securityAdmin.api().put("/api/v1/settings/admin-ui", "{\"enabled\":true}");
            assertThat(on.status()).as("%s", on).isEqualTo(200);
        }
        assertThat(new AdminUi().get("/login.xhtml").statusCode()).isEqualTo(200);
        assertThat(browser.get("/index.xhtml").statusCode()).as("the old session is gone").isEqualTo(302);
    }

    /** The client id of the decision form rendered for a request (its position in the list). */
    private static String formIdOf(String page, String requestId) {
        int section = page.indexOf("id=\"request-" + requestId + "\"");
        java.util.regex.Matcher form = java.util.regex.Pattern.compile("<form id=\"([^\"]+:decide)\"")
                .matcher(page);
        assertThat(form.find(section)).as("a decision form for %s", requestId).isTrue();
        return form.group(1);
    }

    private static Map<String, String> passwordChange(String current, String replacement) {
        return Map.of("password:current", current, "password:replacement", replacement,
                "password:confirmation", replacement);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
