package dev.campaignfn.functions.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.campaignfn.testing.ApiGateway;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Who may read analytics (every role with analytics.read; nobody anonymous; an identity without the
 * permission is refused), and every bad parameter: a 400 problem naming it, or a 404 for an unknown
 * campaign. Never a 500.
 */
@QuarkusTest
class AnalyticsAccessTest {

    static final String BASE = ReportAccuracyTest.BASE;

    @Inject
    World world;

    UUID campaign;

    @BeforeEach
    void history() {
        campaign = world.build().ids().get(0);
    }

    List<String> routes() {
        String c = BASE + "/campaigns/" + campaign;
        return List.of(c, c + "/summary", c + "/daily", c + "/segmented", c + "/funnel", c + "/channels", c + "/roi",
                BASE + "/compare?campaign_ids=" + campaign, BASE + "/roi", BASE + "/dashboard", BASE + "/attribution", BASE + "/stream",
                BASE + "/metrics");
    }

    @Test
    void theMetricsAreDescribedWithTheFieldsReportsUse() {
        JsonNode metrics = Expected.json(ApiGateway.as("analyst@example.com", "analyst").get(BASE + "/metrics")).path("data");
        JsonNode summary = Expected.json(ApiGateway.as("analyst@example.com", "analyst").get(BASE + "/campaigns/" + campaign + "/summary"))
                .path("data").path("summary");
        JsonNode point = Expected.json(ApiGateway.as("analyst@example.com", "analyst").get(BASE + "/campaigns/" + campaign
                + "/daily?metrics=" + String.join(",", metrics.findValuesAsText("metric")))).path("data").path("daily_stats").path(0);
        assertEquals(16, metrics.size());
        for (JsonNode metric : metrics) {
            assertTrue(summary.has(metric.path("summary_field").asText()), () -> "the summary has " + metric);
            assertTrue(point.has(metric.path("series_field").asText()), () -> "a series point has " + metric);
        }
        JsonNode ctr = metrics.path(6);
        assertEquals("ctr", ctr.path("metric").asText());
        assertEquals("percent", ctr.path("unit").asText());
        assertEquals("click_through_rate", ctr.path("series_field").asText());
        assertEquals("Click Through Rate (%)", ctr.path("export_header").asText());
        assertTrue(ctr.path("rule_metric").asBoolean());
        assertEquals("total_spend", metrics.path(5).path("summary_field").asText());
        assertTrue(metrics.path(5).path("lower_is_better").asBoolean());
    }

    @Test
    void everyRoleWithAnalyticsReadAndNobodyElse() {
        for (String route : routes()) {
            for (String role : List.of("super_admin", "marketing_admin", "analyst")) {
                ApiGateway.Response answer = ApiGateway.as(role + "@example.com", role).get(route);
                assertEquals(200, answer.status(), () -> role + " " + route + ": " + answer);
                assertTrue(Expected.json(answer).path("success").asBoolean());
            }
            assertEquals(401, ApiGateway.anonymous().get(route).status(), route);
            ApiGateway.Response stranger = ApiGateway.as("visitor@example.com").get(route);
            assertEquals(403, stranger.status(), () -> route + ": " + stranger);
            assertEquals(200, ApiGateway.as("robot@example.com").scopes("analytics.read").get(route).status(), "scope grants " + route);
        }
    }

    @Test
    void everyBadParameterIsNamed() {
        String c = BASE + "/campaigns/" + campaign;
        List<String[]> cases = new ArrayList<>(List.of(
                new String[] { c + "?date_range=2w", "date_range" },
                new String[] { c + "?start_date=2026-13-01&end_date=2026-12-01", "start_date" },
                new String[] { c + "?start_date=2026-10-01", "end_date" },
                new String[] { c + "?end_date=2026-10-01", "start_date" },
                new String[] { c + "?start_date=2026-10-02&end_date=2026-10-01", "start_date" },
                new String[] { c + "?start_date=2020-01-01&end_date=2026-10-01", "end_date" },
                new String[] { c + "?group_by=year", "group_by" },
                new String[] { c + "?metrics=views,likes", "metrics" },
                new String[] { c + "?device_type=phone", "device_type" },
                new String[] { c + "?channel=Bad%20Channel", "channel" },
                new String[] { c + "?audience_segment=" + "x".repeat(101), "audience_segment" },
                new String[] { c + "?audience_segment=a%00b", "audience_segment" },
                new String[] { c + "?start_date=%2B999999999-12-31&end_date=%2B999999999-12-31", "start_date" },
                new String[] { BASE + "/stream?last_updated=%2B999999999-12-31T00:00:00Z", "last_updated" },
                new String[] { c + "?tz=Mars/Olympus", "tz" },
                new String[] { c + "?include_bots=yes", "include_bots" },
                new String[] { c + "/segmented?segment_by=colour", "segment_by" },
                new String[] { c + "/roi?remaining_days=-1", "remaining_days" },
                new String[] { BASE + "/campaigns/not-a-uuid", "id" },
                new String[] { BASE + "/compare", "campaign_ids" },
                new String[] { BASE + "/compare?campaign_ids=" + campaign + ",nope", "campaign_ids" },
                new String[] { BASE + "/dashboard?top=0", "top" },
                new String[] { BASE + "/dashboard?sort=likes", "sort" },
                new String[] { BASE + "/dashboard?currency=eur", "currency" },
                new String[] { BASE + "/dashboard?status=running", "status" },
                new String[] { BASE + "/roi?campaign_ids=1,2", "campaign_ids" }));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append(UUID.randomUUID());
        }
        cases.add(new String[] { BASE + "/compare?campaign_ids=" + many, "campaign_ids" });
        for (String[] bad : cases) {
            ApiGateway.Response answer = ReportAccuracyTest.analyst().get(bad[0]);
            assertEquals(400, answer.status(), () -> bad[0] + ": " + answer);
            JsonNode problem = Expected.json(answer);
            assertEquals(bad[1], problem.at("/errors/0/field").asText(), () -> bad[0] + ": " + answer);
            assertEquals("application/problem+json", answer.header("Content-Type"), bad[0]);
            assertTrue(problem.path("message").asText().length() > 0);
        }
        UUID unknown = UUID.randomUUID();
        for (String route : List.of(BASE + "/campaigns/" + unknown, BASE + "/campaigns/" + unknown + "/roi",
                BASE + "/compare?campaign_ids=" + campaign + "," + unknown, BASE + "/dashboard?campaign_ids=" + unknown)) {
            ApiGateway.Response answer = ReportAccuracyTest.analyst().get(route);
            assertEquals(404, answer.status(), () -> route + ": " + answer);
        }
    }

    @Test
    void emptyPeriodsAnswerZerosNotGaps() {
        JsonNode data = Expected.json(ReportAccuracyTest.analyst().get(BASE + "/campaigns/" + campaign
                + "?start_date=2025-01-01&end_date=2025-01-10")).path("data");
        assertEquals(10, data.path("daily_stats").size(), "a point per day, with zeros");
        assertEquals(0, data.at("/daily_stats/3/views").asLong(-1));
        assertTrue(data.at("/summary/click_through_rate").isNull(), "no impressions: no CTR, not 0");
        assertTrue(data.at("/period_change_exact/views").isNull(), "nothing before: no change");
        assertEquals(0, data.at("/period_change/views").asInt(-1), "seed 004 answers 0 there");
        assertEquals("UTC", data.path("time_zone").asText());
        assertEquals("EUR", data.path("currency").asText());
    }
}
