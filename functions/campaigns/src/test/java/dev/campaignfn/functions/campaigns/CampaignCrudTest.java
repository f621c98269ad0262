package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.CAMPAIGNS;
import static dev.campaignfn.functions.campaigns.Api.admin;
import static dev.campaignfn.functions.campaigns.Api.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CampaignCrudTest {

    private static final String START = "2031-03-01T00:00:00Z";
    private static final String END = "2031-03-31T00:00:00Z";
    private static final String UPDATED_NAME = "Spring sale (extended)";

    @Test
    void createAnswersTheCampaignWithLocationAndVersion() {
        ApiGateway.Response created = admin().post(CAMPAIGNS, Api.campaign("Spring sale", START, END, "1000", "email", "facebook"));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("data.id");
        assertEquals(CAMPAIGNS + "/" + id, java.net.URI.create(created.header("Location")).getPath());
        assertEquals("\"0\"", created.header("ETag"));
        var data = created.json();
        assertEquals(true, data.getBoolean("success"));
        assertEquals("draft", data.getString("data.status"));
        assertEquals("1000.00", data.getString("data.budget"));
        assertEquals("0.00", data.getString("data.actual_spend"));
        assertEquals("EUR", data.getString("data.currency"));
        assertEquals("Europe/Paris", data.getString("data.time_zone"));
        assertEquals(List.of("email", "facebook"), data.getList("data.channels"));
        assertEquals(START, data.getString("data.start_date"));
        assertEquals("alice@example.com", data.getString("data.created_by"));

        ApiGateway.Response got = analyst().get(CAMPAIGNS + "/" + id);
        assertEquals(200, got.status());
        assertEquals(created.json().getMap("data"), got.json().getMap("data"));

        ApiGateway.Response channels = analyst().get(CAMPAIGNS + "/" + id + "/channels");
        assertEquals("email", channels.json().getString("data[0].platform"));
        assertEquals("facebook", channels.json().getString("data[1].platform"));
        assertEquals("pending", channels.json().getString("data[1].status"));
    }

    @Test
    void timeZoneDefaultsToUtcAndKpisComeInline() {
        ApiGateway.Response created = admin().post(CAMPAIGNS, """
                {"name": "Inline KPIs", "type": "email", "start_date": "2031-01-01T00:00:00Z", "end_date": "2031-02-01T00:00:00Z",
                 "budget": 10, "currency": "USD",
                 "kpis": [{"name": "Clicks", "metric": "clicks", "target": 100},
                          {"name": "Signups", "target": 40, "current": 30, "unit": "signups"}]}
                """);
        assertEquals(201, created.status(), created::toString);
        assertEquals("UTC", created.json().getString("data.time_zone"));
        assertEquals("count", created.json().getString("data.kpis[0].unit"));
        assertEquals("0", created.json().getString("data.kpis[0].current"));
        // a count is judged on its pace: nothing is due before the campaign's first day
        assertEquals("pace", created.json().getString("data.kpis[0].judged_by"));
        assertEquals("0.00", created.json().getString("data.kpis[0].elapsed_percent"));
        assertEquals("on_track", created.json().getString("data.kpis[0].status"));
        assertEquals("behind", created.json().getString("data.kpis[0].target_status"), "seed 000's plain threshold, beside");
        assertEquals("target", created.json().getString("data.kpis[1].judged_by"), "a caller's own figure: the target unless told");
        assertEquals("75.00", created.json().getString("data.kpis[1].percentage"));
        assertEquals("at_risk", created.json().getString("data.kpis[1].status"));
    }

    @Test
    void fullUpdateReplacesFieldsAndChecksTheVersion() {
        String id = Api.create(Api.campaign("To update", START, END, "500", "email"));
        String body = Api.campaign(UPDATED_NAME, START, "2031-04-30T00:00:00Z", "750.5", "email", "linkedin")
                .replace("\"description\": \"Test campaign\", ", "");
        ApiGateway.Response updated = admin().header("If-Match", "\"0\"").put(CAMPAIGNS + "/" + id, body);
        assertEquals(200, updated.status(), updated::toString);
        assertEquals(UPDATED_NAME, updated.json().getString("data.name"));
        assertNull(updated.json().getString("data.description"), "a full update clears what the body leaves out");
        assertEquals("750.50", updated.json().getString("data.budget"));
        assertEquals(List.of("email", "linkedin"), updated.json().getList("data.channels"));
        assertEquals("\"1\"", updated.header("ETag"));

        ApiGateway.Response stale = admin().header("If-Match", "\"0\"").put(CAMPAIGNS + "/" + id, body);
        assertEquals(412, stale.status(), stale::toString);
        assertEquals(1, stale.json().getInt("details.current_version"));
        assertEquals(UPDATED_NAME, analyst().get(CAMPAIGNS + "/" + id).json().getString("data.name"));

        ApiGateway.Response withoutChannels = admin().put(CAMPAIGNS + "/" + id,
                body.replace(", \"channels\": [\"email\",\"linkedin\"]", ""));
        assertEquals(200, withoutChannels.status(), withoutChannels::toString);
        assertEquals(List.of("email", "linkedin"), withoutChannels.json().getList("data.channels"),
                "channels absent from a PUT are left as they are");
    }

    @Test
    void listFiltersPagesAndSorts() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = Api.create(Api.campaign("Zeta " + tag, "2032-01-01T00:00:00Z", "2032-01-31T00:00:00Z", "1", "email"));
        String second = Api.create(Api.campaign("Alpha " + tag, "2032-02-01T00:00:00Z", "2032-02-28T00:00:00Z", "2", "tiktok"));
        String third = Api.create(Api.campaign("Mid " + tag, "2032-03-01T00:00:00Z", "2032-03-31T00:00:00Z", "3", "email"));
        admin().post(CAMPAIGNS + "/" + third + "/cancel", "{\"reason\": \"budget cut\"}");

        var byName = analyst().get(CAMPAIGNS + "?q=" + tag + "&sort=name&order=asc").json();
        assertEquals(List.of("Alpha " + tag, "Mid " + tag, "Zeta " + tag), byName.getList("data.name"));
        assertEquals(3, byName.getInt("pagination.total"));

        var paged = analyst().get(CAMPAIGNS + "?q=" + tag + "&sort=budget&order=desc&page=2&page_size=2").json();
        assertEquals(List.of(first), paged.getList("data.id"));
        assertEquals(2, paged.getInt("pagination.total_pages"));

        assertEquals(List.of(second), analyst().get(CAMPAIGNS + "?q=" + tag + "&channel=tiktok").json().getList("data.id"));
        assertEquals(List.of(third), analyst().get(CAMPAIGNS + "?q=" + tag + "&status=cancelled").json().getList("data.id"));
        assertEquals(2, analyst().get(CAMPAIGNS + "?q=" + tag + "&status=draft,cancelled&type=multichannel&channel=email")
                .json().getList("data").size());
        var overlapping = analyst().get(CAMPAIGNS + "?q=" + tag + "&start_date=2032-02-15&end_date=2032-03-02").json();
        assertEquals(List.of(second, third).stream().sorted().toList(),
                overlapping.getList("data.id", String.class).stream().sorted().toList());
        assertTrue(analyst().get(CAMPAIGNS + "?q=" + UUID.randomUUID()).json().getList("data").isEmpty());
    }

    @Test
    void onlyDraftsWithoutSpendAreDeleted() {
        String draft = Api.create(Api.campaign("Draft to delete", START, END, "10", "email"));
        assertEquals(204, admin().delete(CAMPAIGNS + "/" + draft).status());
        assertEquals(404, analyst().get(CAMPAIGNS + "/" + draft).status());

        String running = Api.launched("Running", "10", "email");
        ApiGateway.Response refused = admin().delete(CAMPAIGNS + "/" + running);
        assertEquals(409, refused.status());
        assertEquals("not_a_draft", refused.json().getString("code"));
        assertTrue(refused.json().getString("detail").contains("cancel it instead"));

        String draftWithSpend = Api.create(Api.campaign("Draft with spend", START, END, "10", "email"));
        assertEquals(201, admin().post(CAMPAIGNS + "/" + draftWithSpend + "/spend", "{\"amount\": 1.5}").status());
        ApiGateway.Response kept = admin().delete(CAMPAIGNS + "/" + draftWithSpend);
        assertEquals(409, kept.status());
        assertEquals("has_spend", kept.json().getString("code"));
    }

    @Test
    void channelsCarryPlatformConfigurationAndStatus() {
        String id = Api.create(Api.campaign("Channel settings", START, END, "100", "google_search", "newsletter"));
        ApiGateway.Response channel = admin().put(CAMPAIGNS + "/" + id + "/channels/newsletter",
                "{\"platform\": \"email\", \"config\": {\"list_id\": \"L-42\", \"sender\": \"news@example.com\"}}");
        assertEquals(200, channel.status(), channel::toString);
        assertEquals("email", channel.json().getString("data.platform"));
        assertEquals("L-42", channel.json().getString("data.config.list_id"));
        assertEquals("google", analyst().get(CAMPAIGNS + "/" + id + "/channels/google_search").json().getString("data.platform"));

        ApiGateway.Response notYet = admin().put(CAMPAIGNS + "/" + id + "/channels/newsletter",
                "{\"platform\": \"email\", \"status\": \"paused\"}");
        assertEquals(409, notYet.status(), "a draft's channels are pending until launch");

        String running = Api.launched("Channel pause", "100", "facebook", "email");
        ApiGateway.Response paused = admin().put(CAMPAIGNS + "/" + running + "/channels/facebook",
                "{\"platform\": \"facebook\", \"status\": \"paused\"}");
        assertEquals("paused", paused.json().getString("data.status"));
        assertEquals("active", analyst().get(CAMPAIGNS + "/" + running + "/channels/email").json().getString("data.status"));
        assertEquals(404, analyst().get(CAMPAIGNS + "/" + running + "/channels/tiktok").status());
    }

    @Test
    void aChannelWithMoneyCannotBeRemoved() {
        String id = Api.create(Api.campaign("Channel with money", START, END, "100", "email", "facebook"));
        assertEquals(200, admin().put(CAMPAIGNS + "/" + id + "/budget",
                "{\"total_budget\": 100, \"allocations\": {\"facebook\": 40}}").status());
        ApiGateway.Response refused = admin().put(CAMPAIGNS + "/" + id, Api.campaign("Channel with money", START, END, "100", "email"));
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("channel_in_use", refused.json().getString("code"));
        assertEquals(List.of("email", "facebook"), analyst().get(CAMPAIGNS + "/" + id).json().getList("data.channels"));
    }

    @Test
    void auditLogRecordsWhoChangedWhat() {
        String id = Api.launched("Audited", "100", "email");
        var entries = analyst().get(CAMPAIGNS + "/" + id + "/audit").json();
        List<String> actions = entries.getList("data.action");
        assertTrue(actions.containsAll(List.of("campaign.created", "campaign.active")), actions::toString);
        assertEquals("alice@example.com", entries.getString("data[0].actor"));
        assertNotNull(entries.getString("data[0].occurred_at"));
    }
}
