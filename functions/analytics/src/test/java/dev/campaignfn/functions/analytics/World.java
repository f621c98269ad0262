package dev.campaignfn.functions.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

/**
 * The history the report tests check against: campaigns in zones with DST changes and odd offsets,
 * 95 days of random events through the real tracking path (bots, retries, events exactly at local
 * midnights, late events that arrive after folding) and spend through the real ledger. Part of the
 * events and of the spend are folded into the rollups, the rest is the raw tail. Built once per test
 * run; what was accepted is kept here so that the tests can compute every answer on their own. A
 * singleton, not a proxied bean: the tests read its fields.
 */
@Singleton
public class World {

    /** An event as stored: what the reports count. */
    public record Sent(UUID campaignId, EventType type, Instant at, String channel, String segment, DeviceType device, boolean bot,
            BigDecimal value, String session) {
    }

    /** A ledger entry as booked: signed amount. */
    public record Spent(UUID campaignId, Instant at, String channel, BigDecimal amount) {
    }

    public static final Actor PLANNER = new Actor("planner@example.com");
    public static final List<String> CHANNELS = List.of("email", "facebook", "google_search");
    static final String[] SEGMENTS = { "new", "returning", "vip", null };
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0";
    static final String BOT = "Googlebot/2.1 (+http://www.google.com/bot.html)";
    static final int DAYS = 95;

    /** Reporting zone and currency of each campaign. */
    static final String[][] CAMPAIGNS = { { "UTC", "EUR" }, { "Europe/Paris", "EUR" }, { "America/New_York", "USD" },
            { "Asia/Kolkata", "EUR" }, { "Australia/Lord_Howe", "EUR" }, { "Pacific/Chatham", "EUR" } };

    public final Map<UUID, ZoneId> zones = new LinkedHashMap<>();
    public final Map<UUID, String> currencies = new LinkedHashMap<>();
    public final Map<UUID, String> names = new LinkedHashMap<>();
    public final List<Sent> events = Collections.synchronizedList(new ArrayList<>());
    public final List<Spent> spends = new ArrayList<>();
    private boolean built;

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    TrackingService tracking;

    @Inject
    RollupFolder folder;

    @Inject
    BudgetLedger ledger;

    public synchronized World build() {
        if (built) {
            return this;
        }
        Instant now = TestClock.CLOCK.instant();
        Random random = new Random(20261110);
        for (String[] spec : CAMPAIGNS) {
            UUID id = campaigns.create(new CampaignCommand("Report " + spec[0], null, CampaignType.MULTICHANNEL,
                    now.minus(Duration.ofDays(DAYS + 5)), now.plus(Duration.ofDays(30)), new BigDecimal("50000"), spec[1], spec[0],
                    null, CHANNELS, List.of("Sell"), null), PLANNER).id();
            lifecycle.launch(id, PLANNER);
            zones.put(id, ZoneId.of(spec[0]));
            currencies.put(id, spec[1]);
            names.put(id, "Report " + spec[0]);
        }
        List<UUID> ids = new ArrayList<>(zones.keySet());
        List<TrackEvent> first = new ArrayList<>();
        List<TrackEvent> second = new ArrayList<>();
        for (UUID id : ids) {
            for (int i = 0; i < 1500; i++) {
                (i % 3 == 0 ? second : first).add(randomEvent(random, id, now.minus(Duration.ofSeconds(random.nextLong(DAYS * 86_400L)))));
            }
            // the edges of local days, where an off-by-one bucket shows
            ZoneId zone = zones.get(id);
            for (int d = 1; d < DAYS; d += 3) {
                Instant midnight = LocalDate.ofInstant(now, zone).minusDays(d).atStartOfDay(zone).toInstant();
                first.add(randomEvent(random, id, midnight));
                first.add(randomEvent(random, id, midnight.minusNanos(1000)));
            }
        }
        ingest(first, random);
        folder.fold();
        ingest(second, random);
        // spend of every other day folded into the rollups, the rest left in the ledger's tail
        for (UUID id : ids) {
            spend(random, id, now, 0);
        }
        folder.fold();
        // late arrivals: old events after the last fold, so they sit in the tail in old buckets
        List<TrackEvent> late = new ArrayList<>();
        for (UUID id : ids) {
            for (int i = 0; i < 300; i++) {
                late.add(randomEvent(random, id, now.minus(Duration.ofSeconds(random.nextLong(DAYS * 86_400L)))));
            }
        }
        ingest(late, random);
        for (UUID id : ids) {
            spend(random, id, now, 1);
        }
        built = true;
        return this;
    }

    private void ingest(List<TrackEvent> events, Random random) {
        Collections.shuffle(events, random);
        List<TrackEvent> withRetries = new ArrayList<>(events);
        for (int i = 0; i < events.size() / 20; i++) {
            withRetries.add(events.get(random.nextInt(events.size())));
        }
        for (int from = 0; from < withRetries.size(); from += 500) {
            List<TrackEvent> slice = withRetries.subList(from, Math.min(withRetries.size(), from + 500));
            List<EventOutcome> outcomes = Bounded.answer(tracking.ingest(slice.stream().map(TrackingService.Candidate::of).toList(),
                    ClientContext.of("198.51.100.7")));
            for (int i = 0; i < slice.size(); i++) {
                EventOutcome outcome = outcomes.get(i);
                assertEquals(EventOutcome.Status.ACCEPTED == outcome.status() || EventOutcome.Status.DUPLICATE == outcome.status(), true,
                        outcome::toString);
                if (outcome.status() == EventOutcome.Status.ACCEPTED) {
                    TrackEvent e = slice.get(i);
                    this.events.add(new Sent(e.campaignId(), e.eventType(), e.occurredAt(), e.channel(), e.audienceSegment(),
                            e.deviceType(), BOT.equals(e.userAgent()), e.value() == null ? null : e.value().setScale(2), e.sessionId()));
                }
            }
        }
    }

    static TrackEvent randomEvent(Random random, UUID campaign, Instant at) {
        int roll = random.nextInt(10);
        EventType type = roll < 5 ? EventType.IMPRESSION : roll < 7 ? EventType.VIEW : roll < 9 ? EventType.CLICK : EventType.CONVERSION;
        BigDecimal value = type == EventType.CONVERSION ? BigDecimal.valueOf(1 + random.nextInt(50_000), 2) : null;
        return new TrackEvent(UUID.randomUUID(), campaign, type, at, null, SEGMENTS[random.nextInt(SEGMENTS.length)],
                CHANNELS.get(random.nextInt(CHANNELS.size())), DeviceType.values()[random.nextInt(3)],
                random.nextInt(12) == 0 ? BOT : BROWSER, null, null, null, "s-" + random.nextInt(400), null, value, null, null, null,
                null, null, null, null, null, null);
    }

    /** One or two entries a day (every other day, from the first) on random channels (or none: unallocated), a refund now and then. */
    private void spend(Random random, UUID id, Instant now, int firstDay) {
        for (int day = firstDay; day < DAYS; day += 2) {
            for (int n = 0; n <= random.nextInt(2); n++) {
                Instant at = now.minus(Duration.ofSeconds(day * 86_400L + random.nextInt(86_400)));
                String channel = random.nextInt(6) == 0 ? null : CHANNELS.get(random.nextInt(CHANNELS.size()));
                BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(20_000), 2);
                boolean refund = day > 10 && channel != null && random.nextInt(15) == 0;
                BigDecimal booked = refund ? amount.divide(BigDecimal.TEN).setScale(2, java.math.RoundingMode.DOWN) : amount;
                ledger.record(id, new SpendCommand(booked, refund ? SpendEntryType.REFUND : SpendEntryType.SPEND, channel, null, null, null,
                        at, null, null), PLANNER);
                spends.add(new Spent(id, at, channel, refund ? booked.negate() : booked));
            }
        }
    }

    public List<UUID> ids() {
        return new ArrayList<>(zones.keySet());
    }
}
