package dev.campaignfn.functions.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium on the launcher's dashboard page with its demo data, for the page tests:
 * sign-in, waits, downloads and screenshots (target/screenshots, laptop and phone width).
 *
 * <p>Chromium and ChromeDriver come from CHROMIUM_BINARY and CHROMEDRIVER (default /usr/bin/chromium
 * and /usr/bin/chromedriver). Without them a test reports itself skipped, unless
 * CAMPAIGNFN_BROWSER_TESTS=required (what .ci/run sets after installing them): then it fails.
 */
final class DashboardBrowser implements AutoCloseable {

    static final Dimension LAPTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    final String base;
    private final Path downloads;

    private DashboardBrowser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
        // the page re-renders a view when its data arrives: an element read a moment ago may be gone
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.wait.ignoring(StaleElementReferenceException.class);
        this.base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    static DashboardBrowser start() throws IOException {
        Path chromium = Path.of(setting("CHROMIUM_BINARY", "/usr/bin/chromium"));
        Path chromedriver = Path.of(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        if ("required".equals(System.getenv("CAMPAIGNFN_BROWSER_TESTS"))) {
            assertTrue(present, "CAMPAIGNFN_BROWSER_TESTS=required but " + chromium + " or " + chromedriver + " is missing");
        }
        Assumptions.assumeTrue(present, "skipped: no " + chromium + " and " + chromedriver
                + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        Path downloads = Files.createDirectories(Path.of("target/downloads", UUID.randomUUID().toString()).toAbsolutePath());
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // As root, headless, and without the background connections this machine's closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=en-US", "--user-data-dir=" + Files.createTempDirectory("dashboard-chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US"));
        ChromeDriver driver = new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build(), options);
        driver.manage().window().setSize(LAPTOP);
        // the page is always looked at over the launcher's demo campaigns (loading them twice adds nothing)
        given().post("/local/demo-data").then().statusCode(200);
        return new DashboardBrowser(driver, downloads);
    }

    /** Signs in through the page's local-launcher button; answers a token of the same role for the API checks. */
    String signIn(String role) {
        open("/");
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=role]")))).selectByValue(role);
        find("[data-testid=local-token]").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=identity]")));
        String who = text("[data-testid=identity]");
        assertTrue(who.contains(role.replace('_', ' ')), who);
        return given().queryParam("role", role).get("/local/token").then().statusCode(200).extract().path("data.access_token");
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String attribute(String css, String name) {
        return find(css).getAttribute(name);
    }

    String text(String css) {
        return find(css).getText().strip();
    }

    boolean hashHas(String part) {
        return String.valueOf(driver.executeScript("return location.hash")).contains(part);
    }

    /** The first finished download whose name ends so (Chromium writes .crdownload files until then). */
    Path awaitDownload(String suffix) {
        return wait.until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done = files.filter(f -> f.toString().endsWith(suffix)).findFirst();
                return done.orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** The whole page at laptop and at phone width, for review. */
    void screenshots(String view) throws IOException {
        for (Map.Entry<String, Dimension> size : Map.of("laptop", LAPTOP, "phone", PHONE).entrySet()) {
            driver.manage().window().setSize(size.getValue());
            driver.executeScript("window.scrollTo(0, 0)");
            long height = ((Number) driver.executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
            driver.manage().window().setSize(new Dimension(size.getValue().width, (int) Math.max(size.getValue().height, height + 120)));
            // let the charts redraw at the new size before the picture
            driver.executeAsyncScript("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
            Files.write(SCREENSHOTS.resolve(view + "-" + size.getKey() + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        }
        driver.manage().window().setSize(LAPTOP);
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
