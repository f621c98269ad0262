package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.CAMPAIGNS;
import static dev.campaignfn.functions.campaigns.Api.admin;
import static dev.campaignfn.functions.campaigns.Api.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class KpiContentPlanTest {

    private static final String PLANS = "/v1/marketing/admin/plans";

    @Test
    void kpisMeasureTheirMetricOrCarryTheCallersFigure() {
        String id = Api.launched("KPIs", "1000", "email");
        admin().post(CAMPAIGNS + "/" + id + "/spend", "{\"amount\": 200}");
        ApiGateway.Response spend = admin().post(CAMPAIGNS + "/" + id + "/kpis",
                "{\"name\": \"Spend ceiling\", \"metric\": \"spend\", \"target\": 250}");
        assertEquals(201, spend.status(), spend::toString);
        assertEquals("EUR", spend.json().getString("data.unit"));
        assertEquals("200.00", spend.json().getString("data.current"));
        assertEquals("125.00", spend.json().getString("data.percentage"), "a cost under its ceiling reads above 100");
        assertEquals("on_track", spend.json().getString("data.target_status"), "under the ceiling as a whole");
        // but 200 spent in the first two or three days of a month is far ahead of the ceiling's pace
        assertEquals("pace", spend.json().getString("data.judged_by"));
        BigDecimal elapsed = new BigDecimal(spend.json().getString("data.elapsed_percent"));
        BigDecimal expected = new BigDecimal("250").multiply(elapsed).divide(new BigDecimal("100"), 2, java.math.RoundingMode.HALF_UP);
        // elapsed_percent is rounded to two decimals, expected is computed from the exact share
        assertTrue(expected.subtract(new BigDecimal(spend.json().getString("data.expected"))).abs().compareTo(new BigDecimal("0.02")) <= 0,
                spend::toString);
        expected = new BigDecimal(spend.json().getString("data.expected"));
        assertEquals(0, expected.multiply(new BigDecimal("100")).divide(new BigDecimal("200"), 2, java.math.RoundingMode.HALF_UP)
                .compareTo(new BigDecimal(spend.json().getString("data.pace_percentage"))), spend::toString);
        assertEquals("behind", spend.json().getString("data.pace_status"));
        assertEquals("behind", spend.json().getString("data.status"), "judged on its pace");

        ApiGateway.Response plain = admin().post(CAMPAIGNS + "/" + id + "/kpis",
                "{\"name\": \"Spend as a whole\", \"metric\": \"spend\", \"target\": 250, \"judged_by\": \"target\"}");
        assertEquals(201, plain.status(), plain::toString);
        assertEquals("on_track", plain.json().getString("data.status"), "judged on the whole target, as seed 000 does");
        assertEquals("behind", plain.json().getString("data.pace_status"), "the pace is still shown");
        ApiGateway.Response ratioPace = admin().post(CAMPAIGNS + "/" + id + "/kpis",
                "{\"name\": \"ROAS paced\", \"metric\": \"roas\", \"target\": 3, \"judged_by\": \"pace\"}");
        assertEquals(400, ratioPace.status(), ratioPace::toString);
        assertEquals("judged_by", ratioPace.json().getString("errors[0].field"));
        assertEquals(204, admin().delete(CAMPAIGNS + "/" + id + "/kpis/" + plain.json().getString("data.id")).status());

        ApiGateway.Response cpa = admin().post(CAMPAIGNS + "/" + id + "/kpis", "{\"name\": \"CPA\", \"metric\": \"cpa\", \"target\": 20}");
        assertNull(cpa.json().get("data.current"), "no conversions: CPA is undefined");
        assertEquals("behind", cpa.json().getString("data.status"));

        ApiGateway.Response manual = admin().post(CAMPAIGNS + "/" + id + "/kpis",
                "{\"name\": \"NPS\", \"target\": 50, \"current\": 35, \"unit\": \"points\"}");
        String kpi = manual.json().getString("data.id");
        assertEquals("at_risk", manual.json().getString("data.status"));
        ApiGateway.Response duplicate = admin().post(CAMPAIGNS + "/" + id + "/kpis", "{\"name\": \"NPS\", \"target\": 5, \"unit\": \"x\"}");
        assertEquals(400, duplicate.status());
        assertEquals("name", duplicate.json().getString("errors[0].field"));

        ApiGateway.Response updated = admin().put(CAMPAIGNS + "/" + id + "/kpis/" + kpi,
                "{\"name\": \"NPS\", \"target\": 50, \"current\": 20, \"unit\": \"points\"}");
        assertEquals("behind", updated.json().getString("data.status"));
        assertEquals(List.of("Spend ceiling", "CPA", "NPS"), analyst().get(CAMPAIGNS + "/" + id + "/kpis").json().getList("data.name"));
        assertEquals(204, admin().delete(CAMPAIGNS + "/" + id + "/kpis/" + kpi).status());
        assertEquals(404, analyst().get(CAMPAIGNS + "/" + id + "/kpis/" + kpi).status());
        assertEquals(2, analyst().get(CAMPAIGNS + "/" + id).json().getList("data.kpis").size());
    }

    @Test
    void contentPlanItemsMoveThroughTheirStatuses() {
        String id = Api.createRunningWindow("Content", "10", "instagram");
        ApiGateway.Response created = admin().post(CAMPAIGNS + "/" + id + "/content",
                "{\"type\": \"reel\", \"title\": \"Teaser\", \"channel\": \"instagram\", \"publish_date\": \"2031-01-05T09:00:00Z\"}");
        assertEquals(201, created.status(), created::toString);
        assertEquals("planned", created.json().getString("data.status"));
        String item = created.json().getString("data.id");
        for (String status : List.of("in_progress", "completed", "published")) {
            ApiGateway.Response moved = admin().put(CAMPAIGNS + "/" + id + "/content/" + item,
                    "{\"type\": \"reel\", \"title\": \"Teaser\", \"channel\": \"instagram\", \"status\": \"" + status
                            + "\", \"content_url\": \"https://cdn.example.com/teaser.mp4\"}");
            assertEquals(status, moved.json().getString("data.status"));
        }
        assertEquals("https://cdn.example.com/teaser.mp4",
                analyst().get(CAMPAIGNS + "/" + id + "/content/" + item).json().getString("data.content_url"));
        assertEquals(1, analyst().get(CAMPAIGNS + "/" + id + "/content").json().getList("data").size());
        assertEquals(204, admin().delete(CAMPAIGNS + "/" + id + "/content/" + item).status());
    }

    @Test
    void planValidationReportsTheSeedsErrorsAndWarnings() {
        ApiGateway.Response checked = analyst().post(PLANS + "/validate", """
                {"name": "Launch plan", "objectives": [],
                 "timeline": {"start_date": "2031-03-01T00:00:00Z", "end_date": "2031-03-31T00:00:00Z",
                              "milestones": [{"name": "Kick-off", "date": "2031-02-20T00:00:00Z", "deliverables": ["brief"]}]},
                 "budget": {"total": 1000, "allocations": {"facebook": 800, "email": 150}, "contingency": 100},
                 "channels": [{"channel": "facebook", "budget": 800,
                               "tactics": [{"name": "Retargeting", "start_date": "2031-03-05T00:00:00Z", "end_date": "2031-04-05T00:00:00Z", "budget": 900}]}],
                 "risks": [{"description": "Creative late", "probability": "high", "impact": "high"}]}
                """);
        assertEquals(200, checked.status(), checked::toString);
        var data = checked.json();
        assertFalse(data.getBoolean("data.valid"));
        List<String> errors = data.getList("data.errors.message");
        assertTrue(errors.contains("Campaign must have at least one objective"), errors::toString);
        assertTrue(errors.contains("Budget allocation exceeds total budget"), errors::toString);
        assertTrue(errors.contains("Milestone 'Kick-off' falls outside the campaign timeline"), errors::toString);
        assertTrue(errors.contains("Tactic 'Retargeting' runs outside the campaign timeline"), errors::toString);
        List<String> warnings = data.getList("data.warnings.message");
        assertTrue(warnings.contains("Campaign has no KPIs defined"), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Tactic budgets (900")), warnings::toString);
        assertTrue(warnings.contains("High-probability, high-impact risk has no mitigation"), warnings::toString);
        assertTrue(data.getList("data.errors.field").contains("timeline.milestones[0].date"));
        assertEquals(errors, data.getList("data.error_messages"), "the seed's string list, in the same order");
        assertEquals(warnings, data.getList("data.warning_messages"));

        ApiGateway.Response fine = analyst().post(PLANS + "/validate", """
                {"name": "Good plan", "objectives": ["Sell"],
                 "timeline": {"start_date": "2031-03-01T00:00:00Z", "end_date": "2031-03-31T00:00:00Z"},
                 "budget": {"total": 1000, "allocations": {"facebook": 800}, "contingency": 100},
                 "channels": [{"channel": "facebook", "budget": 800}], "kpis": [{"name": "Sales", "target": 100}]}
                """);
        assertTrue(fine.json().getBoolean("data.valid"), fine::toString);
        assertTrue(fine.json().getList("data.warnings").isEmpty());
    }

    @Test
    void estimatesUseTheBenchmarksAndNeverDivideByZero() {
        ApiGateway.Response estimate = analyst().post(PLANS + "/estimate", """
                {"name": "Estimate", "timeline": {"start_date": "2031-03-01T00:00:00Z", "end_date": "2031-03-31T00:00:00Z"},
                 "budget": {"total": 3000},
                 "channels": [{"channel": "facebook", "budget": 1000},
                              {"channel": "google_search", "budget": 2000},
                              {"channel": "email", "budget": 0},
                              {"channel": "email_vip", "budget": 0, "target_metrics": {"recipients": 5000}}]}
                """);
        assertEquals(200, estimate.status(), estimate::toString);
        var data = estimate.json();
        // facebook: 1000 / 10 x 1000 = 100000 impressions, 2000 clicks, 40 conversions, reach 30000
        assertEquals(100000, data.getInt("data.channels[0].estimate.expected_impressions"));
        assertEquals(2000, data.getInt("data.channels[0].estimate.expected_clicks"));
        assertEquals(40, data.getInt("data.channels[0].estimate.expected_conversions"));
        assertEquals(30000, data.getInt("data.channels[0].estimate.expected_reach"));
        assertEquals("0.50", data.getString("data.channels[0].estimate.expected_cpc"));
        // google_search: 2000 / 20 x 1000 = 100000 impressions, 5000 clicks, 100 conversions
        assertEquals(5000, data.getInt("data.channels[1].estimate.expected_clicks"));
        // email has CPM 0 and no volume: not estimated, with a warning instead of infinity
        assertNull(data.get("data.channels[2].estimate.expected_impressions"));
        assertTrue(data.getString("data.warnings[0]").contains("'email'"));
        // email_vip falls back to 'default' (CPM 10), so its 0 budget buys nothing; the plan's volume is not needed
        assertEquals(0, data.getInt("data.channels[3].estimate.expected_impressions"));
        assertNull(data.get("data.channels[3].estimate.expected_cpm"), "zero impressions: CPM undefined");
        assertEquals(200000, data.getInt("data.totals.expected_impressions"));
        assertEquals(7000, data.getInt("data.totals.expected_clicks"));
        assertEquals("15.00", data.getString("data.totals.expected_cpm"));
        assertEquals("3000.00", data.getString("data.totals.budget"));
    }

    @Test
    void operatorsConfigureBenchmarks() {
        ApiGateway.Request operator = Api.superAdmin();
        ApiGateway.Response set = operator.put(PLANS + "/benchmarks/email",
                "{\"cpm\": 0, \"ctr\": 0.04, \"cvr\": 0.03, \"reach_ratio\": 0.9}");
        assertEquals(200, set.status(), set::toString);
        assertEquals("root@example.com", set.json().getString("data.updated_by"));
        ApiGateway.Response estimate = analyst().post(PLANS + "/estimate", """
                {"name": "Email", "timeline": {"start_date": "2031-03-01T00:00:00Z", "end_date": "2031-03-31T00:00:00Z"},
                 "budget": {"total": 100}, "channels": [{"channel": "email", "budget": 100, "target_metrics": {"recipients": 10000}}]}
                """);
        assertEquals(10000, estimate.json().getInt("data.channels[0].estimate.expected_impressions"));
        assertEquals(400, estimate.json().getInt("data.channels[0].estimate.expected_clicks"));
        assertEquals(12, estimate.json().getInt("data.channels[0].estimate.expected_conversions"));
        assertEquals(9000, estimate.json().getInt("data.channels[0].estimate.expected_reach"));
        assertEquals(403, admin().put(PLANS + "/benchmarks/email", "{\"cpm\": 1, \"ctr\": 0.1, \"cvr\": 0.1, \"reach_ratio\": 0.1}").status(),
                "marketing admins use benchmarks; operators set them");
        operator.put(PLANS + "/benchmarks/email", "{\"cpm\": 0, \"ctr\": 0.03, \"cvr\": 0.02, \"reach_ratio\": 0.3}");
        assertTrue(analyst().get(PLANS + "/benchmarks").json().getList("data.channel").contains("default"));
    }

    @Test
    void aChannelWithoutABenchmarkGetsOneAndGetsItBackAfterADelete() {
        ApiGateway.Request operator = Api.superAdmin();
        String benchmark = "{\"cpm\": 18.5, \"ctr\": 0.004, \"cvr\": 0.02, \"reach_ratio\": 0.7}";
        ApiGateway.Response added = operator.put(PLANS + "/benchmarks/podcast", benchmark);
        assertEquals(200, added.status(), added::toString);
        assertEquals(0, new java.math.BigDecimal("18.5").compareTo(new java.math.BigDecimal(added.json().getString("data.cpm"))), added::toString);
        assertEquals(204, Api.superAdmin().delete(PLANS + "/benchmarks/podcast").status());
        ApiGateway.Response again = Api.superAdmin().put(PLANS + "/benchmarks/podcast", benchmark);
        assertEquals(200, again.status(), again::toString);
        assertTrue(analyst().get(PLANS + "/benchmarks").json().getList("data.channel").contains("podcast"));
    }
}
