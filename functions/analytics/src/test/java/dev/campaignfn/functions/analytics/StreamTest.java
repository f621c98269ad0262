package dev.campaignfn.functions.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.TestClock;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The live stream: a cursor that neither skips nor repeats an event while others are being written. */
@QuarkusTest
class StreamTest {

    static final String STREAM = ReportAccuracyTest.BASE + "/stream";

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    TrackingService tracking;

    private UUID campaign() {
        Instant now = TestClock.CLOCK.instant();
        UUID id = campaigns.create(new CampaignCommand("Stream " + UUID.randomUUID(), null, CampaignType.EMAIL,
                now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(5)), new BigDecimal("100"), "EUR", "UTC", null, World.CHANNELS,
                null, null), World.PLANNER).id();
        lifecycle.launch(id, World.PLANNER);
        return id;
    }

    private List<UUID> send(UUID campaign, int count, Random random, boolean bots) {
        List<TrackEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TrackEvent e = World.randomEvent(random, campaign, TestClock.CLOCK.instant().minusSeconds(random.nextInt(3600)));
            events.add(new TrackEvent(e.eventId(), e.campaignId(), e.eventType(), e.occurredAt(), e.eventData(), e.audienceSegment(),
                    e.channel(), e.deviceType(), bots ? World.BOT : World.BROWSER, null, null, null, null, null, e.value(), null, null,
                    null, null, null, null, null, null, null));
        }
        List<UUID> accepted = new ArrayList<>();
        List<EventOutcome> outcomes = Bounded.answer(tracking.ingest(events.stream().map(TrackingService.Candidate::of).toList(),
                ClientContext.of("203.0.113.20")));
        for (int i = 0; i < events.size(); i++) {
            if (outcomes.get(i).status() == EventOutcome.Status.ACCEPTED) {
                accepted.add(events.get(i).eventId());
            }
        }
        return accepted;
    }

    private static JsonNode page(String query) {
        ApiGateway.Response answer = ReportAccuracyTest.analyst().get(STREAM + "?" + query);
        assertEquals(200, answer.status(), answer::toString);
        return Expected.json(answer).path("data");
    }

    @Test
    void followingTheCursorSeesEveryEventOnce() throws Exception {
        UUID campaign = campaign();
        Random random = new Random(5);
        send(campaign, 30, random, false);
        JsonNode first = page(ApiGateway.query("campaign_id", campaign.toString(), "limit", "10"));
        assertEquals(10, first.path("events").size(), "the first page: the newest events");
        String cursor = first.path("last_updated").asText();

        List<UUID> written = Collections.synchronizedList(new ArrayList<>());
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Random own = new Random(100 + w);
            work.add(writers.submit(() -> {
                for (int batch = 0; batch < 10; batch++) {
                    written.addAll(send(campaign, 1 + own.nextInt(30), own, false));
                }
                return null;
            }));
        }
        List<UUID> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Bounded.LIMIT.toNanos();
        try {
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw Bounded.hung("the stream's end (seen " + seen.size() + " of " + written.size() + " written)", null);
                }
                // read "all written" before the page, so that the page after the last write is read
                boolean last = work.stream().allMatch(Future::isDone);
                JsonNode page = page(ApiGateway.query("campaign_id", campaign.toString(), "limit", "25", "last_updated", cursor));
                List<UUID> ids = new ArrayList<>();
                page.path("events").forEach(e -> ids.add(UUID.fromString(e.path("id").asText())));
                Collections.reverse(ids);
                seen.addAll(ids);
                assertTrue(Long.parseLong(page.path("last_updated").asText()) >= Long.parseLong(cursor), "the cursor never goes back");
                cursor = page.path("last_updated").asText();
                if (last && !page.path("has_more").asBoolean()) {
                    break;
                }
            }
            for (Future<?> f : work) {
                Bounded.answer(f);
            }
        } finally {
            writers.shutdownNow();
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no event twice");
        assertEquals(new HashSet<>(written), new HashSet<>(seen), "every event written after the first page, once");
    }

    @Test
    void botsOnlyWhenAskedAndTheSeedsTimestampStarts() {
        UUID campaign = campaign();
        Random random = new Random(9);
        String start = page(ApiGateway.query("campaign_id", campaign.toString())).path("last_updated").asText();
        List<UUID> humans = send(campaign, 5, random, false);
        List<UUID> bots = send(campaign, 3, random, true);
        Set<UUID> plain = ids(page(ApiGateway.query("campaign_id", campaign.toString(), "last_updated", start)));
        assertEquals(new HashSet<>(humans), plain);
        Set<UUID> all = ids(page(ApiGateway.query("campaign_id", campaign.toString(), "last_updated", start, "include_bots", "true")));
        Set<UUID> expected = new HashSet<>(humans);
        expected.addAll(bots);
        assertEquals(expected, all);

        // seed 004's frontend sends a timestamp: events received after it, newest first
        JsonNode since = page(ApiGateway.query("campaign_id", campaign.toString(), "last_updated",
                TestClock.CLOCK.instant().minusSeconds(60).toString()));
        assertEquals(5, since.path("events").size());
        assertFalse(since.path("has_more").asBoolean());
        JsonNode event = since.path("events").get(0);
        assertTrue(event.hasNonNull("campaign_name") && event.has("event_type") && event.has("created_at") && event.has("channel"),
                event::toString);

        for (String[] bad : new String[][] { { "limit", "0" }, { "limit", "501" }, { "last_updated", "yesterday" },
                { "campaign_id", "nope" }, { "include_bots", "maybe" } }) {
            ApiGateway.Response answer = ReportAccuracyTest.analyst().get(STREAM + "?" + ApiGateway.query(bad[0], bad[1]));
            assertEquals(400, answer.status(), answer::toString);
            assertEquals(bad[0], Expected.json(answer).at("/errors/0/field").asText());
        }
        assertEquals(404, ReportAccuracyTest.analyst().get(STREAM + "?campaign_id=" + UUID.randomUUID()).status());
    }

    private static Set<UUID> ids(JsonNode page) {
        Set<UUID> ids = new HashSet<>();
        page.path("events").forEach(e -> ids.add(UUID.fromString(e.path("id").asText())));
        return ids;
    }
}
