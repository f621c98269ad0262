package dev.campaignfn.functions.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.common.Breakdown;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.rollup.BucketCounts;
import dev.campaignfn.rollup.BucketQuery;
import dev.campaignfn.rollup.EventCounts;
import dev.campaignfn.rollup.EventTotals;
import dev.campaignfn.rollup.RollupFolder;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.TestClock;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.DeviceType;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.EventType;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The read primitive against the raw events, property style: random events (late ones, bots,
 * duplicates, several time zones including half-hour ones) arrive in waves with folds in between; for
 * random ranges, rollups plus tail must equal a scan of the raw events, and the daily rollups must
 * equal the raw events bucketed by each campaign's own days.
 */
@QuarkusTest
class RollupTest {

    static final List<String> ZONES = List.of("UTC", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Europe/Paris");
    static final String RAW_TOTALS = """
            select count(*) filter (where event_type = 'impression'), count(*) filter (where event_type = 'view'),
                   count(*) filter (where event_type = 'click'), count(*) filter (where event_type = 'conversion'),
                   coalesce(sum(value), 0)
              from campaign_events where campaign_id = ? and occurred_at >= ? and occurred_at < ? and (? or not is_bot)
            """;

    @Inject
    Fixtures fixtures;

    @Inject
    TrackingService tracking;

    @Inject
    RollupFolder folder;

    @Inject
    EventTotals totals;

    @Inject
    CampaignService campaigns;

    @Inject
    DataSource dataSource;

    @Test
    void rollupsPlusTailEqualTheRawEvents() throws Exception {
        Random random = new Random(20261121);
        List<UUID> ids = new ArrayList<>();
        for (String zone : ZONES) {
            ids.add(fixtures.active("EUR", zone));
        }
        List<TrackEvent> sent = new ArrayList<>();
        for (int wave = 0; wave < 4; wave++) {
            List<TrackingService.Candidate> batch = new ArrayList<>();
            for (int i = 0; i < 700; i++) {
                TrackEvent event = random.nextInt(10) == 0 && !sent.isEmpty() ? sent.get(random.nextInt(sent.size()))
                        : randomEvent(random, ids);
                sent.add(event);
                batch.add(TrackingService.Candidate.of(event));
            }
            for (int from = 0; from < batch.size(); from += 250) {
                List<EventOutcome> outcomes = Bounded.answer(tracking.ingest(batch.subList(from, Math.min(batch.size(), from + 250)),
                        ClientContext.of("192.0.2.1")));
                assertTrue(outcomes.stream().noneMatch(o -> o.status() == EventOutcome.Status.REJECTED), outcomes::toString);
            }
            if (wave < 3) {
                folder.fold();
            }
            checkRandomRanges(random, ids, 12);
        }
        folder.fold();
        long before = sumRollups();
        assertEquals(0, folder.fold().steps(), "a second fold finds nothing left");
        assertEquals(before, sumRollups());
        checkDailyRollups(ids);
        checkRandomRanges(random, ids, 20);
    }

    @Test
    void concurrentFoldsNeverCountTwice() throws Exception {
        Random random = new Random(7);
        List<UUID> ids = List.of(fixtures.active("EUR", "UTC"), fixtures.active("EUR", "Asia/Kolkata"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                work.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        List<TrackingService.Candidate> batch = new ArrayList<>();
                        for (int i = 0; i < 100; i++) {
                            batch.add(TrackingService.Candidate.of(randomEvent(random, ids)));
                        }
                        Bounded.answer(tracking.ingest(batch, ClientContext.of("192.0.2.2")));
                    }
                    return null;
                }));
            }
            for (int folds = 0; folds < 4; folds++) {
                work.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        folder.fold();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                Bounded.answer(f);
            }
        } finally {
            pool.shutdownNow();
        }
        folder.fold();
        for (UUID id : ids) {
            assertEquals(raw(id, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), true), hourlyRollup(id));
        }
    }

    @Test
    void aNewTimeZoneMovesTheDays() throws Exception {
        Random random = new Random(99);
        UUID id = fixtures.active("EUR", "UTC");
        List<TrackingService.Candidate> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            batch.add(TrackingService.Candidate.of(randomEvent(random, List.of(id))));
        }
        Bounded.answer(tracking.ingest(batch, ClientContext.of("192.0.2.3")));
        folder.fold();
        Campaign campaign = QuarkusTransaction.requiringNew().call(() -> Campaign.<Campaign>findById(id));
        campaigns.update(id, new CampaignCommand(campaign.name, null, campaign.type, campaign.startDate, campaign.endDate,
                campaign.budget, campaign.currency, "Pacific/Chatham", null, null, null, null), null, Fixtures.PLANNER);
        checkDailyRollups(List.of(id));
    }

    /**
     * A statement reads its tail one of two ways ({@code EventTotals.Backlog}): per campaign when many
     * events are unfolded, from every campaign's unfolded events when few are (here 1,200 and 60 for
     * three campaigns, either side of 100 a campaign). Each way must count what the raw events hold, by
     * instants (the hourly path), by the campaigns' own days (the daily path) and over their lifetime.
     */
    @Test
    void longAndShortBacklogsCountTheSame() throws Exception {
        Random random = new Random(31);
        Map<UUID, ZoneId> zones = new LinkedHashMap<>();
        for (String zone : List.of("UTC", "Asia/Kolkata", "America/New_York")) {
            zones.put(fixtures.active("EUR", zone), ZoneId.of(zone));
        }
        List<UUID> ids = List.copyOf(zones.keySet());
        folder.fold();
        for (int unfolded : new int[] { 1200, 60 }) {
            List<TrackingService.Candidate> batch = new ArrayList<>();
            for (int i = 0; i < unfolded; i++) {
                batch.add(TrackingService.Candidate.of(randomEvent(random, ids)));
            }
            Bounded.answer(tracking.ingest(batch, ClientContext.of("192.0.2.4")));
            // the way is chosen from a backlog reading at most this old: wait for one that sees this batch
            Thread.sleep(EventTotals.BACKLOG_REUSE.toMillis() + 100);
            checkRandomRanges(random, ids, 8);
            Map<UUID, EventCounts> lifetime = totals.lifetime(ids, false);
            for (UUID id : ids) {
                assertEquals(raw(id, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), false), lifetime.get(id),
                        "lifetime of " + id + " with " + unfolded + " unfolded");
            }
            checkOwnDays(zones, unfolded);
            folder.fold();
        }
    }

    /** Each campaign's last 22 days in its own zone, from EventTotals.buckets against the raw events. */
    private void checkOwnDays(Map<UUID, ZoneId> zones, int unfolded) throws Exception {
        LocalDate today = LocalDate.ofInstant(TestClock.CLOCK.instant(), ZoneOffset.UTC);
        List<LocalDate> boundaries = today.minusDays(21).datesUntil(today.plusDays(2)).toList();
        Map<String, EventCounts> counted = new HashMap<>();
        for (BucketCounts row : totals.buckets(new BucketQuery(zones, null, boundaries, Map.of(), null, true, Breakdown.CAMPAIGN_AND_BUCKET))) {
            counted.put(row.campaignId() + " " + row.bucket(), row.counts());
        }
        for (Map.Entry<UUID, ZoneId> campaign : zones.entrySet()) {
            for (int day = 0; day + 1 < boundaries.size(); day++) {
                EventCounts expected = raw(campaign.getKey(), boundaries.get(day).atStartOfDay(campaign.getValue()).toInstant(),
                        boundaries.get(day + 1).atStartOfDay(campaign.getValue()).toInstant(), true);
                assertEquals(expected, counted.getOrDefault(campaign.getKey() + " " + day, EventCounts.ZERO),
                        "day " + boundaries.get(day) + " of " + campaign.getKey() + " with " + unfolded + " unfolded");
            }
        }
    }

    private void checkRandomRanges(Random random, List<UUID> ids, int ranges) throws Exception {
        Instant now = TestClock.CLOCK.instant();
        for (int r = 0; r < ranges; r++) {
            UUID id = ids.get(random.nextInt(ids.size()));
            Instant start = now.minus(Duration.ofMinutes(random.nextInt(22 * 24 * 60)));
            Instant from = random.nextBoolean() ? start.truncatedTo(ChronoUnit.HOURS) : start;
            Instant to = from.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60) + 1).plusSeconds(random.nextInt(60)));
            boolean bots = random.nextBoolean();
            EventCounts expected = raw(id, from, to, bots);
            assertEquals(expected, totals.totals(id, from, to, bots), () -> "range " + id + " [" + from + ", " + to + ") bots=" + bots);
        }
    }

    /** The daily rollups of each campaign equal its raw events bucketed by the campaign's own days. */
    private void checkDailyRollups(List<UUID> ids) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (UUID id : ids) {
                for (String dimension : List.of("total", "channel", "audience_segment", "device_type")) {
                    String key = dimension.equals("total") ? "''" : "coalesce(e." + dimension + ", '')";
                    Map<String, String> raw = rows(c, """
                            select (e.occurred_at at time zone c.time_zone)::date || '|' || %s || '|' || e.is_bot,
                                   count(*) filter (where event_type = 'impression') || '/' || count(*) filter (where event_type = 'view')
                                   || '/' || count(*) filter (where event_type = 'click') || '/' || count(*) filter (where event_type = 'conversion')
                                   || '/' || coalesce(sum(value), 0)::numeric(18,2)
                              from campaign_events e join campaigns c on c.id = e.campaign_id
                             where e.campaign_id = ? group by 1
                            """.formatted(key), id);
                    Map<String, String> rolled = rows(c, """
                            select day || '|' || dimension_value || '|' || is_bot,
                                   impressions || '/' || views || '/' || clicks || '/' || conversions || '/' || revenue
                              from event_rollups_daily where campaign_id = ? and dimension = '%s'
                            """.formatted(dimension), id);
                    assertEquals(raw, rolled, "daily " + dimension + " of " + id);
                }
            }
        }
    }

    private static Map<String, String> rows(Connection c, String sql, UUID id) throws Exception {
        Map<String, String> result = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return result;
    }

    private EventCounts raw(UUID id, Instant from, Instant to, boolean bots) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(RAW_TOTALS)) {
            s.setObject(1, id);
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            s.setBoolean(4, bots);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new EventCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5).setScale(2));
            }
        }
    }

    private EventCounts hourlyRollup(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select coalesce(sum(impressions), 0), coalesce(sum(views), 0), coalesce(sum(clicks), 0), coalesce(sum(conversions), 0),"
                        + " coalesce(sum(revenue), 0) from event_rollups_hourly where campaign_id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new EventCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5).setScale(2));
            }
        }
    }

    private long sumRollups() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select (select coalesce(sum(impressions + views + clicks + conversions), 0) from event_rollups_hourly)"
                        + " + (select coalesce(sum(impressions + views + clicks + conversions), 0) from event_rollups_daily)");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static TrackEvent randomEvent(Random random, List<UUID> ids) {
        EventType type = EventType.values()[random.nextInt(4)];
        boolean conversion = type == EventType.CONVERSION;
        Instant occurred = TestClock.CLOCK.instant().minus(Duration.ofSeconds(random.nextInt(21 * 24 * 3600)));
        String[] channels = { "email", "facebook", null, "google_search" };
        String[] segments = { "new", "returning", null };
        return new TrackEvent(UUID.randomUUID(), ids.get(random.nextInt(ids.size())), type, occurred, null,
                segments[random.nextInt(3)], channels[random.nextInt(4)], DeviceType.values()[random.nextInt(4)],
                random.nextInt(12) == 0 ? "Googlebot/2.1" : "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0", null, null, null,
                "s-" + random.nextInt(500), null, conversion ? BigDecimal.valueOf(random.nextInt(20000), 2) : null, null,
                conversion && random.nextBoolean() ? "ord-" + random.nextInt(300) : null, null, null, null, null, null, null, null);
    }
}
