package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.admin;
import static dev.campaignfn.functions.campaigns.Api.analyst;
import static dev.campaignfn.functions.campaigns.Api.superAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import io.quarkus.test.junit.QuarkusTest;

/** Report schedules through the Lambda path: managed by settings.manage, read by campaigns.read, bad input named. */
@QuarkusTest
class ReportScheduleTest {

    static final String SCHEDULES = "/v1/marketing/admin/report-schedules";

    @Test
    void schedulesAreManagedAndTheirDueWeekIsShown() {
        String campaign = Api.createRunningWindow("Reported weekly", "1000", "email");
        ApiGateway.Response created = superAdmin().post(SCHEDULES, """
                {"name": "Monday report", "scope": "campaign", "campaign_id": "%s", "frequency": "weekly", "format": "excel"}
                """.formatted(campaign));
        assertEquals(201, created.status(), created::toString);
        assertEquals("Europe/Paris", created.json().getString("data.time_zone"), "the campaign's zone by default");
        assertEquals("xlsx", created.json().getString("data.format"));
        assertEquals(List.of(), created.json().getList("data.webhook_ids"), "every enabled webhook");
        LocalDate monday = LocalDate.parse(created.json().getString("data.due_period.start_date"));
        assertEquals(java.time.DayOfWeek.MONDAY, monday.getDayOfWeek());
        assertTrue(monday.plusDays(6).isBefore(LocalDate.now(ZoneId.of("Europe/Paris"))), "a complete week");
        String id = created.json().getString("data.id");

        assertEquals(1, analyst().get(SCHEDULES).json().getList("data.findAll { it.id == '" + id + "' }").size());
        assertEquals(200, analyst().get(SCHEDULES + "/" + id + "/deliveries").status());
        assertEquals(403, admin().post(SCHEDULES, "{}").status(), "marketing_admin may not manage settings");
        assertEquals(403, analyst().delete(SCHEDULES + "/" + id).status());

        ApiGateway.Response dashboard = superAdmin().header("If-Match", "\"0\"").put(SCHEDULES + "/" + id, """
                {"name": "Daily dashboard", "scope": "dashboard", "campaign_ids": ["%s"], "frequency": "daily", "time_zone": "America/New_York",
                 "enabled": false}
                """.formatted(campaign));
        assertEquals(200, dashboard.status(), dashboard::toString);
        assertEquals("csv", dashboard.json().getString("data.format"));
        assertEquals(false, dashboard.json().getBoolean("data.enabled"));
        assertEquals(1, dashboard.json().getInt("data.due_period.days"));
        assertEquals(412, superAdmin().header("If-Match", "\"0\"").put(SCHEDULES + "/" + id, """
                {"name": "x", "scope": "dashboard", "frequency": "daily"}""").status(), "a stale version");

        assertEquals(204, superAdmin().delete(SCHEDULES + "/" + id).status());
        assertEquals(404, analyst().get(SCHEDULES + "/" + id).status());
        assertEquals(404, analyst().get(SCHEDULES + "/" + id + "/deliveries").status());
    }

    @Test
    void badSchedulesAreRefusedWithTheirField() {
        String campaign = Api.createRunningWindow("Badly reported", "1000", "email");
        String[][] cases = {
                { "{\"scope\": \"campaign\", \"campaign_id\": \"" + campaign + "\", \"frequency\": \"weekly\"}", "name" },
                { "{\"name\": \"x\", \"scope\": \"campaign\", \"frequency\": \"weekly\"}", "campaign_id" },
                { "{\"name\": \"x\", \"scope\": \"campaign\", \"campaign_id\": \"" + UUID.randomUUID() + "\", \"frequency\": \"weekly\"}", "campaign_id" },
                { "{\"name\": \"x\", \"scope\": \"dashboard\", \"campaign_id\": \"" + campaign + "\", \"frequency\": \"weekly\"}", "campaign_id" },
                { "{\"name\": \"x\", \"scope\": \"dashboard\", \"campaign_ids\": [\"" + UUID.randomUUID() + "\"], \"frequency\": \"weekly\"}", "campaign_ids" },
                { "{\"name\": \"x\", \"scope\": \"dashboard\", \"frequency\": \"hourly\"}", "frequency" },
                { "{\"name\": \"x\", \"scope\": \"everything\", \"frequency\": \"daily\"}", "scope" },
                { "{\"name\": \"x\", \"scope\": \"dashboard\", \"frequency\": \"daily\", \"time_zone\": \"Mars/Olympus\"}", "time_zone" },
                { "{\"name\": \"x\", \"scope\": \"dashboard\", \"frequency\": \"daily\", \"format\": \"pdf\"}", "format" },
                { "{\"name\": \"x\", \"scope\": \"dashboard\", \"frequency\": \"daily\", \"webhook_ids\": [\"" + UUID.randomUUID() + "\"]}", "webhook_ids" },
        };
        for (String[] bad : cases) {
            ApiGateway.Response refused = superAdmin().post(SCHEDULES, bad[0]);
            assertEquals(400, refused.status(), bad[0] + ": " + refused);
            assertEquals(bad[1], refused.json().getString("errors[0].field"), bad[0] + ": " + refused);
        }
    }
}
