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
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.campaignfn.alert.BudgetAlerts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The dashboard page in a real headless Chromium against the launcher with demo data: the totals
 * are the API's, the range and group_by controls change the charts, a campaign opens with its
 * report, a CSV downloads with the API's bytes, a newly tracked event appears in the live feed, the
 * comparison names the API's best, lifecycle buttons follow the role, budget alerts are listed and
 * acknowledged, a token handed over in the fragment signs in, and failures and empty periods say so. Screenshots of every view at laptop and phone width go to target/screenshots.
 * (Browser set-up, skipping and screenshots: {@link DashboardBrowser}.)
 */
@QuarkusTest
class DashboardPageTest {

    private static final String API = "/v1/marketing/admin";

    @Inject
    DataSource dataSource;

    @Inject
    BudgetAlerts budgetAlerts;

    private DashboardBrowser page;

    @BeforeEach
    void startBrowser() throws IOException {
        page = DashboardBrowser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void theDashboardShowsTheApisNumbersAndFollowsItsControls() throws IOException {
        String token = page.signIn("marketing_admin");
        JsonPath dashboard = api(token, "/analytics/dashboard", Map.of("date_range", "30d", "group_by", "day"));
        waitForCards();
        assertTotals(dashboard);
        assertEquals(String.valueOf(dashboard.getList("data.trends").size()), page.attribute("[data-testid=trend-chart]", "data-buckets"));
        assertTrue(page.text("[data-testid=time-zone]").contains(dashboard.getString("data.time_zones[0]")));
        assertFalse(page.driver.findElements(By.cssSelector("[data-testid=top-campaigns] tr[data-campaign-id]")).isEmpty());
        assertFalse(page.driver.findElements(By.cssSelector("[data-testid=kpis] [data-testid=kpi-status]")).isEmpty());
        page.screenshots("dashboard");

        new Select(page.find("[data-testid=range]")).selectByValue("7d");
        JsonPath week = api(token, "/analytics/dashboard", Map.of("date_range", "7d", "group_by", "day"));
        page.wait.until(d -> page.hashHas("date_range=7d") && "7".equals(page.attribute("[data-testid=trend-chart]", "data-buckets")));
        waitForCards();
        assertTotals(week);
        new Select(page.find("[data-testid=group-by]")).selectByValue("week");
        JsonPath weekly = api(token, "/analytics/dashboard", Map.of("date_range", "7d", "group_by", "week"));
        page.wait.until(d -> page.hashHas("group_by=week")
                && String.valueOf(weekly.getList("data.trends").size()).equals(page.attribute("[data-testid=trend-chart]", "data-buckets")));

        // an old month without any campaign: an empty state, not a broken chart
        page.open("/#/dashboard?start_date=2001-01-01&end_date=2001-01-31");
        page.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=totals] [data-state=empty]")).isEmpty());
        page.screenshots("dashboard-empty");
    }

    @Test
    void aCampaignOpensWithItsReportExportAndLiveFeed() throws IOException {
        String token = page.signIn("marketing_admin");
        waitForCards();
        WebElement top = page.find("[data-testid=top-campaigns] tr[data-campaign-id] a");
        String id = page.find("[data-testid=top-campaigns] tr[data-campaign-id]").getAttribute("data-campaign-id");
        top.click();
        page.wait.until(d -> page.hashHas("/campaigns/" + id));
        page.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=summary-views]")));
        JsonPath report = api(token, "/analytics/campaigns/" + id, Map.of("date_range", "7d", "group_by", "day"));
        assertEquals(0, new BigDecimal(report.getString("data.summary.total_views"))
                .compareTo(new BigDecimal(page.attribute("[data-testid=summary-views]", "data-value"))));
        assertEquals(0, new BigDecimal(report.getString("data.summary.total_conversions"))
                .compareTo(new BigDecimal(page.attribute("[data-testid=summary-conversions]", "data-value"))));
        assertTrue(page.text("[data-testid=time-zone]").contains(report.getString("data.time_zone")));
        assertEquals("7", page.attribute("[data-testid=daily-chart]", "data-buckets"));
        page.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=segments] tr[data-segment]")).isEmpty());
        page.wait.until(d -> d.findElements(By.cssSelector("[data-testid=funnel] li[data-step]")).size() == 3);

        new Select(page.find("[data-testid=attribution-model]")).selectByValue("linear");
        JsonPath linear = api(token, "/analytics/attribution", Map.of("campaign_ids", id, "model", "linear", "date_range", "7d"));
        page.wait.until(d -> page.hashHas("model=linear") && d.findElements(By.cssSelector("[data-testid=attribution] tr[data-channel]")).size()
                == linear.getList("data.by_channel").size());
        page.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=live-feed] tr[data-event-id]")).isEmpty());
        page.screenshots("campaign");

        // seed 000's events list: the API's newest page, then older pages on demand, then a filter
        String rows = "[data-testid=event-list] tr[data-event-id]";
        List<String> newest = api(token, "/campaigns/" + id + "/events", Map.of("limit", "50")).getList("data.events.id");
        page.wait.until(d -> d.findElements(By.cssSelector(rows)).size() == Math.min(25, newest.size()));
        assertEquals(newest.subList(0, Math.min(25, newest.size())), eventIds(rows));
        if (newest.size() > 25) {
            page.find("[data-testid=events-more]").click();
            page.wait.until(d -> d.findElements(By.cssSelector(rows)).size() == newest.size());
            assertEquals(newest, eventIds(rows));
        }
        List<String> conversions = api(token, "/campaigns/" + id + "/events", Map.of("limit", "25", "event_type", "conversion"))
                .getList("data.events.id");
        new Select(page.find("[data-testid=event-type-filter]")).selectByValue("conversion");
        page.find("[data-testid=event-filters] button[type=submit]").click();
        page.wait.until(d -> eventIds(rows).equals(conversions));

        page.find("[data-testid=export-csv]").click();
        Path csv = page.awaitDownload(".csv");
        byte[] expected = given().auth().oauth2(token).queryParams(Map.of("report", "campaign", "campaign_id", id, "format", "csv",
                "date_range", "7d", "group_by", "day")).get(API + "/analytics/export")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(expected, Files.readAllBytes(csv), "the downloaded CSV is the API's export");
        page.wait.until(d -> page.text("[data-testid=export-status]").startsWith("Downloaded"));

        String eventId = UUID.randomUUID().toString();
        given().contentType("application/json").body(Map.of("event_id", eventId, "campaign_id", id, "event_type", "click",
                "channel", "email", "device_type", "desktop", "user_agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0"))
                .post("/v1/marketing/track-event").then().statusCode(200);
        page.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=live-feed] tr[data-event-id='" + eventId + "']")).isEmpty());
    }

    @Test
    void theComparisonNamesTheApisBestAndWorst() throws IOException {
        String token = page.signIn("analyst");
        List<String> running = api(token, "/analytics/dashboard", Map.of("date_range", "30d")).getList("data.top_campaigns.campaign_id");
        assertTrue(running.size() >= 2, "demo data has two campaigns in one currency");
        page.open("/#/compare");
        for (String id : running.subList(0, 2)) {
            page.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=ids][value='" + id + "']"))).click();
        }
        page.find("[data-testid=compare-button]").click();
        JsonPath comparison = api(token, "/analytics/compare", Map.of("campaign_ids", String.join(",", running.subList(0, 2)),
                "date_range", "30d"));
        page.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=comparison] table")).isEmpty());
        assertEquals(comparison.getString("data.best.campaign_id"),
                page.find("[data-testid=best]").findElement(By.xpath("..")).getAttribute("data-campaign-id"));
        assertEquals(comparison.getString("data.worst.campaign_id"),
                page.find("[data-testid=worst]").findElement(By.xpath("..")).getAttribute("data-campaign-id"));
        assertEquals(16, page.driver.findElements(By.cssSelector("[data-testid=comparison] tr[data-metric]")).size());
        page.screenshots("compare");
    }

    @Test
    void theCampaignListOffersTheLifecycleMovesTheRoleAllows() throws IOException {
        String token = page.signIn("marketing_admin");
        String name = "Page campaign " + UUID.randomUUID();
        String id = given().auth().oauth2(token).contentType("application/json").body(Map.of("name", name, "type", "email",
                "start_date", "2031-01-01T00:00:00Z", "end_date", "2031-02-01T00:00:00Z", "budget", 800, "currency", "EUR",
                "channels", List.of("email"))).post(API + "/campaigns").then().statusCode(201).extract().path("data.id");
        page.open("/#/campaigns?status=draft");
        String row = "[data-testid=campaign-list] tr[data-campaign-id='" + id + "']";
        page.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
        page.screenshots("campaigns");
        assertEquals(List.of("launch", "cancel"), page.driver.findElements(By.cssSelector(row + " [data-lifecycle]")).stream()
                .map(b -> b.getAttribute("data-lifecycle")).toList());
        page.find(row + " [data-lifecycle=launch]").click();
        page.wait.until(d -> "scheduled".equals(given().auth().oauth2(token).get(API + "/campaigns/" + id).then().extract().path("data.status")));
        page.open("/#/campaigns?status=scheduled");
        page.wait.until(d -> page.text(row + " [data-testid=campaign-status]").equals("scheduled"));
        page.find(row + " [data-lifecycle=cancel]").click();
        WebElement dialog = page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=reason-dialog]")));
        dialog.findElement(By.name("reason")).sendKeys("Budget moved to Q2");
        page.find("[data-testid=reason-confirm]").click();
        page.wait.until(d -> "cancelled".equals(given().auth().oauth2(token).get(API + "/campaigns/" + id).then().extract().path("data.status")));
        assertEquals("Budget moved to Q2", given().auth().oauth2(token).get(API + "/campaigns/" + id).then().extract().path("data.cancel_reason"));

        page.find("[data-action=sign-out]").click();
        page.signIn("analyst");
        page.open("/#/campaigns");
        page.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=campaign-list] tr[data-campaign-id]")).isEmpty());
        assertTrue(page.driver.findElements(By.cssSelector("[data-testid=campaign-list] [data-lifecycle]")).isEmpty(),
                "an analyst is offered no lifecycle moves");
    }

    @Test
    void budgetAlertsAreListedAndAcknowledgedFromTheDashboard() throws IOException {
        String token = page.signIn("marketing_admin");
        String id = given().auth().oauth2(token).contentType("application/json").body(Map.of("name", "Alerting " + UUID.randomUUID(),
                "type", "email", "start_date", Instant.now().minus(Duration.ofDays(2)).toString(),
                "end_date", Instant.now().plus(Duration.ofDays(20)).toString(), "budget", 1000, "currency", "EUR",
                "channels", List.of("email"))).post(API + "/campaigns").then().statusCode(201).extract().path("data.id");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("total_budget", 1000, "allocations", Map.of("email", 1000)))
                .put(API + "/campaigns/" + id + "/budget").then().statusCode(200);
        given().auth().oauth2(token).post(API + "/campaigns/" + id + "/launch").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", 800, "channel_id", "email")).post(API + "/campaigns/" + id + "/spend").then().statusCode(201);
        budgetAlerts.run();
        List<String> open = given().auth().oauth2(token).queryParam("open", "true").get(API + "/alerts").then().statusCode(200)
                .extract().jsonPath().getList("data.findAll { it.campaign_id == '" + id + "' }.id");
        assertEquals(2, open.size(), "75 % of the campaign's budget and of the channel's allocation: " + open);

        page.open("/#/dashboard");
        String alert = "[data-testid=alerts] li[data-alert-id='" + open.get(0) + "']";
        assertTrue(page.text(alert).contains("75"), page.text(alert));
        page.screenshots("dashboard-alerts");
        page.find(alert + " [data-acknowledge]").click();
        page.wait.until(d -> !page.present(alert));
        assertTrue(given().auth().oauth2(token).queryParam("open", "true").get(API + "/alerts").then().extract().jsonPath()
                .getList("data.id").stream().noneMatch(open.get(0)::equals));
    }

    @Test
    void theHardBudgetStopIsSwitchedAndShownOnTheCampaignPage() throws IOException {
        String token = page.signIn("marketing_admin");
        String id = given().auth().oauth2(token).contentType("application/json").body(Map.of("name", "Stoppable " + UUID.randomUUID(),
                "type", "email", "start_date", "2031-01-01T00:00:00Z", "end_date", "2031-02-01T00:00:00Z", "budget", 800, "currency", "EUR",
                "channels", List.of("email"), "objectives", List.of("Sell"))).post(API + "/campaigns").then().statusCode(201).extract()
                .path("data.id");
        page.open("/#/campaigns/" + id);
        page.find("[data-testid=toggle-hard-stop]").click();
        page.wait.until(d -> page.present("[data-testid=hard-budget-stop]"));
        var campaign = given().auth().oauth2(token).get(API + "/campaigns/" + id).then().extract().jsonPath();
        assertEquals(true, campaign.getBoolean("data.hard_budget_stop"));
        assertEquals(List.of("email"), campaign.getList("data.channels"), "the page's update leaves the channels as they are");
        assertEquals(List.of("Sell"), campaign.getList("data.objectives"));
        page.find("[data-testid=toggle-hard-stop]").click();
        page.wait.until(d -> !page.present("[data-testid=hard-budget-stop]"));
        assertEquals(false, given().auth().oauth2(token).get(API + "/campaigns/" + id).then().extract().path("data.hard_budget_stop"));
    }

    @Test
    void reportsAreScheduledFromThePageByThoseWhoMayManageSettings() throws IOException {
        String token = page.signIn("super_admin");
        page.open("/#/reports");
        String name = "Page report " + UUID.randomUUID();
        WebElement form = page.find("[data-testid=report-form]");
        form.findElement(By.name("name")).sendKeys(name);
        new Select(form.findElement(By.name("frequency"))).selectByValue("monthly");
        page.find("[data-testid=report-create]").click();
        List<Map<String, Object>> schedules = new java.util.ArrayList<>();
        page.wait.until(d -> {
            schedules.clear();
            schedules.addAll(given().auth().oauth2(token).get(API + "/report-schedules").then().extract().jsonPath()
                    .getList("data.findAll { it.name == '" + name + "' }"));
            return !schedules.isEmpty();
        });
        assertEquals("dashboard", schedules.get(0).get("scope"));
        assertEquals("monthly", schedules.get(0).get("frequency"));
        String row = "[data-testid=report-schedules] tr[data-schedule-id='" + schedules.get(0).get("id") + "']";
        // the exports job (every 2 s here) may queue the due period before the page reads the deliveries: either answer is right
        @SuppressWarnings("unchecked")
        String dueStart = String.valueOf(((Map<String, Object>) schedules.get(0).get("due_period")).get("start_date"));
        page.wait.until(d -> page.present(row) && (page.text(row + " [data-testid=deliveries]").equals("none yet")
                || page.text(row + " [data-testid=deliveries]").startsWith(dueStart + " ")));
        page.screenshots("reports");
        given().auth().oauth2(token).delete(API + "/report-schedules/" + schedules.get(0).get("id")).then().statusCode(204);

        page.find("[data-action=sign-out]").click();
        page.signIn("analyst");
        page.open("/#/reports");
        page.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=report-schedules] table, [data-testid=report-schedules] [data-state=empty]"))
                .isEmpty());
        assertFalse(page.present("[data-testid=report-form]"), "an analyst reads the schedules and is offered no form");
    }

    @Test
    void theCampaignPageShowsEachChannelsPlatformConnection() throws Exception {
        page.signIn("analyst");
        String admin = given().queryParam("role", "marketing_admin").get("/local/token").then().statusCode(200).extract()
                .path("data.access_token");
        String id = given().auth().oauth2(admin).contentType("application/json").body(Map.of("name", "Connected " + UUID.randomUUID(),
                "type", "multichannel", "start_date", "2031-01-01T00:00:00Z", "end_date", "2031-02-01T00:00:00Z", "budget", 800,
                "currency", "EUR", "channels", List.of("facebook", "newsletter"), "objectives", List.of("Sell"))).post(API + "/campaigns")
                .then().statusCode(201).extract().path("data.id");
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                insert into channel_connections (campaign_id, channel_id, platform, settings, secrets, state, state_reason, created_by,
                                                 created_at, updated_at)
                values (?, 'facebook', 'meta', '{"ad_account_id": "act_1", "campaign_id": "2"}', 'v1:not-read-by-the-page', 'failing',
                        'Meta 400 OAuthException code 190/463: Session has expired', 'test', now(), now())""")) {
            insert.setObject(1, UUID.fromString(id));
            insert.executeUpdate();
        }
        page.open("/#/campaigns/" + id);
        String facebook = "[data-testid=connections] tr[data-channel=facebook] [data-testid=connection-state]";
        page.wait.until(d -> page.present(facebook));
        assertEquals("failing", page.text(facebook));
        assertTrue(page.text("[data-testid=connections] tr[data-channel=facebook]").contains("code 190/463"));
        assertTrue(page.text("[data-testid=connections] tr[data-channel=newsletter] [data-testid=connection-state]").startsWith("not connected"));
        page.screenshots("connections");
    }

    @Test
    void integrationsShowTheirDeliveryFiguresAndFailedBatchesAreReplayedFromThePage() throws Exception {
        String token = page.signIn("super_admin");
        UUID id = UUID.randomUUID();
        String name = "GA4 " + id;
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                insert into integrations (id, name, platform, settings, secrets, cursor_event_id, created_by, created_at, updated_at)
                values (?, ?, 'ga4', '{"measurement_id": "G-PAGE1234"}', 'v1:not-read-by-the-page', 0, 'test', now(), now())""")) {
            insert.setObject(1, id);
            insert.setString(2, name);
            insert.executeUpdate();
        }
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                insert into forward_batches (integration_id, body, event_count, status, attempts, next_attempt_at, last_attempt_at,
                                             last_status, last_error, created_at, sent_at)
                values (?, '{}', 12, 'sent', 1, now(), now(), 204, null, now(), now()),
                       (?, '{}', 3, 'failed', 1, now(), now(), 400, 'the platform answered 400: invalid event name', now(), null)""")) {
            insert.setObject(1, id);
            insert.setObject(2, id);
            insert.executeUpdate();
        }
        page.open("/#/integrations");
        String row = "[data-testid=integrations] tr[data-integration-id='" + id + "']";
        page.wait.until(d -> page.present(row));
        assertEquals("12", page.text(row + " [data-testid=events-sent]"));
        assertEquals("3", page.text(row + " [data-testid=events-failed]"));
        assertTrue(page.text(row + " [data-testid=last-error]").contains("invalid event name"));
        page.screenshots("integrations");
        page.find(row + " [data-replay]").click();
        page.wait.until(d -> page.present(row) && page.text(row + " [data-testid=events-pending]").equals("3"));
        assertEquals(3, given().auth().oauth2(token).get(API + "/integrations/" + id).then().statusCode(200).extract()
                .jsonPath().getInt("data.deliveries.events_pending"));

        page.find("[data-action=sign-out]").click();
        page.signIn("marketing_admin");
        page.open("/#/integrations");
        page.wait.until(d -> page.present("[data-testid=integrations] [data-state=empty]"));
        assertFalse(page.present(row), "only those who may manage settings see the destinations");
        given().auth().oauth2(token).delete(API + "/integrations/" + id).then().statusCode(204);
    }

    @Test
    void aTokenHandedOverInTheFragmentSignsInAndLeavesTheAddressBar() {
        String token = given().queryParam("role", "analyst").queryParam("subject", "idp-user").get("/local/token").then().statusCode(200)
                .extract().path("data.access_token");
        page.open("/#access_token=" + token + "&token_type=Bearer&expires_in=3600");
        page.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=identity]")));
        assertTrue(page.text("[data-testid=identity]").startsWith("idp-user"));
        page.find("[data-testid=total-spend]");
        assertEquals("#/dashboard", page.driver.executeScript("return location.hash"));
        assertFalse(page.driver.getCurrentUrl().contains(token));
    }

    @Test
    void failuresAndBadTokensSayWhatHappened() throws IOException {
        page.signIn("analyst");
        page.open("/#/campaigns/" + UUID.randomUUID());
        page.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=campaign-summary] [data-state=error]")).isEmpty());
        assertTrue(page.text("[data-testid=campaign-summary]").startsWith("Could not load the campaign report:"));
        page.open("/#/dashboard?start_date=2030-02-01&end_date=2030-01-01");
        page.wait.until(d -> !d.findElements(By.cssSelector("[data-testid=totals] [data-state=error]")).isEmpty());
        assertTrue(page.text("[data-testid=totals]").contains("start_date"), page.text("[data-testid=totals]"));

        page.find("[data-action=sign-out]").click();
        page.find("[data-testid=token]").sendKeys("not-a-token");
        page.find("[data-testid=token-sign-in] button").click();
        page.wait.until(d -> page.text("[data-testid=sign-in]").contains("The API did not accept that token"));
        page.screenshots("sign-in");
    }

    private List<String> eventIds(String rows) {
        return page.driver.findElements(By.cssSelector(rows)).stream().map(r -> r.getAttribute("data-event-id")).toList();
    }

    private void assertTotals(JsonPath dashboard) {
        Map<String, String> cards = Map.of("total-spend", "total_spend", "total-revenue", "total_revenue", "total-roas", "roas",
                "total-roi", "roi", "total-conversions", "total_conversions");
        cards.forEach((card, field) -> {
            String expected = dashboard.getString("data.summary." + field);
            String shown = page.attribute("[data-testid=" + card + "]", "data-value");
            assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(shown)), card + ": page " + shown + ", API " + expected);
        });
        String spend = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US))
                .format(new BigDecimal(dashboard.getString("data.summary.total_spend")));
        assertTrue(page.text("[data-testid=total-spend] .card-value").contains(spend), "spend shown as money: " + spend);
    }

    private void waitForCards() {
        page.find("[data-testid=total-spend]");
    }

    private static JsonPath api(String token, String path, Map<String, String> params) {
        return given().auth().oauth2(token).queryParams(params).get(API + path).then().statusCode(200).extract().jsonPath();
    }
}
