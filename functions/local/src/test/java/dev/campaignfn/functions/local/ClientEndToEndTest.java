package dev.campaignfn.functions.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.campaignfn.client.ApiClient;
import dev.campaignfn.client.api.AnalyticsApi;
import dev.campaignfn.client.api.BudgetsApi;
import dev.campaignfn.client.api.CampaignsApi;
import dev.campaignfn.client.api.ExportsApi;
import dev.campaignfn.client.api.TrackingApi;
import dev.campaignfn.client.model.BudgetCommand;
import dev.campaignfn.client.model.CampaignCommand;
import dev.campaignfn.client.model.CampaignType;
import dev.campaignfn.client.model.EventType;
import dev.campaignfn.client.model.SpendCommand;
import dev.campaignfn.client.model.SpendEntryType;
import dev.campaignfn.client.model.TrackEvent;
import dev.campaignfn.testing.Bounded;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Java client generated from openapi.yaml, and nothing else, against the launcher: create a
 * campaign, allocate its budget, launch it, track events, record spend, read the campaign report and
 * the dashboard, export CSV. (Only the token comes from the launcher's own /local/token.)
 */
@QuarkusTest
class ClientEndToEndTest {

    @Test
    void theGeneratedClientRunsACampaign() throws Exception {
        String token = given().queryParam("role", "marketing_admin").get("/local/token").then().statusCode(200).extract()
                .path("data.access_token");
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        // the generated client waits forever by default; a test must not
        client.setReadTimeout(Bounded.LIMIT);
        CampaignsApi campaigns = new CampaignsApi(client);
        BudgetsApi budgets = new BudgetsApi(client);
        TrackingApi tracking = new TrackingApi(client);
        AnalyticsApi analytics = new AnalyticsApi(client);
        ExportsApi exports = new ExportsApi(client);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var created = campaigns.createCampaignWithHttpInfo(new CampaignCommand().name("Client campaign " + UUID.randomUUID())
                .type(CampaignType.MULTICHANNEL).startDate(now.minusDays(1)).endDate(now.plusDays(30)).budget(new BigDecimal("5000"))
                .currency("EUR").timeZone("Europe/Paris").channels(List.of("email", "facebook")).objectives(List.of("Sell")));
        assertEquals(201, created.getStatusCode());
        String location = created.getHeaders().get("location").get(0);
        String id = location.substring(location.lastIndexOf('/') + 1);

        var budget = budgets.allocateBudget(id, new BudgetCommand().totalBudget(new BigDecimal("5000")).contingency(new BigDecimal("500"))
                .allocations(Map.of("email", new BigDecimal("1500"), "facebook", new BigDecimal("2500"))));
        assertEquals(0, new BigDecimal("4000").compareTo(budget.getData().getAllocated()));
        assertEquals("active", campaigns.launchCampaign(id).getData().getStatus().getValue());

        for (int i = 0; i < 6; i++) {
            var outcome = tracking.trackEvent(new TrackEvent().eventId(UUID.randomUUID()).campaignId(UUID.fromString(id))
                    .eventType(i < 4 ? EventType.IMPRESSION : i == 4 ? EventType.CLICK : EventType.CONVERSION).channel("email")
                    .value(i == 5 ? new BigDecimal("120.00") : null).userAgent("Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0"));
            assertEquals("accepted", outcome.getData().getStatus().getValue());
        }
        budgets.recordSpend(id, new SpendCommand().amount(new BigDecimal("60.00")).entryType(SpendEntryType.SPEND).channelId("email"),
                UUID.randomUUID().toString());

        var report = analytics.getCampaignAnalytics(id, null, null, "7d", null, null, "day", null, null, null, null, null).getData();
        assertEquals(4L, report.getSummary().getTotalImpressions());
        assertEquals(1L, report.getSummary().getTotalClicks());
        assertEquals(1L, report.getSummary().getTotalConversions());
        assertEquals(0, new BigDecimal("2.00").compareTo(report.getSummary().getRoas()), "120 revenue / 60 spend");
        assertEquals(7, report.getDailyStats().size());

        var dashboard = analytics.getDashboard(id, null, "EUR", null, null, null, null, "30d", null, null, null, null, null, null, null, null)
                .getData();
        assertEquals(1, dashboard.getSummary().getTotalCampaigns());
        assertEquals(0, new BigDecimal("120.00").compareTo(dashboard.getSummary().getTotalRevenue()));

        File csv = exports.exportAnalytics(null, null, id, null, null, null, "7d", null, null, "csv", "day", null, "clicks,conversions", null,
                null, null, null, null, null, null);
        List<String> lines = Files.readAllLines(csv.toPath());
        assertEquals("Date,Campaign Name,Template Type,Clicks,Conversions", lines.get(0));
        assertEquals(8, lines.size(), "a header and seven days");
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.endsWith(",1,1")), lines.toString());
    }
}
