package dev.campaignfn.functions.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.campaignfn.automation.RuleCommand;
import dev.campaignfn.automation.RuleRunView;
import dev.campaignfn.automation.RuleService;
import dev.campaignfn.budget.BudgetCommand;
import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.BudgetStatus;
import dev.campaignfn.budget.SpendCommand;
import dev.campaignfn.budget.SpendEntryType;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.Rows;
import dev.campaignfn.testing.ScheduleEvents;
import dev.campaignfn.testing.TestClock;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventType;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import javax.sql.DataSource;

/**
 * The rules handler through the Lambda path with EventBridge scheduled events: every trigger and
 * action, the guardrails (dry run, cooldown, maximum change, minimum and maximum budget, minimum data),
 * the run history, and two runs at once.
 */
@QuarkusTest
@TestProfile(RulesJobTest.Rules.class)
class RulesJobTest {

    public static class Rules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "rules", "campaignfn.tracking.campaign-cache-ttl", "PT0S",
                    "campaignfn.tracking.max-event-age", "P400D");
        }
    }

    static final Actor PLANNER = new Actor("planner@example.com");

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    BudgetLedger ledger;

    @Inject
    RuleService rules;

    @Inject
    TrackingService tracking;

    @Inject
    DataSource dataSource;

    UUID campaign(String name, BigDecimal budget, Map<String, BigDecimal> allocations) {
        Instant now = TestClock.CLOCK.instant();
        UUID id = campaigns.create(new CampaignCommand(name, null, CampaignType.MULTICHANNEL, now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(20)), budget, "EUR", "Europe/Berlin", null, List.of("email", "facebook", "google_search"),
                List.of("Sell"), null), PLANNER).id();
        lifecycle.launch(id, PLANNER);
        if (!allocations.isEmpty()) {
            ledger.allocate(id, new BudgetCommand(budget, BigDecimal.ZERO, allocations, null), PLANNER);
        }
        return id;
    }

    void spend(UUID campaign, String channel, String amount) {
        ledger.record(campaign, new SpendCommand(new BigDecimal(amount), SpendEntryType.SPEND, channel, null, null, null,
                TestClock.CLOCK.instant().minus(Duration.ofHours(2)), null, null), PLANNER);
    }

    void track(UUID campaign, EventType type, int count, String channel, String value) {
        List<TrackingService.Candidate> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(TrackingService.Candidate.of(new TrackEvent(UUID.randomUUID(), campaign, type,
                    TestClock.CLOCK.instant().minus(Duration.ofMinutes(30 + i % 600)), null, null, channel, null,
                    "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0", null, null, null, "s-" + i, null,
                    value == null ? null : new BigDecimal(value), null, null, null, null, null, null, null, null, null)));
        }
        for (int from = 0; from < events.size(); from += 500) {
            Bounded.answer(tracking.ingest(events.subList(from, Math.min(events.size(), from + 500)), ClientContext.of("198.51.100.7")));
        }
    }

    static RuleCommand rule(String name, String trigger, Map<String, Object> config, List<Map<String, Object>> actions, Boolean dryRun,
            Integer cooldown, String maxChange, String minBudget, String maxBudget) {
        return new RuleCommand(name, null, trigger, config, actions, true, dryRun, cooldown, maxChange == null ? null : new BigDecimal(maxChange),
                minBudget == null ? null : new BigDecimal(minBudget), maxBudget == null ? null : new BigDecimal(maxBudget), null);
    }

    JsonPath runJob() {
        return ScheduleEvents.invoke(ScheduleEvents.scheduled("rules", TestClock.CLOCK.instant()));
    }

    String status(UUID campaign) {
        return (String) new Rows(dataSource).value("select status from campaigns where id = ?", campaign);
    }

    BigDecimal budget(UUID campaign) {
        return (BigDecimal) new Rows(dataSource).value("select budget from campaigns where id = ?", campaign);
    }

    RuleRunView lastRun(UUID campaign, UUID rule) {
        return rules.runs(campaign, rule, 1).get(0);
    }

    @Test
    void performanceBelowTargetPausesOnlyWithEnoughDataAndNotInADryRun() {
        UUID dry = campaign("ROAS dry run", new BigDecimal("10000"), Map.of());
        UUID real = campaign("ROAS real", new BigDecimal("10000"), Map.of());
        Map<String, Object> roasBelow2 = Map.of("metric", "roas", "value", 2, "window_days", 7, "min_impressions", 100);
        List<Map<String, Object>> pause = List.of(Map.of("type", "pause_campaign", "reason", "ROAS under 2"));
        UUID dryRule = rules.create(dry, rule("ROAS guard", "performance_threshold", roasBelow2, pause, true, 60, null, null, null), PLANNER).id();
        UUID realRule = rules.create(real, rule("ROAS guard", "performance_threshold", roasBelow2, pause, false, 60, null, null, null), PLANNER).id();
        for (UUID c : List.of(dry, real)) {
            spend(c, "email", "500.00");
            track(c, EventType.IMPRESSION, 50, "email", null); // not yet enough data
            track(c, EventType.CONVERSION, 2, "email", "100.00"); // ROAS 200 / 500 = 0.4
        }
        runJob();
        assertEquals("not_fired", lastRun(real, realRule).decision(), "50 impressions are below the minimum of data");
        assertEquals(Boolean.FALSE, lastRun(real, realRule).observed().get("enough_data"));
        assertEquals("active", status(real));

        for (UUID c : List.of(dry, real)) {
            track(c, EventType.IMPRESSION, 100, "email", null);
        }
        TestClock.CLOCK.advance(Duration.ofMinutes(5));
        JsonPath report = runJob();
        assertTrue(report.getList("outcome.fired").contains(realRule.toString()), report.prettify());
        RuleRunView fired = lastRun(real, realRule);
        assertEquals("fired", fired.decision());
        assertEquals(0, new BigDecimal("0.40").compareTo(new BigDecimal(fired.observed().get("value").toString())), fired.observed().toString());
        assertEquals("paused", status(real));
        assertEquals("ROAS under 2", new Rows(dataSource).value("select pause_reason from campaigns where id = ?", real));

        RuleRunView wouldFire = lastRun(dry, dryRule);
        assertEquals("fired", wouldFire.decision());
        assertTrue(wouldFire.dryRun());
        assertEquals("active", status(dry), "a dry run records what it would do and changes nothing");
    }

    @Test
    void budgetThresholdAlertsOnceThenCoolsDown() {
        UUID c = campaign("Budget rule", new BigDecimal("1000"), Map.of());
        UUID r = rules.create(c, rule("Spent 80%", "budget_threshold", Map.of("spent_percentage", 80), List.of(Map.of("type", "send_alert",
                "severity", "critical")), false, 120, null, null, null), PLANNER).id();
        spend(c, null, "500.00");
        runJob();
        assertEquals("not_fired", lastRun(c, r).decision());
        spend(c, null, "350.00");
        TestClock.CLOCK.advance(Duration.ofMinutes(5));
        runJob();
        assertEquals("fired", lastRun(c, r).decision());
        assertEquals(1L, new Rows(dataSource).value("select count(*) from alerts where rule_id = ?", r));
        assertEquals("critical", new Rows(dataSource).value("select severity from alerts where rule_id = ?", r));
        TestClock.CLOCK.advance(Duration.ofMinutes(60));
        runJob();
        assertEquals("cooldown", lastRun(c, r).decision(), "within 120 minutes of firing");
        assertEquals(1L, new Rows(dataSource).value("select count(*) from alerts where rule_id = ?", r));
        TestClock.CLOCK.advance(Duration.ofMinutes(61));
        runJob();
        assertEquals("fired", lastRun(c, r).decision());
        assertEquals(2L, new Rows(dataSource).value("select count(*) from alerts where rule_id = ?", r));
    }

    @Test
    void budgetChangesStayInsideTheGuardrails() {
        UUID scaled = campaign("Scale", new BigDecimal("1000"), Map.of());
        // time_based: 10 days after start has passed; scale by 50 % capped at 1300, at most 200 per run
        UUID scale = rules.create(scaled, rule("Scale after 10 days", "time_based", Map.of("hours_after_start", 240), List.of(Map.of(
                "type", "scale", "percent", 50, "cap", 1300)), false, 0, "200", null, null), PLANNER).id();
        runJob();
        assertEquals(0, new BigDecimal("1200.00").compareTo(budget(scaled)), "+500 asked, 200 allowed per run");
        assertEquals(0, new BigDecimal("200.00").compareTo(new BigDecimal(((Map<?, ?>) ((List<?>) lastRun(scaled, scale).outcome()
                .get("actions")).get(0)).get("change").toString())));
        TestClock.CLOCK.advance(Duration.ofMinutes(5));
        runJob();
        assertEquals("not_fired", lastRun(scaled, scale).decision(), "a time-based rule fires once");
        assertEquals(0, new BigDecimal("1200.00").compareTo(budget(scaled)));

        UUID cut = campaign("Cut", new BigDecimal("1000"), Map.of("email", new BigDecimal("400")));
        spend(cut, "email", "100.00");
        // event_based: fewer than 5 clicks in 24 hours; cut by 80 %, but never below 700 nor below the allocations
        UUID lower = rules.create(cut, rule("Few clicks", "event_based", Map.of("event_type", "click", "fewer_than", 5, "hours", 24),
                List.of(Map.of("type", "adjust_budget", "percent", -80)), false, 0, null, "700", null), PLANNER).id();
        track(cut, EventType.CLICK, 3, "email", null);
        TestClock.CLOCK.advance(Duration.ofMinutes(5));
        runJob();
        assertEquals("fired", lastRun(cut, lower).decision());
        assertEquals(3L, ((Number) lastRun(cut, lower).observed().get("count")).longValue());
        assertEquals(0, new BigDecimal("700.00").compareTo(budget(cut)), "min_budget holds");
    }

    @Test
    void optimizeMovesBudgetFromTheWorstChannelToTheBest() {
        UUID c = campaign("Optimize", new BigDecimal("3000"), Map.of("email", new BigDecimal("1000"), "facebook", new BigDecimal("1000")));
        spend(c, "email", "100.00");
        spend(c, "facebook", "100.00");
        track(c, EventType.CONVERSION, 5, "email", "100.00"); // ROAS 5
        track(c, EventType.CONVERSION, 1, "facebook", "50.00"); // ROAS 0.5
        track(c, EventType.IMPRESSION, 200, "email", null);
        UUID r = rules.create(c, rule("Rebalance", "performance_threshold", Map.of("metric", "roas", "operator", "above", "value", 0,
                "min_impressions", 100), List.of(Map.of("type", "optimize", "percent", 50)), false, 60, "300", null, null), PLANNER).id();
        runJob();
        assertEquals("fired", lastRun(c, r).decision(), lastRun(c, r).toString());
        BudgetStatus status = ledger.status(c);
        Map<String, BigDecimal> allocated = new HashMap<>();
        status.channels().forEach(ch -> allocated.put(ch.channelId(), ch.allocated()));
        // 50 % of facebook's unspent 900 is 450; max_budget_change caps it at 300
        assertEquals(0, new BigDecimal("700.00").compareTo(allocated.get("facebook")), allocated.toString());
        assertEquals(0, new BigDecimal("1300.00").compareTo(allocated.get("email")), allocated.toString());
    }

    @Test
    void aRedeliveredOrConcurrentRunActsOnce() throws Exception {
        UUID c = campaign("Concurrent rule", new BigDecimal("1000"), Map.of());
        UUID r = rules.create(c, rule("Raise", "time_based", Map.of("hours_after_start", 1), List.of(Map.of("type", "adjust_budget",
                "amount", 100)), false, 30, null, null, null), PLANNER).id();
        String eventId = UUID.randomUUID().toString();
        Instant slot = TestClock.CLOCK.instant();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<JsonPath>> runs = new ArrayList<>();
            runs.add(pool.submit(() -> ScheduleEvents.invoke(ScheduleEvents.scheduled("rules", eventId, slot))));
            runs.add(pool.submit(() -> ScheduleEvents.invoke(ScheduleEvents.scheduled("rules", eventId, slot))));
            runs.add(pool.submit(() -> ScheduleEvents.invoke(ScheduleEvents.scheduled("rules", slot.plusSeconds(60)))));
            for (Future<JsonPath> run : runs) {
                Bounded.answer(run);
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(0, new BigDecimal("1100.00").compareTo(budget(c)), "the action applied once");
        List<RuleRunView> history = rules.runs(c, r, 10);
        assertEquals(1, history.stream().filter(run -> run.decision().equals("fired")).count(), history.toString());
    }

    @Test
    void hoursBeforeEndAndMoreThanTriggers() {
        UUID c = campaign("Other triggers", new BigDecimal("1000"), Map.of());
        // the campaign ends in 20 days: 500 hours before its end has passed, 400 has not
        UUID ending = rules.create(c, rule("Ending soon", "time_based", Map.of("hours_before_end", 500), List.of(Map.of("type",
                "send_alert", "severity", "info")), false, 0, null, null, null), PLANNER).id();
        UUID notYet = rules.create(c, rule("Not yet", "time_based", Map.of("hours_before_end", 400), List.of(Map.of("type",
                "send_alert")), false, 0, null, null, null), PLANNER).id();
        UUID busy = rules.create(c, rule("Busy hour", "event_based", Map.of("event_type", "impression", "more_than", 20, "hours", 12),
                List.of(Map.of("type", "send_alert")), false, 0, null, null, null), PLANNER).id();
        track(c, EventType.IMPRESSION, 20, "email", null);
        runJob();
        assertEquals("fired", lastRun(c, ending).decision());
        assertEquals("not_fired", lastRun(c, notYet).decision());
        assertEquals("not_fired", lastRun(c, busy).decision(), "20 is not more than 20");
        track(c, EventType.IMPRESSION, 1, "email", null);
        TestClock.CLOCK.advance(Duration.ofMinutes(5));
        runJob();
        assertEquals("fired", lastRun(c, busy).decision());
        assertEquals(2L, new Rows(dataSource).value("select count(*) from alerts where campaign_id = ?", c));
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        UUID c = campaign("Bad rules", new BigDecimal("1000"), Map.of());
        List<RuleCommand> bad = List.of(
                rule("x", "sometimes", Map.of(), List.of(Map.of("type", "send_alert")), false, 0, null, null, null),
                rule("x", "performance_threshold", Map.of("metric", "likes", "value", 1), List.of(Map.of("type", "send_alert")), false, 0,
                        null, null, null),
                rule("x", "event_based", Map.of("event_type", "click", "fewer_than", 1), List.of(Map.of("type", "send_alert")), false, 0,
                        null, null, null),
                rule("x", "time_based", Map.of("hours_after_start", 1), List.of(Map.of("type", "explode")), false, 0, null, null, null),
                rule("x", "time_based", Map.of("hours_after_start", 1), List.of(Map.of("type", "scale", "percent", -5)), false, 0, null, null,
                        null));
        List<String> fields = List.of("trigger_type", "trigger_config.metric", "trigger_config.hours", "actions[0].type",
                "actions[0].percent");
        for (int i = 0; i < bad.size(); i++) {
            RuleCommand command = bad.get(i);
            String field = fields.get(i);
            ValidationException refused = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                    () -> rules.create(c, command, PLANNER), field);
            assertTrue(refused.errors().stream().anyMatch(e -> e.field().equals(field)), () -> field + ": " + refused.errors());
        }
        assertEquals(0L, new Rows(dataSource).value("select count(*) from automation_rules where campaign_id = ?", c));
    }
}
