package dev.campaignfn.functions.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

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
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventType;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The rollup handler: tracked events are folded into the daily rollups once; a second run finds nothing. */
@QuarkusTest
@TestProfile(RollupHandlerTest.Rollup.class)
class RollupHandlerTest {

    public static class Rollup implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "rollup", "campaignfn.tracking.campaign-cache-ttl", "PT0S");
        }
    }

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    TrackingService tracking;

    @Inject
    BudgetLedger ledger;

    @Inject
    DataSource dataSource;

    @Test
    void eventsAndSpendAreFoldedOnce() {
        Actor planner = new Actor("planner@example.com");
        Instant now = TestClock.CLOCK.instant();
        UUID c = campaigns.create(new CampaignCommand("Folded", null, CampaignType.EMAIL, now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(2)), new BigDecimal("100"), "EUR", "UTC", null, List.of("email"), List.of("Sell"), null), planner).id();
        lifecycle.launch(c, planner);
        List<TrackingService.Candidate> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(TrackingService.Candidate.of(new TrackEvent(UUID.randomUUID(), c, i % 3 == 0 ? EventType.CLICK : EventType.IMPRESSION,
                    now.minus(Duration.ofMinutes(10 + i)), null, null, "email", null, "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0", null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null)));
        }
        Bounded.answer(tracking.ingest(events, ClientContext.of("198.51.100.7")));
        ledger.record(c, new SpendCommand(new BigDecimal("12.50"), SpendEntryType.SPEND, "email", null, null, null, now.minus(Duration.ofHours(1)),
                null, null), planner);
        JsonPath fold = ScheduleEvents.invoke(ScheduleEvents.scheduled("rollup", now));
        assertEquals("rollup", fold.getString("job"));
        Rows rows = new Rows(dataSource);
        assertEquals(new BigDecimal("20"), new BigDecimal(rows.value("select sum(impressions) from event_rollups_daily where campaign_id = ?"
                + " and dimension = 'total'", c).toString()));
        assertEquals(new BigDecimal("10"), new BigDecimal(rows.value("select sum(clicks) from event_rollups_daily where campaign_id = ?"
                + " and dimension = 'total'", c).toString()));
        assertEquals(new BigDecimal("12.50"), rows.value("select sum(spend) from event_rollups_daily where campaign_id = ?"
                + " and dimension = 'channel' and dimension_value = 'email'", c));
        assertEquals(new BigDecimal("12.50"), rows.value("select sum(spend) from event_rollups_hourly where campaign_id = ?", c));
        JsonPath again = ScheduleEvents.invoke(ScheduleEvents.scheduled("rollup", now));
        assertEquals(fold.getLong("outcome.to_event_id"), again.getLong("outcome.to_event_id"), "nothing left to fold");
        assertEquals(fold.getLong("outcome.to_spend_seq"), again.getLong("outcome.to_spend_seq"), "no entry left to fold");
        assertEquals(new BigDecimal("20"), new BigDecimal(rows.value("select sum(impressions) from event_rollups_daily where campaign_id = ?"
                + " and dimension = 'total'", c).toString()));
        assertEquals(new BigDecimal("12.50"), rows.value("select sum(spend) from event_rollups_daily where campaign_id = ?"
                + " and dimension = 'total'", c));
    }
}
