package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.CAMPAIGNS;
import static dev.campaignfn.functions.campaigns.Api.admin;
import static dev.campaignfn.functions.campaigns.Api.analyst;
import static dev.campaignfn.functions.campaigns.Api.superAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Rules, rule templates, alerts and webhooks through the Lambda path: who may do what, and bad input named. */
@QuarkusTest
class AutomationApiTest {

    static final String ADMIN = "/v1/marketing/admin";

    @Inject
    DataSource dataSource;

    @Test
    void rulesAreManagedPerCampaignAndTemplatesFillWhatIsLeftOut() {
        String id = Api.createRunningWindow("Automated", "1000", "email");
        String rules = CAMPAIGNS + "/" + id + "/rules";
        ApiGateway.Response created = admin().post(rules, """
                {"name": "ROAS guard", "trigger_type": "performance_threshold", "trigger_config": {"metric": "roas", "value": 1.5},
                 "actions": [{"type": "pause_campaign"}, {"type": "send_alert", "severity": "critical"}], "cooldown_minutes": 120}
                """);
        assertEquals(201, created.status(), created::toString);
        assertEquals("below", created.json().getString("data.trigger_config.operator"), "defaults filled in");
        assertEquals(7, created.json().getInt("data.trigger_config.window_days"));
        assertEquals(1000, created.json().getInt("data.trigger_config.min_impressions"));
        String ruleId = created.json().getString("data.id");
        assertEquals(1, analyst().get(rules).json().getList("data").size());
        assertEquals(200, analyst().get(rules + "/" + ruleId + "/runs").status());
        assertEquals(200, analyst().get(CAMPAIGNS + "/" + id + "/rule-runs").status());
        assertEquals(200, analyst().get(CAMPAIGNS + "/" + id + "/alerts").status());
        assertEquals(200, analyst().get(CAMPAIGNS + "/" + id).status(), "the campaign routes are not shadowed");

        ApiGateway.Response template = admin().post(ADMIN + "/rule-templates", """
                {"name": "Budget 90 % alert %s", "trigger_type": "budget_threshold", "trigger_config": {"spent_percentage": 90},
                 "actions": [{"type": "send_alert"}], "guardrails": {"cooldown_minutes": 1440, "dry_run": true}}
                """.replace("%s", UUID.randomUUID().toString()));
        assertEquals(201, template.status(), template::toString);
        ApiGateway.Response fromTemplate = admin().post(rules, "{\"template_id\": \"" + template.json().getString("data.id") + "\"}");
        assertEquals(201, fromTemplate.status(), fromTemplate::toString);
        assertEquals("budget_threshold", fromTemplate.json().getString("data.trigger_type"));
        assertEquals(1440, fromTemplate.json().getInt("data.cooldown_minutes"));
        assertEquals(true, fromTemplate.json().getBoolean("data.dry_run"));

        ApiGateway.Response updated = admin().header("If-Match", "\"0\"").put(rules + "/" + ruleId, """
                {"name": "ROAS guard", "trigger_type": "performance_threshold", "trigger_config": {"metric": "roas", "value": 1.2},
                 "actions": [{"type": "send_alert"}], "enabled": false}
                """);
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(false, updated.json().getBoolean("data.enabled"));
        assertEquals(204, admin().delete(rules + "/" + ruleId).status());
        assertEquals(404, analyst().get(rules + "/" + ruleId).status());
    }

    /** Seed 000's AutomationRule as its CampaignAutomation writes it: trigger {type, config}, actions' config, its keys. */
    @Test
    void rulesWrittenAsSeed000WritesThemAreAccepted() {
        String id = Api.createRunningWindow("Seed rules", "1000", "email");
        String rules = CAMPAIGNS + "/" + id + "/rules";
        ApiGateway.Response budget = admin().post(rules, """
                {"name": "Spent 80 %", "trigger": {"type": "budget_threshold", "config": {"percentage": 80}},
                 "actions": [{"type": "pause_campaign", "config": {"reason": "Budget nearly spent"}}], "enabled": true}
                """);
        assertEquals(201, budget.status(), budget::toString);
        assertEquals("budget_threshold", budget.json().getString("data.trigger_type"));
        assertEquals(80, budget.json().getInt("data.trigger_config.spent_percentage"));
        assertEquals("Budget nearly spent", budget.json().getString("data.actions[0].reason"));

        ApiGateway.Response cpa = admin().post(rules, """
                {"name": "CPA ceiling", "trigger": {"type": "performance_threshold", "config": {"metric": "cpa", "threshold": 25}},
                 "actions": [{"type": "send_alert", "config": {"severity": "warning"}}]}
                """);
        assertEquals(201, cpa.status(), cpa::toString);
        assertEquals(25, cpa.json().getInt("data.trigger_config.value"));
        assertEquals("above", cpa.json().getString("data.trigger_config.operator"), "the seed compares cpa above its threshold");

        ApiGateway.Response time = admin().post(rules, """
                {"name": "Last day", "trigger": {"type": "time_based", "config": {"condition": "before_end", "hours": 24}},
                 "actions": [{"type": "send_alert", "config": {}}]}
                """);
        assertEquals(201, time.status(), time::toString);
        assertEquals(24, time.json().getInt("data.trigger_config.hours_before_end"));

        for (String bad : List.of(
                "{\"name\": \"x\", \"trigger\": {\"type\": \"time_based\", \"config\": {\"condition\": \"at_noon\", \"hours\": 2}}, \"actions\": [{\"type\": \"send_alert\"}]}",
                "{\"name\": \"x\", \"trigger\": {\"type\": \"budget_threshold\", \"config\": {\"percentage\": 80, \"spent_percentage\": 90}}, \"actions\": [{\"type\": \"send_alert\"}]}",
                "{\"name\": \"x\", \"trigger_type\": \"budget_threshold\", \"trigger_config\": {\"percentage\": 80}, \"actions\": [{\"type\": \"send_alert\", \"config\": 3}]}")) {
            ApiGateway.Response refused = admin().post(rules, bad);
            assertEquals(400, refused.status(), bad + ": " + refused);
        }
    }

    @Test
    void aRulesETagIsTheVersionItIsStoredAt() {
        String id = Api.createRunningWindow("Versioned rule", "1000", "email");
        String rules = CAMPAIGNS + "/" + id + "/rules";
        for (String body : List.of("""
                {"name": "ROAS guard", "trigger_type": "performance_threshold", "trigger_config": {"metric": "roas", "value": 1.5},
                 "actions": [{"type": "send_alert"}], "max_budget_change": 12.5}
                """, """
                {"name": "Spent 5 percent", "trigger_type": "budget_threshold", "trigger_config": {"spent_percentage": 5},
                 "actions": [{"type": "send_alert", "severity": "warning"}], "cooldown_minutes": 120}
                """)) {
            assertETagsAreStoredVersions(rules, body);
        }
    }

    private void assertETagsAreStoredVersions(String rules, String body) {
        ApiGateway.Response created = admin().post(rules, body);
        assertEquals(201, created.status(), created::toString);
        String rule = rules + "/" + created.json().getString("data.id");
        Rows rows = new Rows(dataSource);
        Object stored = rows.value("select version from automation_rules where id = ?", UUID.fromString(created.json().getString("data.id")));
        assertEquals("\"" + stored + "\"", created.header("ETag"), "create answers the version stored");
        assertEquals(created.header("ETag"), analyst().get(rule).header("ETag"), "a read answers it too");
        ApiGateway.Response updated = admin().header("If-Match", created.header("ETag")).put(rule, body.replace("Spent 5", "Spent 6")
                .replace("1.5", "1.2"));
        assertEquals(200, updated.status(), updated::toString);
        Object after = rows.value("select version from automation_rules where id = ?", UUID.fromString(created.json().getString("data.id")));
        assertEquals("\"" + after + "\"", updated.header("ETag"), "an update answers the version stored");
        assertEquals(updated.header("ETag"), analyst().get(rule).header("ETag"));
        assertEquals(412, admin().header("If-Match", created.header("ETag")).put(rule, body).status(), "the old version is stale");
    }

    @Test
    void badRulesAndWrongCallersAreRefused() {
        String id = Api.createRunningWindow("Automation refusals", "1000", "email");
        String rules = CAMPAIGNS + "/" + id + "/rules";
        String[][] cases = {
                { "{\"name\": \"x\", \"trigger_type\": \"budget_threshold\", \"trigger_config\": {\"spent_percentage\": \"high\"}, \"actions\": [{\"type\": \"send_alert\"}]}", "trigger_config.spent_percentage" },
                { "{\"name\": \"x\", \"trigger_type\": \"time_based\", \"trigger_config\": {\"hours_before_end\": 1, \"hours_after_start\": 2}, \"actions\": [{\"type\": \"send_alert\"}]}", "trigger_config.hours_before_end" },
                { "{\"name\": \"x\", \"trigger_type\": \"budget_threshold\", \"trigger_config\": {\"spent_percentage\": 50}, \"actions\": []}", "actions" },
                { "{\"name\": \"x\", \"trigger_type\": \"budget_threshold\", \"trigger_config\": {\"spent_percentage\": 50}, \"actions\": [{\"type\": \"adjust_budget\"}]}", "actions[0].amount" },
                { "{\"name\": \"x\", \"trigger_type\": \"budget_threshold\", \"trigger_config\": {\"spent_percentage\": 50}, \"actions\": [{\"type\": \"send_alert\"}], \"min_budget\": 500, \"max_budget\": 100}", "min_budget" },
                { "{\"name\": \"x\", \"trigger_type\": \"budget_threshold\", \"trigger_config\": {\"spent_percentage\": 50}, \"actions\": [{\"type\": \"send_alert\"}], \"cooldown_minutes\": -1}", "cooldown_minutes" },
                { "{\"template_id\": \"not-a-uuid\"}", "template_id" } };
        for (String[] bad : cases) {
            ApiGateway.Response refused = admin().post(rules, bad[0]);
            assertEquals(400, refused.status(), () -> bad[0] + " -> " + refused);
            assertEquals(bad[1], refused.json().getString("errors[0].field"), () -> bad[0] + " -> " + refused);
        }
        assertEquals(404, admin().post(rules, "{\"template_id\": \"" + UUID.randomUUID() + "\"}").status());
        assertEquals(404, admin().post(CAMPAIGNS + "/" + UUID.randomUUID() + "/rules", "{}").status());
        assertEquals(0, analyst().get(rules).json().getList("data").size(), "nothing stored");

        String rule = "{\"name\": \"x\", \"trigger_type\": \"budget_threshold\", \"trigger_config\": {\"spent_percentage\": 50}, \"actions\": [{\"type\": \"send_alert\"}]}";
        assertEquals(403, analyst().post(rules, rule).status(), "analysts read rules, they do not write them");
        assertEquals(401, ApiGateway.anonymous().get(rules).status());
        assertEquals(401, ApiGateway.anonymous().get(ADMIN + "/alerts").status());
    }

    @Test
    void webhooksNeedSettingsManageAndShowTheirSecretOnce() {
        String body = "{\"name\": \"Ops\", \"url\": \"https://hooks.example.com/alerts\", \"format\": \"slack\"}";
        assertEquals(403, admin().post(ADMIN + "/webhooks", body).status(), "marketing admins do not manage settings");
        ApiGateway.Response created = superAdmin().post(ADMIN + "/webhooks", body);
        assertEquals(201, created.status(), created::toString);
        assertNotNull(created.json().getString("data.secret"));
        List<Object> secrets = superAdmin().get(ADMIN + "/webhooks").json().getList("data.secret");
        secrets.forEach(s -> assertNull(s, "never shown again"));
        ApiGateway.Response badUrl = superAdmin().post(ADMIN + "/webhooks", "{\"name\": \"x\", \"url\": \"ftp://x\"}");
        assertEquals(400, badUrl.status());
        assertEquals("url", badUrl.json().getString("errors[0].field"));
        assertEquals(404, superAdmin().post(ADMIN + "/alerts/" + UUID.randomUUID() + "/acknowledge", null).status());
        assertEquals(204, superAdmin().delete(ADMIN + "/webhooks/" + created.json().getString("data.id")).status());
    }
}
