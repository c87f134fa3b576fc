package org.keyhaven.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} with its {@code chromium-driver}) on the admin UI of this run's
 * server, with its own profile and download directory. The server's certificate comes from Keyhaven's internal CA,
 * which this throwaway profile does not trust, so certificate errors are accepted here (TLS itself is tested
 * elsewhere). Screenshots go to {@code target/screenshots}, where the test run keeps them for reviewers.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    public Browser() {
        try {
            profile = Files.createTempDirectory("keyhaven-chromium-");
            downloads = Files.createTempDirectory("keyhaven-downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,1600", "--user-data-dir=" + profile);
        options.setAcceptInsecureCerts(true);
        Map<String, Object> preferences = new HashMap<>();
        preferences.put("download.default_directory", downloads.toString());
        preferences.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", preferences);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // headless Chromium saves downloads only where it is told to, through the DevTools protocol
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
    }

    /** The admin UI's base address on this run's server. */
    public static String base() {
        return "https://127.0.0.1:" + Suite.port(3886);
    }

    public Browser open(String path) {
        driver.get(base() + path);
        return this;
    }

    /** Logs in through the form; the page that follows is whatever the server answered. */
    public Browser login(String username, String password) {
        open("/login.xhtml");
        type("login:username", username);
        type("login:password", password);
        submit("login:submit");
        return this;
    }

    public Browser type(String id, String text) {
        WebElement field = element(id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks something that does not leave the page (a checkbox, a download link). */
    public Browser click(String id) {
        element(id).click();
        return this;
    }

    /** Clicks a button that submits its form, and waits for the page that answers. */
    public Browser submit(String id) {
        return submit(element(id));
    }

    public Browser submit(WebElement button) {
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        // the old page is gone once its root element can no longer be used: Chromium reports that as a stale
        // element or, while it swaps documents, as "node does not belong to the document"
        wait(Duration.ofSeconds(30)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        return this;
    }

    public WebElement element(String id) {
        return wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.id(id)));
    }

    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public String text(String id) {
        return element(id).getText();
    }

    /** The whole visible text of the page. */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(base().length());
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Saves the current page as {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console messages in which the browser reports content it refused under the Content-Security-Policy. */
    public List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** A file the browser downloaded, once it is complete. */
    public Path download(String fileName) {
        Path file = downloads.resolve(fileName);
        wait(Duration.ofSeconds(20)).until(d -> Files.isRegularFile(file));
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
            deleteQuietly(downloads);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
