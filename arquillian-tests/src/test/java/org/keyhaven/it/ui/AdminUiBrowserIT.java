package org.keyhaven.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Browser;
import org.keyhaven.it.support.Contrast;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;
import org.keyhaven.it.support.Suite;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin UI in a real browser (Debian's Chromium, headless, through Selenium): the tasks the issue names, done by
 * hand as officers, an auditor and a security administrator would do them. Every page a test visits is checked for
 * inputs without a label and, at the end, for anything the browser refused under the Content-Security-Policy.
 * Screenshots of the main screens are kept in {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminUiBrowserIT {

    private static final Pattern REQUEST_ID = Pattern.compile("Awaiting approval: request ([0-9a-f-]{36})");

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void aNewAdminLogsInWithTheOneTimePasswordAndMustChooseTheirOwnFirst() {
        Accounts.OneTimeAccount fresh = Accounts.createWithOneTimePassword("AUDITOR");
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            checkPage(browser, "login");
            browser.login(fresh.username(), fresh.oneTimePassword());

            assertThat(browser.currentPath()).isEqualTo("/password.xhtml");
            assertThat(browser.text("forced")).contains("one-time password");
            browser.screenshot("password-change");
            browser.open("/audit.xhtml");
            assertThat(browser.currentPath()).as("nothing else before the change").isEqualTo("/password.xhtml");

            browser.type("password:current", fresh.oneTimePassword())
                    .type("password:replacement", "my own passphrase for the audit")
                    .type("password:confirmation", "my own passphrase for the audit").submit("password:submit");

            assertThat(browser.currentPath()).isEqualTo("/index.xhtml");
            assertThat(browser.text("messages")).contains("Your password is changed.");
            assertThat(browser.text("who")).isEqualTo(fresh.username());
            checkPage(browser, "dashboard");
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @Test
    void officerACreatesAKeyUnderDualControlAndOfficerBApprovesItFromTheInbox() {
        Account securityAdmin = Accounts.securityAdmin();
        Account officerA = Accounts.cryptoOfficer();
        Account officerB = Accounts.cryptoOfficer();
        assertThat(securityAdmin.api().put("/api/v1/approvals/policy", "{\"quorum\":{\"KEY_CREATE\":1}}").status())
                .isEqualTo(200);
        String name = Keys.uniqueName("ui-dual");
        try (Browser a = new Browser(); Browser b = new Browser()) {
            a.login(officerA.username(), officerA.password()).open("/keys.xhtml");
            a.type("createKey:name", name).click("createKey:activate");
            checkPage(a, "keys");
            a.submit("createKey:submit");
            Matcher awaiting = REQUEST_ID.matcher(a.text("messages"));
            assertThat(awaiting.find()).as("the page says plainly that it awaits approval").isTrue();
            String requestId = awaiting.group(1);
            assertThat(officerA.api().get("/api/v1/keys/" + name).status()).as("not created yet").isEqualTo(404);

            b.login(officerB.username(), officerB.password());
            assertThat(b.text("awaiting")).contains("KEY_CREATE", officerA.username());
            b.open("/approvals.xhtml");
            WebElement request = b.element("request-" + requestId);
            assertThat(request.getText()).contains("Create key '" + name + "' (AES, 256 bits, not exportable) and"
                    + " activate it", "key.name", officerA.username());
            checkPage(b, "approvals");
            b.submit(request.findElement(By.cssSelector("input[type=submit][value=Approve]")));
            assertThat(b.text("messages")).contains("Approved and carried out: Create key '" + name + "'");

            a.open("/keys.xhtml?name=" + name);
            a.driver().findElement(By.linkText(name)).click();
            assertThat(a.text("key-state")).contains("ACTIVE");
            checkPage(a, "key");
            assertThat(a.text("trail")).as("audited as A's operation, arrived on the admin UI's port")
                    .contains("key.create", officerA.username(), ":" + Suite.port(3886));
            assertThat(a.contentSecurityPolicyViolations()).isEmpty();
            assertThat(b.contentSecurityPolicyViolations()).isEmpty();
        } finally {
            assertThat(securityAdmin.api().put("/api/v1/approvals/policy", "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void anOfficerCreatesAnApplicationAndDownloadsItsPkcs12WithThePasswordShownOnce() throws Exception {
        Account officer = Accounts.cryptoOfficer();
        String name = Keys.uniqueName("ui-app");
        try (Browser browser = new Browser()) {
            browser.login(officer.username(), officer.password()).open("/clients.xhtml");
            browser.type("createClient:name", name).submit("createClient:submit");

            String password = browser.text("p12-password");
            assertThat(password).isNotBlank();
            checkPage(browser, "applications");
            browser.click("p12-download");
            Path file = browser.download(name + ".p12");
            KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                pkcs12.load(in, password.toCharArray());
            }
            List<String> aliases = Collections.list(pkcs12.aliases());
            assertThat(aliases).hasSize(1);
            assertThat(pkcs12.isKeyEntry(aliases.get(0))).isTrue();
            X509Certificate certificate = (X509Certificate) pkcs12.getCertificate(aliases.get(0));
            assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=" + name);

            browser.open("/clients.xhtml");
            assertThat(browser.has("p12-password")).as("the password is shown once only").isFalse();
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @Test
    void anAuditorVerifiesTheChainAndFindsTheExport() {
        Account auditor = Accounts.auditor();
        try (Browser browser = new Browser()) {
            browser.login(auditor.username(), auditor.password()).open("/audit.xhtml");
            browser.type("filter:operation", "user.").submit("filter:submit");
            assertThat(browser.text("results")).contains("user.login");
            assertThat(browser.element("export-csv").getAttribute("href")).contains("/audit.csv?").contains("user.");
            browser.submit("verify:submit");

            assertThat(browser.text("verify-result")).startsWith("Audit chain intact:");
            assertThat(browser.element("verify-result").getAttribute("class")).contains("good");
            checkPage(browser, "audit");
            assertThat(browser.has("nav-keys")).as("auditors read keys").isTrue();
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @Test
    void aSecurityAdministratorManagesUsersAndSettingsButSeesNoKeyActions() {
        Account securityAdmin = Accounts.securityAdmin();
        try (Browser browser = new Browser()) {
            browser.login(securityAdmin.username(), securityAdmin.password());
            assertThat(browser.has("nav-keys")).isFalse();
            assertThat(browser.has("nav-clients")).isFalse();
            browser.open("/keys.xhtml");
            assertThat(browser.pageText()).contains("your role does not allow this operation");
            assertThat(browser.has("createKey")).isFalse();
            assertThat(browser.all(By.id("keys:row"))).isEmpty();

            browser.open("/users.xhtml");
            checkPage(browser, "users");
            browser.type("createUser:username", Keys.uniqueName("ui-user"));
            new org.openqa.selenium.support.ui.Select(browser.element("createUser:role")).selectByValue("AUDITOR");
            browser.submit("createUser:submit");
            assertThat(browser.text("otp")).hasSizeGreaterThanOrEqualTo(16);

            browser.open("/syslog.xhtml");
            String destination = Keys.uniqueName("ui-siem");
            browser.type("createSyslog:name", destination).type("createSyslog:host", "127.0.0.1")
                    .type("createSyslog:port", "9");
            new org.openqa.selenium.support.ui.Select(browser.element("createSyslog:transport")).selectByValue("UDP");
            browser.submit("createSyslog:submit");
            assertThat(browser.text("destinations")).contains(destination, "127.0.0.1:9");
            checkPage(browser, "syslog");
            By rowOfDestination = By.xpath("//table[@id='destinations']//tr[td[contains(., '" + destination + "')]]");
            WebElement row = browser.driver().findElement(rowOfDestination);
            row.findElement(By.cssSelector("input[type=checkbox]")).click();
            browser.submit(row.findElement(By.cssSelector("input[type=submit][id$=':delete:submit']")));
            assertThat(browser.all(rowOfDestination)).as("deleted").isEmpty();

            browser.open("/settings.xhtml");
            checkPage(browser, "settings");
            assertThat(browser.has("adminui:submit")).isTrue();
            assertThat(browser.text("mk-progress")).isNotBlank();
            assertThat(browser.contentSecurityPolicyViolations()).isEmpty();
        }
    }

    @Test
    void theLoginFormWorksFromTheKeyboardAlone() {
        Account officer = Accounts.cryptoOfficer();
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            browser.element("login:username").click();
            browser.driver().switchTo().activeElement().sendKeys(officer.username() + org.openqa.selenium.Keys.TAB);
            browser.driver().switchTo().activeElement().sendKeys(officer.password() + org.openqa.selenium.Keys.ENTER);

            browser.wait(Duration.ofSeconds(15)).until(d -> browser.currentPath().equals("/index.xhtml"));
            assertThat(browser.text("who")).isEqualTo(officer.username());
        }
    }

    /** No error on the page, every visible input has a label naming it; then a screenshot for the reviewers. */
    private static void checkPage(Browser browser, String screen) {
        assertThat(browser.all(By.cssSelector(".messages .error, div.error")))
                .as("error messages on %s", screen).isEmpty();
        List<String> unlabelled = new ArrayList<>();
        for (WebElement input : browser.all(By.cssSelector(
                "input:not([type=hidden]):not([type=submit]), select, textarea"))) {
            String id = input.getAttribute("id");
            if (id == null || id.isEmpty() || browser.all(By.cssSelector("label[for='" + id + "']")).isEmpty()) {
                unlabelled.add(input.getAttribute("name"));
            }
        }
        assertThat(unlabelled).as("inputs without a label on %s", screen).isEmpty();
        assertReadable(browser, "body", "body", screen);
        assertReadable(browser, ".banner .brand", ".banner", screen);
        assertReadable(browser, "nav a", "nav ul", screen);
        browser.screenshot(screen);
    }

    /** Text against its background keeps the WCAG AA ratio of 4.5:1. */
    private static void assertReadable(Browser browser, String text, String background, String screen) {
        List<WebElement> texts = browser.all(By.cssSelector(text));
        List<WebElement> backgrounds = browser.all(By.cssSelector(background));
        if (texts.isEmpty() || backgrounds.isEmpty()) {
            return;
        }
        assertThat(Contrast.ratio(texts.get(0).getCssValue("color"),
                backgrounds.get(0).getCssValue("background-color")))
                .as("contrast of %s on %s", text, screen).isGreaterThanOrEqualTo(4.5);
    }
}
