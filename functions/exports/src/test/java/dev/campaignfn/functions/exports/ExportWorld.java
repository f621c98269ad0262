package dev.campaignfn.functions.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.SpendCommand;
import dev.campaignfn.budget.SpendEntryType;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.common.Actor;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.rollup.RollupFolder;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.TestClock;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.DeviceType;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.EventType;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The data the export tests read: two campaigns in different zones with 40 days of events through
 * the real tracking path (part folded, part in the raw tail), spend through the ledger, and text
 * that a spreadsheet would run as a formula in segments, sessions, users and UTM fields.
 */
@Singleton
public class ExportWorld {

    public static final Actor PLANNER = new Actor("planner@example.com");
    static final List<String> CHANNELS = List.of("email", "facebook", "google_search");
    /** Text a spreadsheet would evaluate, plus text that needs CSV quoting. */
    static final String[] HOSTILE = { "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "-3+4", "@SUM(A1)", "\tTab", "\rReturn",
            "plain, with comma", "quote \"inside\"", "line\nbreak", "ünïcödé ✓" };
    static final int DAYS = 40;

    public final List<UUID> campaigns = new ArrayList<>();
    public int accepted;
    private boolean built;

    @Inject
    CampaignService campaignService;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    TrackingService tracking;

    @Inject
    RollupFolder folder;

    @Inject
    BudgetLedger ledger;

    public synchronized ExportWorld build() {
        if (built) {
            return this;
        }
        Instant now = TestClock.CLOCK.instant();
        Random random = new Random(20261121);
        String[][] specs = { { "=Formula Campaign", "Europe/Paris" }, { "Plain campaign", "America/New_York" } };
        for (String[] spec : specs) {
            UUID id = campaignService.create(new CampaignCommand(spec[0], "for exports", CampaignType.MULTICHANNEL,
                    now.minus(Duration.ofDays(DAYS + 5)), now.plus(Duration.ofDays(30)), new BigDecimal("20000"), "EUR", spec[1], null,
                    CHANNELS, List.of("Sell"), null), PLANNER).id();
            lifecycle.launch(id, PLANNER);
            campaigns.add(id);
        }
        for (int round = 0; round < 2; round++) {
            List<TrackEvent> events = new ArrayList<>();
            for (UUID id : campaigns) {
                for (int i = 0; i < 700; i++) {
                    events.add(event(random, id, now.minus(Duration.ofSeconds(random.nextLong(DAYS * 86_400L)))));
                }
            }
            for (int from = 0; from < events.size(); from += 500) {
                List<TrackEvent> slice = events.subList(from, Math.min(events.size(), from + 500));
                for (EventOutcome outcome : Bounded.answer(tracking.ingest(slice.stream().map(TrackingService.Candidate::of).toList(),
                        ClientContext.of("198.51.100.7")))) {
                    assertEquals(EventOutcome.Status.ACCEPTED, outcome.status(), outcome::toString);
                    accepted++;
                }
            }
            if (round == 0) {
                folder.fold(); // the second round stays in the raw tail
            }
        }
        for (UUID id : campaigns) {
            for (int day = 0; day < DAYS; day++) {
                Instant at = now.minus(Duration.ofSeconds(day * 86_400L + random.nextInt(86_400)));
                ledger.record(id, new SpendCommand(BigDecimal.valueOf(500 + random.nextInt(20_000), 2), SpendEntryType.SPEND,
                        CHANNELS.get(random.nextInt(CHANNELS.size())), null, null, null, at, null, null), PLANNER);
            }
        }
        built = true;
        return this;
    }

    static TrackEvent event(Random random, UUID campaign, Instant at) {
        int roll = random.nextInt(10);
        EventType type = roll < 5 ? EventType.IMPRESSION : roll < 7 ? EventType.VIEW : roll < 9 ? EventType.CLICK : EventType.CONVERSION;
        BigDecimal value = type == EventType.CONVERSION ? BigDecimal.valueOf(1 + random.nextInt(50_000), 2) : null;
        String hostile = HOSTILE[random.nextInt(HOSTILE.length)];
        return new TrackEvent(UUID.randomUUID(), campaign, type, at, null, random.nextBoolean() ? hostile : "returning",
                CHANNELS.get(random.nextInt(CHANNELS.size())), DeviceType.values()[random.nextInt(3)],
                "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0", null, null, null, "s-" + random.nextInt(300),
                random.nextBoolean() ? hostile : null, value, null, null, null, random.nextBoolean() ? hostile : "newsletter", "email",
                null, null, null, null);
    }
}
