package dev.campaignfn.functions.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The dashboard page in a real headless Chromium against the launcher with demo data: the totals
 * are the API's, the range and group_by controls change the charts, a campaign opens with its
 * report, a CSV downloads with the API's bytes, a newly tracked event appears in the live feed, the
 * comparison names the API's best, lifecycle buttons follow the role, and failures and empty
 * periods say so. Screenshots of every view at laptop and phone width go to target/screenshots.
 *
 * <p>Needs Debian's chromium and chromium-driver (paths from CHROMIUM_BINARY and CHROMEDRIVER);
 * without them the test reports itself skipped, unless CAMPAIGNFN_BROWSER_TESTS=required (what
 * .ci/run sets after installing them), when their absence is a failure.
 */
@QuarkusTest
class DashboardPageTest {

    private static final String API = "/v1/marketing/admin";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Dimension LAPTOP = new Dimension(1366, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path downloads;
    private String base;

    @BeforeEach
    void startBrowser() throws IOException {
        Path chromium = Path.of(setting("CHROMIUM_BINARY", "/usr/bin/chromium"));
        Path driver = Path.of(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(driver);
        if ("required".equals(System.getenv("CAMPAIGNFN_BROWSER_TESTS"))) {
            assertTrue(present, "CAMPAIGNFN_BROWSER_TESTS=required but " + chromium + " or " + driver + " is missing");
        }
        Assumptions.assumeTrue(present, "skipped: no " + chromium + " and " + driver
                + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        given().post("/local/demo-data").then().statusCode(200);
        base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        downloads = Files.createDirectories(Path.of("target/downloads").toAbsolutePath()).resolve(UUID.randomUUID().toString());
        Files.createDirectories(downloads);
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // As root, headless, and without the background connections this machine's closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=en-US", "--user-data-dir=" + Files.createTempDirectory("dashboard-chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build(),
                options);
        browser.manage().window().setSize(LAPTOP);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDashboardShowsTheApisNumbersAndFollowsItsControls() throws IOException {
        String token = signIn("marketing_admin");
        JsonPath dashboard = api(token, "/analytics/dashboard", Map.of("date_range", "30d", "group_by", "day"));
        waitForCards();
        assertTotals(dashboard);
        assertEquals(String.valueOf(dashboard.getList("data.trends").size()), attribute("[data-testid=trend-chart]", "data-buckets"));
        assertTrue(text("[data-testid=time-zone]").contains(dashboard.getString("data.time_zones[0]")));
        assertFalse(browser.findElements(By.cssSelector("[data-testid=top-campaigns] tr[data-campaign-id]")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector("[data-testid=kpis] [data-testid=kpi-status]")).isEmpty());
        screenshots("dashboard");

        new Select(find("[data-testid=range]")).selectByValue("7d");
        JsonPath week = api(token, "/analytics/dashboard", Map.of("date_range", "7d", "group_by", "day"));
        wait.until(d -> hashHas("date_range=7d") && "7".equals(attribute("[data-testid=trend-chart]", "data-buckets")));
        waitForCards();
        assertTotals(week);
        new Select(find("[data-testid=group-by]")).selectByValue("week");
        JsonPath weekly = api(token, "/analytics/dashboard", Map.of("date_range", "7d", "group_by", "week"));
        wait.until(d -> hashHas("group_by=week")
                && String.valueOf(weekly.getList("data.trends").size()).equals(attribute("[data-testid=trend-chart]", "data-buckets")));

        // an old month without any campaign: an empty state, not a broken chart
        browser.get(base + "/#/dashboard?start_date=2001-01-01&end_date=2001-01-31");
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=totals] [data-state=empty]")).isEmpty());
        screenshots("dashboard-empty");
    }

    @Test
    void aCampaignOpensWithItsReportExportAndLiveFeed() throws IOException {
        String token = signIn("marketing_admin");
        waitForCards();
        WebElement top = find("[data-testid=top-campaigns] tr[data-campaign-id] a");
        String id = find("[data-testid=top-campaigns] tr[data-campaign-id]").getAttribute("data-campaign-id");
        top.click();
        wait.until(d -> hashHas("/campaigns/" + id));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=summary-views]")));
        JsonPath report = api(token, "/analytics/campaigns/" + id, Map.of("date_range", "7d", "group_by", "day"));
        assertEquals(0, new BigDecimal(report.getString("data.summary.total_views"))
                .compareTo(new BigDecimal(attribute("[data-testid=summary-views]", "data-value"))));
        assertEquals(0, new BigDecimal(report.getString("data.summary.total_conversions"))
                .compareTo(new BigDecimal(attribute("[data-testid=summary-conversions]", "data-value"))));
        assertTrue(text("[data-testid=time-zone]").contains(report.getString("data.time_zone")));
        assertEquals("7", attribute("[data-testid=daily-chart]", "data-buckets"));
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=segments] tr[data-segment]")).isEmpty());
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=funnel] li[data-step]")).size() == 3);

        new Select(find("[data-testid=attribution-model]")).selectByValue("linear");
        JsonPath linear = api(token, "/analytics/attribution", Map.of("campaign_ids", id, "model", "linear", "date_range", "7d"));
        wait.until(d -> hashHas("model=linear") && d.findElements(By.cssSelector("[data-testid=attribution] tr[data-channel]")).size()
                == linear.getList("data.by_channel").size());
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=live-feed] tr[data-event-id]")).isEmpty());
        screenshots("campaign");

        find("[data-testid=export-csv]").click();
        Path csv = awaitDownload(".csv");
        byte[] expected = given().auth().oauth2(token).queryParams(Map.of("report", "campaign", "campaign_id", id, "format", "csv",
                "date_range", "7d", "group_by", "day")).get(API + "/analytics/export")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(expected, Files.readAllBytes(csv), "the downloaded CSV is the API's export");
        wait.until(d -> text("[data-testid=export-status]").startsWith("Downloaded"));

        String eventId = UUID.randomUUID().toString();
        given().contentType("application/json").body(Map.of("event_id", eventId, "campaign_id", id, "event_type", "click",
                "channel", "email", "device_type", "desktop", "user_agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0"))
                .post("/v1/marketing/track-event").then().statusCode(200);
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=live-feed] tr[data-event-id='" + eventId + "']")).isEmpty());
    }

    @Test
    void theComparisonNamesTheApisBestAndWorst() throws IOException {
        String token = signIn("analyst");
        List<String> running = api(token, "/analytics/dashboard", Map.of("date_range", "30d")).getList("data.top_campaigns.campaign_id");
        assertTrue(running.size() >= 2, "demo data has two campaigns in one currency");
        browser.get(base + "/#/compare");
        for (String id : running.subList(0, 2)) {
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=ids][value='" + id + "']"))).click();
        }
        find("[data-testid=compare-button]").click();
        JsonPath comparison = api(token, "/analytics/compare", Map.of("campaign_ids", String.join(",", running.subList(0, 2)),
                "date_range", "30d"));
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=comparison] table")).isEmpty());
        assertEquals(comparison.getString("data.best.campaign_id"),
                find("[data-testid=best]").findElement(By.xpath("..")).getAttribute("data-campaign-id"));
        assertEquals(comparison.getString("data.worst.campaign_id"),
                find("[data-testid=worst]").findElement(By.xpath("..")).getAttribute("data-campaign-id"));
        assertEquals(14, browser.findElements(By.cssSelector("[data-testid=comparison] tr[data-metric]")).size());
        screenshots("compare");
    }

    @Test
    void theCampaignListOffersTheLifecycleMovesTheRoleAllows() throws IOException {
        String token = signIn("marketing_admin");
        String name = "Page campaign " + UUID.randomUUID();
        String id = given().auth().oauth2(token).contentType("application/json").body(Map.of("name", name, "type", "email",
                "start_date", "2031-01-01T00:00:00Z", "end_date", "2031-02-01T00:00:00Z", "budget", 800, "currency", "EUR",
                "channels", List.of("email"))).post(API + "/campaigns").then().statusCode(201).extract().path("data.id");
        browser.get(base + "/#/campaigns?status=draft");
        String row = "[data-testid=campaign-list] tr[data-campaign-id='" + id + "']";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
        screenshots("campaigns");
        assertEquals(List.of("launch", "cancel"), browser.findElements(By.cssSelector(row + " [data-lifecycle]")).stream()
                .map(b -> b.getAttribute("data-lifecycle")).toList());
        find(row + " [data-lifecycle=launch]").click();
        wait.until(d -> "scheduled".equals(given().auth().oauth2(token).get(API + "/campaigns/" + id).then().extract().path("data.status")));
        browser.get(base + "/#/campaigns?status=scheduled");
        wait.until(d -> text(row + " [data-testid=campaign-status]").equals("scheduled"));
        find(row + " [data-lifecycle=cancel]").click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=reason-dialog]")));
        dialog.findElement(By.name("reason")).sendKeys("Budget moved to Q2");
        find("[data-testid=reason-confirm]").click();
        wait.until(d -> "cancelled".equals(given().auth().oauth2(token).get(API + "/campaigns/" + id).then().extract().path("data.status")));
        assertEquals("Budget moved to Q2", given().auth().oauth2(token).get(API + "/campaigns/" + id).then().extract().path("data.cancel_reason"));

        find("[data-action=sign-out]").click();
        signIn("analyst");
        browser.get(base + "/#/campaigns");
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=campaign-list] tr[data-campaign-id]")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("[data-testid=campaign-list] [data-lifecycle]")).isEmpty(),
                "an analyst is offered no lifecycle moves");
    }

    @Test
    void failuresAndBadTokensSayWhatHappened() throws IOException {
        signIn("analyst");
        browser.get(base + "/#/campaigns/" + UUID.randomUUID());
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=campaign-summary] [data-state=error]")).isEmpty());
        assertTrue(text("[data-testid=campaign-summary]").startsWith("Could not load the campaign report:"));
        browser.get(base + "/#/dashboard?start_date=2030-02-01&end_date=2030-01-01");
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=totals] [data-state=error]")).isEmpty());
        assertTrue(text("[data-testid=totals]").contains("start_date"), text("[data-testid=totals]"));

        find("[data-action=sign-out]").click();
        find("[data-testid=token]").sendKeys("not-a-token");
        find("[data-testid=token-sign-in] button").click();
        wait.until(d -> text("[data-testid=sign-in]").contains("The API did not accept that token"));
        screenshots("sign-in");
    }

    // ------------------------------------------------------------------------------------ helpers

    /** Signs in through the page's local-launcher button; answers a token of the same role for the API checks. */
    private String signIn(String role) {
        browser.get(base + "/");
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=role]")))).selectByValue(role);
        find("[data-testid=local-token]").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=identity]")));
        String who = text("[data-testid=identity]");
        assertTrue(who.contains(role.replace('_', ' ')), who);
        return given().queryParam("role", role).get("/local/token").then().statusCode(200).extract().path("data.access_token");
    }

    private void assertTotals(JsonPath dashboard) {
        Map<String, String> cards = Map.of("total-spend", "total_spend", "total-revenue", "total_revenue", "total-roas", "roas",
                "total-roi", "roi", "total-conversions", "total_conversions");
        cards.forEach((card, field) -> {
            String expected = dashboard.getString("data.summary." + field);
            String shown = attribute("[data-testid=" + card + "]", "data-value");
            assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(shown)), card + ": page " + shown + ", API " + expected);
        });
        String spend = new java.text.DecimalFormat("#,##0.00").format(new BigDecimal(dashboard.getString("data.summary.total_spend")));
        assertTrue(text("[data-testid=total-spend] .card-value").contains(spend), "spend shown as money: " + spend);
    }

    private void waitForCards() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=total-spend]")));
    }

    private JsonPath api(String token, String path, Map<String, String> params) {
        return given().auth().oauth2(token).queryParams(params).get(API + path).then().statusCode(200).extract().jsonPath();
    }

    private WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private String attribute(String css, String name) {
        return find(css).getAttribute(name);
    }

    private String text(String css) {
        return find(css).getText().strip();
    }

    private boolean hashHas(String part) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return location.hash")).contains(part);
    }

    private Path awaitDownload(String suffix) {
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
    private void screenshots(String view) throws IOException {
        for (Map.Entry<String, Dimension> size : Map.of("laptop", LAPTOP, "phone", PHONE).entrySet()) {
            browser.manage().window().setSize(size.getValue());
            long height = ((Number) ((JavascriptExecutor) browser).executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")).longValue();
            browser.manage().window().setSize(new Dimension(size.getValue().width, (int) Math.max(size.getValue().height, height + 120)));
            // let the charts redraw at the new size before the picture
            ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
            Files.write(SCREENSHOTS.resolve(view + "-" + size.getKey() + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.manage().window().setSize(LAPTOP);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
