package dev.campaignfn.functions.analytics;

import static dev.campaignfn.functions.analytics.Expected.assertPoint;
import static dev.campaignfn.functions.analytics.Expected.assertSummary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.campaignfn.budget.BudgetCommand;
import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.SpendCommand;
import dev.campaignfn.budget.SpendEntryType;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.rollup.RollupFolder;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.TestClock;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A campaign's days follow its reporting zone: after the zone changes, its daily event rollups and
 * daily spend rollups are summed again, and its reports (read from them, not from raw events) count
 * every event and entry on its day in the new zone.
 */
@QuarkusTest
class ZoneChangeTest {

    static final String BEFORE = "Pacific/Honolulu";
    static final String AFTER = "Asia/Tokyo";

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    TrackingService tracking;

    @Inject
    BudgetLedger ledger;

    @Inject
    RollupFolder folder;

    @Test
    void eventsAndSpendMoveToTheirDaysInTheNewZone() {
        Instant now = TestClock.CLOCK.instant();
        Random random = new Random(11);
        CampaignCommand command = new CampaignCommand("Zone change", null, CampaignType.MULTICHANNEL, now.minus(Duration.ofDays(40)),
                now.plus(Duration.ofDays(10)), new BigDecimal("90000"), "EUR", BEFORE, null, World.CHANNELS, List.of("Sell"), null);
        UUID id = campaigns.create(command, World.PLANNER).id();
        lifecycle.launch(id, World.PLANNER);
        // allocations that cover the spend below, so that the campaign can still be changed
        ledger.allocate(id, new BudgetCommand(command.budget(), BigDecimal.ZERO, Map.of("email", new BigDecimal("30000"), "facebook",
                new BigDecimal("30000"), "google_search", new BigDecimal("30000")), "EUR"), World.PLANNER);

        // 19 hours apart, the two zones disagree on the day of most instants
        List<World.Sent> sent = new ArrayList<>();
        List<TrackEvent> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            TrackEvent event = World.randomEvent(random, id, now.minus(Duration.ofSeconds(random.nextLong(30 * 86_400L))));
            events.add(event);
        }
        List<EventOutcome> outcomes = Bounded.answer(tracking.ingest(events.stream().map(TrackingService.Candidate::of).toList(),
                ClientContext.of("198.51.100.7")));
        for (int i = 0; i < events.size(); i++) {
            assertEquals(EventOutcome.Status.ACCEPTED, outcomes.get(i).status(), outcomes.get(i)::toString);
            TrackEvent e = events.get(i);
            sent.add(new World.Sent(id, e.eventType(), e.occurredAt(), e.channel(), e.audienceSegment(), e.deviceType(),
                    World.BOT.equals(e.userAgent()), e.value() == null ? null : e.value().setScale(2), e.sessionId()));
        }
        List<World.Spent> spent = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant at = now.minus(Duration.ofSeconds(random.nextLong(30 * 86_400L)));
            String channel = i % 5 == 0 ? null : World.CHANNELS.get(i % World.CHANNELS.size());
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(20_000), 2);
            ledger.record(id, new SpendCommand(amount, SpendEntryType.SPEND, channel, null, null, null, at, null, null), World.PLANNER);
            spent.add(new World.Spent(id, at, channel, amount));
        }
        // everything folded: the reports below read the daily rollups and no tail
        folder.fold();
        assertDaysIn(id, ZoneId.of(BEFORE), sent, spent);

        campaigns.update(id, new CampaignCommand(command.name(), null, command.type(), command.startDate(), command.endDate(),
                command.budget(), command.currency(), AFTER, null, null, command.objectives(), null), null, World.PLANNER);
        assertDaysIn(id, ZoneId.of(AFTER), sent, spent);
    }

    /** The campaign's last 20 days by day, in its own zone, equal the events and entries of each local day. */
    static void assertDaysIn(UUID id, ZoneId zone, List<World.Sent> sent, List<World.Spent> spent) {
        LocalDate last = LocalDate.ofInstant(TestClock.CLOCK.instant(), zone);
        LocalDate first = last.minusDays(19);
        ApiGateway.Response answer = ReportAccuracyTest.analyst().get(ReportAccuracyTest.BASE + "/campaigns/" + id + "/daily?"
                + ApiGateway.query("start_date", first.toString(), "end_date", last.toString(), "group_by", "day"));
        assertEquals(200, answer.status(), answer::toString);
        JsonNode json = Expected.json(answer);
        assertEquals(zone.getId(), json.at("/data/time_zone").asText());
        JsonNode points = json.at("/data/daily_stats");
        assertEquals(20, points.size());
        Expected.Totals all = Expected.totals(sent, e -> !e.bot() && Expected.within(e.at(), zone, first, last), spent,
                s -> Expected.within(s.at(), zone, first, last), true);
        for (int i = 0; i < 20; i++) {
            LocalDate day = first.plusDays(i);
            Expected.Totals expected = Expected.totals(sent, e -> !e.bot() && Expected.within(e.at(), zone, day, day), spent,
                    s -> Expected.within(s.at(), zone, day, day), true);
            assertPoint(points.get(i), expected, zone + " " + day);
        }
        ApiGateway.Response summary = ReportAccuracyTest.analyst().get(ReportAccuracyTest.BASE + "/campaigns/" + id + "/summary?"
                + ApiGateway.query("start_date", first.toString(), "end_date", last.toString()));
        assertSummary(Expected.json(summary).at("/data/summary"), all, zone + " summary");
    }
}
