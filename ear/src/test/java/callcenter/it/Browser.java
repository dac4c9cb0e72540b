package callcenter.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
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
 * One headless Chromium (Debian's, driven by Debian's chromedriver: nothing is downloaded) with a fresh profile, fake
 * microphone, and a record of every {@code console.error}, uncaught error and unhandled rejection of its pages.
 */
final class Browser implements AutoCloseable {

    /** Installed before any page script runs; collects what the test must fail on. */
    private static final String ERROR_HOOK = """
            window.__consoleErrors = [];
            (function () {
              const original = console.error.bind(console);
              console.error = function (...args) {
                window.__consoleErrors.push(args.map(a => a && a.stack ? a.stack : String(a)).join(' '));
                original(...args);
              };
              window.addEventListener('error', e => window.__consoleErrors.push('uncaught: ' + e.message));
              window.addEventListener('unhandledrejection', e => window.__consoleErrors.push('unhandled rejection: '
                + (e.reason && e.reason.message ? e.reason.message : String(e.reason))));
            })();
            """;

    final String name;
    final ChromeDriver driver;
    private final URI base;
    private final Path profile;
    private final List<String> errors = new ArrayList<>();

    private Browser(String name, URI base, int width, int height) {
        this.name = name;
        this.base = base;
        try {
            profile = Files.createTempDirectory("chromium-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--autoplay-policy=no-user-gesture-required",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver is named explicitly, so Selenium Manager is never asked to find (or download) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_HOOK));
        // The exact viewport (a headless window's size includes its frame, and windows are at least 500 px wide).
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 500));
    }

    static Browser open(String name, URI base) {
        return new Browser(name, base, 1280, 720);
    }

    static Browser phone(String name, URI base) {
        return new Browser(name, base, 390, 844);
    }

    /**
     * Sets this browser's microphone permission for the server's origin as a user would in the site settings:
     * {@code granted}, {@code denied} or {@code prompt} (DevTools' Browser.setPermission).
     */
    Browser microphone(String setting) {
        driver.executeCdpCommand("Browser.setPermission", Map.of("permission", Map.of("name", "microphone"),
                "setting", setting, "origin", base.toString().replaceFirst("/$", "")));
        return this;
    }

    Browser go(String path) {
        collectErrors();
        driver.get(base.resolve(path.startsWith("/") ? path.substring(1) : path).toString());
        return this;
    }

    <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).withMessage(name + ": " + what)
                    // Pages re-render lists and navigate: an element found a moment ago may be gone; look again.
                    .ignoring(StaleElementReferenceException.class).until(d -> {
                        try {
                            return condition.apply(d);
                        } catch (WebDriverException e) {
                            // Chromium's way of saying stale while a navigation replaces the document.
                            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                                return null;
                            }
                            throw e;
                        }
                    });
        } catch (RuntimeException e) {
            screenshot("failed-" + name);
            throw e;
        }
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, Duration.ofSeconds(15), condition);
    }

    /** The form field whose label says {@code label}. */
    WebElement field(String label) {
        String id = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']")).getAttribute("for");
        return driver.findElement(By.id(id));
    }

    /** A visible button by its accessible name (aria-label, else its text). */
    WebElement button(String accessibleName) {
        return driver.findElements(By.xpath("//button[@aria-label='" + accessibleName + "' or (not(@aria-label) and normalize-space()='"
                + accessibleName + "')]")).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no visible button named '" + accessibleName + "'"));
    }

    boolean hasButton(String accessibleName) {
        return driver.findElements(By.xpath("//button[@aria-label='" + accessibleName + "' or (not(@aria-label) and normalize-space()='"
                + accessibleName + "')]")).stream().anyMatch(WebElement::isDisplayed);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    void signIn(Api.TestUser user) {
        go("/");
        await("login form", d -> field("Username").isDisplayed());
        field("Username").sendKeys(user.username());
        field("Password").sendKeys(user.password());
        button("Sign in").click();
        await("connected", d -> "connected".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
    }

    Path screenshot(String fileName) {
        try {
            Path dir = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Path target = dir.resolve(fileName + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Fails when any page of this browser logged an error (console.error, uncaught, or a SEVERE browser log line). */
    void assertNoConsoleErrors() {
        collectErrors();
        if (!errors.isEmpty()) {
            fail(name + " logged errors: " + errors);
        }
    }

    @SuppressWarnings("unchecked")
    private void collectErrors() {
        try {
            Object hooked = js("return window.__consoleErrors || []");
            if (hooked instanceof List<?> list) {
                list.forEach(e -> errors.add(String.valueOf(e)));
                js("if (window.__consoleErrors) window.__consoleErrors.length = 0");
            }
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(entry.getMessage());
                }
            }
        } catch (RuntimeException e) {
            // No page loaded yet.
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }
}
