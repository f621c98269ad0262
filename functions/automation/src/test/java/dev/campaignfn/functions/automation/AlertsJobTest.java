package dev.campaignfn.functions.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.alert.AlertDelivery;
import dev.campaignfn.alert.AlertService;
import dev.campaignfn.alert.WebhookCommand;
import dev.campaignfn.budget.BudgetCommand;
import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.SpendCommand;
import dev.campaignfn.budget.SpendEntryType;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.common.Actor;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.Rows;
import dev.campaignfn.testing.ScheduleEvents;
import dev.campaignfn.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The alerts handler through the Lambda path: the 75/90/100 percent budget alerts of a campaign and a
 * channel, each once (also with two runs at once), with the projected run-out day; delivered to a
 * webhook receiver in the test that fails first and then accepts, signed with HMAC-SHA256; a Slack
 * receiver gets Slack's text.
 */
@QuarkusTest
@TestProfile(AlertsJobTest.Alerts.class)
class AlertsJobTest {

    public static class Alerts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "alerts");
        }
    }

    static final Actor PLANNER = new Actor("planner@example.com");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    BudgetLedger ledger;

    @Inject
    AlertService alerts;

    @Inject
    DataSource dataSource;

    WebhookReceiver receiver;
    List<Map<String, String>> received;

    @BeforeEach
    void receiver() throws IOException {
        receiver = new WebhookReceiver(2);
        received = receiver.received;
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    JsonPath runJob() {
        return ScheduleEvents.invoke(ScheduleEvents.scheduled("alerts", TestClock.CLOCK.instant()));
    }

    /** The job's pass of the hard budget stop: a campaign that reached its budget without the spend route seeing the stop. */
    @Test
    void theJobPausesACampaignWhoseHardStopIsDue() throws Exception {
        Instant now = TestClock.CLOCK.instant();
        UUID c = campaigns.create(new CampaignCommand("Stopped by the job", null, CampaignType.EMAIL, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(20)), new BigDecimal("100"), "EUR", "UTC", null, List.of("email"), List.of("Sell"), null), PLANNER)
                .id();
        lifecycle.launch(c, PLANNER);
        ledger.record(c, new SpendCommand(new BigDecimal("120.00"), SpendEntryType.SPEND, null, null, null, null, null, null, null), PLANNER);
        Rows rows = new Rows(dataSource);
        // as a restore or a manual fix would leave it: the stop on, the budget spent, the campaign still active
        rows.value("update campaigns set hard_budget_stop = true where id = ? returning id", c);
        JsonPath report = runJob();
        assertEquals(List.of(c.toString()), report.getList("outcome.stopped"));
        assertEquals("paused", rows.value("select status from campaigns where id = ?", c));
        assertEquals(1L, rows.value("select count(*) from alerts where campaign_id = ? and kind = 'budget_stop'", c));
        assertEquals(List.of(), runJob().getList("outcome.stopped"), "once");
    }

    @Test
    void budgetAlertsAreRaisedOnceAndDeliveredDespiteAFailingWebhook() throws Exception {
        String base = receiver.url("");
        String secret = "a-test-secret-of-enough-length";
        alerts.createWebhook(new WebhookCommand("Ops JSON", base + "/json", "json", secret, true), PLANNER);
        alerts.createWebhook(new WebhookCommand("Ops Slack", base + "/slack", "slack", null, true), PLANNER);

        Instant now = TestClock.CLOCK.instant();
        UUID c = campaigns.create(new CampaignCommand("Alerted campaign", null, CampaignType.MULTICHANNEL, now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(20)), new BigDecimal("1000"), "EUR", "America/New_York", null, List.of("email", "facebook"),
                List.of("Sell"), null), PLANNER).id();
        lifecycle.launch(c, PLANNER);
        ledger.allocate(c, new BudgetCommand(new BigDecimal("1000"), BigDecimal.ZERO, Map.of("email", new BigDecimal("200")), null), PLANNER);
        // 7 days of 100 a day: 700 spent overall (70 %), email 140 of 200 (70 %)
        for (int day = 0; day < 7; day++) {
            ledger.record(c, new SpendCommand(new BigDecimal("80.00"), SpendEntryType.SPEND, null, null, null, null,
                    now.minus(Duration.ofHours(2 + 24L * day)), null, null), PLANNER);
            ledger.record(c, new SpendCommand(new BigDecimal("20.00"), SpendEntryType.SPEND, "email", null, null, null,
                    now.minus(Duration.ofHours(3 + 24L * day)), null, null), PLANNER);
        }
        JsonPath first = runJob();
        assertEquals(List.of(), first.getList("outcome.raised"), "70 % reaches no threshold");

        // a jump to 95 % overall raises 75 and 90 at once; email reaches 100 %
        ledger.record(c, new SpendCommand(new BigDecimal("190.00"), SpendEntryType.SPEND, null, null, null, null, now.minusSeconds(60), null,
                null), PLANNER);
        ledger.record(c, new SpendCommand(new BigDecimal("60.00"), SpendEntryType.SPEND, "email", null, null, null, now.minusSeconds(60), null,
                null), PLANNER);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<JsonPath> a = pool.submit(this::runJob);
            Future<JsonPath> b = pool.submit(this::runJob);
            Bounded.answer(a);
            Bounded.answer(b);
        } finally {
            pool.shutdown();
        }
        Rows rows = new Rows(dataSource);
        assertEquals(5L, rows.value("select count(*) from alerts where campaign_id = ?", c), "campaign 75 and 90; email 75, 90 and 100");
        assertEquals(5L, rows.value("select count(distinct dedup_key) from alerts where campaign_id = ?", c));
        assertEquals("critical", rows.value("select severity from alerts where campaign_id = ? and channel_id = 'email' and threshold = 100", c));
        // burn rate: 950 over the last 7 days in New York days → 135.71 a day; 50 left → runs out within a day
        LocalDate today = LocalDate.ofInstant(TestClock.CLOCK.instant(), ZoneId.of("America/New_York"));
        assertEquals(today.plusDays(1).toString(), rows.value(
                "select details ->> 'projected_exhaustion_date' from alerts where campaign_id = ? and channel_id is null and threshold = 90", c));

        // the JSON webhook failed twice; the next runs retry it with backoff
        for (int i = 0; i < 6 && !rows.value("select count(*) from alert_deliveries where status = 'pending'").equals(0L); i++) {
            TestClock.CLOCK.advance(Duration.ofMinutes(5));
            runJob();
        }
        assertEquals(10L, rows.value("select count(*) from alert_deliveries where status = 'delivered' and alert_id in"
                + " (select id from alerts where campaign_id = ?)", c), "5 alerts to 2 webhooks, each delivered once");
        assertEquals(0L, rows.value("select count(*) from alert_deliveries where status <> 'delivered'"));
        List<Map<String, String>> json = received.stream().filter(r -> r.get("path").equals("/json") && r.get("status").equals("200")).toList();
        assertEquals(5, json.size());
        for (Map<String, String> delivery : json) {
            assertEquals("sha256=" + AlertDelivery.sign(secret, delivery.get("timestamp") + "." + delivery.get("body")), delivery.get("signature"));
            JsonNode body = JSON.readTree(delivery.get("body"));
            assertEquals(c.toString(), body.path("campaign_id").asText());
            assertEquals("budget_threshold", body.path("kind").asText());
        }
        assertEquals(2, received.stream().filter(r -> r.get("status").equals("500")).count());
        received.stream().filter(r -> r.get("path").equals("/slack")).forEach(r -> assertTrue(r.get("body").startsWith("{\"text\":\"*["),
                r.get("body")));

        // nothing new: nothing raised, nothing sent
        int before = received.size();
        JsonPath again = runJob();
        assertEquals(List.of(), again.getList("outcome.raised"));
        assertEquals(before, received.size());
    }
}
