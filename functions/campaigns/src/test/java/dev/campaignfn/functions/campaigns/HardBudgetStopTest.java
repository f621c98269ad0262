package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.CAMPAIGNS;
import static dev.campaignfn.functions.campaigns.Api.admin;
import static dev.campaignfn.functions.campaigns.Api.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.EventType;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The hard budget stop through the Lambda path: the spend entry that reaches the budget pauses the
 * campaign and its channels, with the reason in its history and one alert; it cannot resume until the
 * budget is raised; late events are still accepted within the paused grace.
 */
@QuarkusTest
class HardBudgetStopTest {

    @Inject
    TrackingService tracking;

    @Test
    void spendReachingTheBudgetPausesTheCampaignOnceAndAlertsOnce() {
        String body = Api.campaign("Hard stop " + UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(86_400).toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(30 * 86_400L).toString(), "100", "email", "facebook");
        String id = Api.create(body.replace("\"budget\": 100,", "\"budget\": 100, \"hard_budget_stop\": true,"));
        String campaign = CAMPAIGNS + "/" + id;
        assertEquals(true, analyst().get(campaign).json().getBoolean("data.hard_budget_stop"));
        assertEquals(200, admin().post(campaign + "/launch", null).status());

        assertEquals(201, admin().post(campaign + "/spend", "{\"amount\": 60, \"channel_id\": \"email\"}").status());
        assertEquals("active", analyst().get(campaign).json().getString("data.status"), "60 of 100: still running");
        ApiGateway.Response crossing = admin().post(campaign + "/spend", "{\"amount\": 40, \"channel_id\": \"facebook\"}");
        assertEquals(201, crossing.status(), crossing::toString);

        var paused = analyst().get(campaign).json();
        assertEquals("paused", paused.getString("data.status"), "the entry that reached the budget paused it");
        assertTrue(paused.getString("data.pause_reason").startsWith("Hard budget stop: spend of 100.00 EUR reached the budget of 100.00"),
                paused.getString("data.pause_reason"));
        List<Map<String, Object>> history = analyst().get(campaign + "/history").json().getList("data");
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals("paused", last.get("to_status"));
        assertEquals("system:hard-budget-stop", last.get("actor"));
        assertTrue(analyst().get(campaign + "/channels").json().getList("data.status").stream().allMatch("paused"::equals),
                "the channels follow their campaign");
        assertEquals(1, stopAlerts(id), "one alert");

        // more spend (late invoices) does not stop it twice nor alert again
        assertEquals(201, admin().post(campaign + "/spend", "{\"amount\": 5}").status());
        assertEquals(1, stopAlerts(id));

        // tracking keeps accepting late events within the paused grace
        EventOutcome late = Bounded.answer(tracking.ingest(new TrackEvent(UUID.randomUUID(), UUID.fromString(id), EventType.CLICK, null,
                null, null, "email", null, "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0", null, null, null, "s-late", null, null, null,
                null, null, null, null, null, null, null, null), ClientContext.of("198.51.100.7")));
        assertEquals(EventOutcome.Status.ACCEPTED, late.status(), late::toString);

        ApiGateway.Response refused = admin().post(campaign + "/resume", null);
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("budget_spent", refused.json().getString("code"));

        // a raised budget lets it run again; reaching the new budget stops it again, with a new alert
        ApiGateway.Response raised = admin().put(campaign + "/budget",
                "{\"total_budget\": 200, \"allocations\": {\"email\": 100, \"facebook\": 100}}");
        assertEquals(200, raised.status(), raised::toString);
        assertEquals(true, analyst().get(campaign).json().getBoolean("data.hard_budget_stop"));
        assertEquals(200, admin().post(campaign + "/resume", null).status());
        assertEquals(201, admin().post(campaign + "/spend", "{\"amount\": 95}").status());
        assertEquals("paused", analyst().get(campaign).json().getString("data.status"));
        assertEquals(2, stopAlerts(id));
    }

    @Test
    void turningTheStopOnOverASpentBudgetPausesAtOnceAndOffLetsItRun() {
        String body = Api.campaign("Stop later " + UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(86_400).toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(30 * 86_400L).toString(), "50", "email");
        String id = Api.create(body);
        String campaign = CAMPAIGNS + "/" + id;
        assertEquals(200, admin().post(campaign + "/launch", null).status());
        assertEquals(201, admin().post(campaign + "/spend", "{\"amount\": 50}").status());
        assertEquals("active", analyst().get(campaign).json().getString("data.status"), "no stop asked: it runs on");

        ApiGateway.Response on = admin().put(campaign, body.replace("\"budget\": 50,", "\"budget\": 50, \"hard_budget_stop\": true,"));
        assertEquals(200, on.status(), on::toString);
        assertEquals("paused", on.json().getString("data.status"), "the update that turned it on paused it");
        assertEquals(1, stopAlerts(id));
        assertEquals(true, admin().put(campaign, body).json().getBoolean("data.hard_budget_stop"), "an update that does not say leaves it");

        ApiGateway.Response off = admin().put(campaign, body.replace("\"budget\": 50,", "\"budget\": 50, \"hard_budget_stop\": false,"));
        assertEquals(200, off.status(), off::toString);
        assertEquals(200, admin().post(campaign + "/resume", null).status(), "without the stop it may overspend, as asked");
    }

    private static long stopAlerts(String id) {
        return analyst().get(CAMPAIGNS + "/" + id + "/alerts").json().getList("data.kind").stream().filter("budget_stop"::equals).count();
    }
}
