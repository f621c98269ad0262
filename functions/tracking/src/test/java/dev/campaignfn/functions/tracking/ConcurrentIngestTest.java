package dev.campaignfn.functions.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.campaignfn.rollup.RollupFolder;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.Rows;
import dev.campaignfn.testing.TestClock;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Eight clients send 10,000 events at once, one in ten of them a retry of an event already sent (by
 * itself or another client, so retries race each other): the store keeps exactly the distinct events,
 * and after folding the rollups count exactly what is stored. A third of the events are sent without
 * occurred_at, so their retries take the path that matches copies by event_id alone.
 */
@QuarkusTest
class ConcurrentIngestTest {

    @Inject
    Fixtures fixtures;

    @Inject
    TrackingService tracking;

    @Inject
    RollupFolder folder;

    @Inject
    DataSource dataSource;

    @Test
    void eightClientsTenThousandEventsTenPercentRetries() throws Exception {
        List<UUID> campaigns = List.of(fixtures.active("EUR", "UTC"), fixtures.active("EUR", "America/Chicago"));
        List<TrackEvent> sentOnce = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<int[]>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int seed = c;
            clients.add(() -> {
                Random random = new Random(seed);
                int[] outcomes = new int[3];
                for (int i = 0; i < 1250; i++) {
                    TrackEvent event;
                    if (i % 10 == 9) {
                        event = sentOnce.get(random.nextInt(sentOnce.size()));
                    } else {
                        event = RollupTest.randomEvent(random, campaigns);
                        if (random.nextInt(3) == 0) {
                            event = untimed(event);
                        }
                        sentOnce.add(event);
                    }
                    // time moves on between requests, so a copy sent without occurred_at is stamped later than its
                    // original and must be matched to it by event_id
                    TestClock.CLOCK.advance(Duration.ofNanos(1000));
                    EventOutcome outcome = Bounded.answer(tracking.ingest(event, ClientContext.of("192.0.2." + seed)));
                    outcomes[outcome.status().ordinal()]++;
                }
                return outcomes;
            });
        }
        int accepted = 0;
        int duplicates = 0;
        try {
            for (Future<int[]> future : clients.stream().map(pool::submit).toList()) {
                int[] outcomes = Bounded.answer(future);
                accepted += outcomes[0];
                duplicates += outcomes[1];
                assertEquals(0, outcomes[2], "nothing is rejected");
            }
        } finally {
            pool.shutdownNow();
        }
        long distinct = sentOnce.stream().map(TrackEvent::eventId).distinct().count();
        long distinctOrders = sentOnce.stream().filter(e -> e.orderId() != null)
                .map(e -> e.campaignId() + "/" + e.orderId()).distinct().count();
        long withOrders = sentOnce.stream().filter(e -> e.orderId() != null).count();
        long expectedStored = distinct - (withOrders - distinctOrders);
        Rows rows = new Rows(dataSource);
        long stored = (long) rows.value("select count(*) from campaign_events where campaign_id in (?, ?)", campaigns.get(0),
                campaigns.get(1));
        assertEquals(expectedStored, stored, "every distinct event once; a repeated order id once per campaign");
        assertEquals(stored, accepted);
        assertEquals(10_000 - accepted, duplicates);

        folder.fold();
        for (UUID id : campaigns) {
            assertEquals(rows.value("select count(*) from campaign_events where campaign_id = ?", id),
                    rows.value("select sum(impressions + views + clicks + conversions)::bigint from event_rollups_hourly where campaign_id = ?", id));
            assertEquals(rows.value("select coalesce(sum(value), 0) from campaign_events where campaign_id = ?", id),
                    rows.value("select sum(revenue) from event_rollups_daily where campaign_id = ? and dimension = 'total'", id));
        }
    }

    private static TrackEvent untimed(TrackEvent e) {
        return new TrackEvent(e.eventId(), e.campaignId(), e.eventType(), null, e.eventData(), e.audienceSegment(), e.channel(),
                e.deviceType(), e.userAgent(), e.ipAddress(), e.referrerUrl(), e.landingUrl(), e.sessionId(), e.userId(), e.value(),
                e.currency(), e.orderId(), e.conversionType(), e.utmSource(), e.utmMedium(), e.utmCampaign(), e.utmTerm(),
                e.utmContent(), e.utmId());
    }
}
