package dev.campaignfn.functions.campaigns;

import static dev.campaignfn.functions.campaigns.Api.CAMPAIGNS;
import static dev.campaignfn.functions.campaigns.Api.analyst;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Seed 000's getEvents through the Lambda path: filters, bots in or out, newest first, every event once across pages. */
@QuarkusTest
class CampaignEventsTest {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0";
    static final String BOT = "Googlebot/2.1 (+http://www.google.com/bot.html)";

    @Inject
    TrackingService tracking;

    @Test
    void listsFiltersAndPagesNewestFirst() {
        String id = Api.launched("Events list " + UUID.randomUUID(), "1000", "email", "facebook");
        UUID campaign = UUID.fromString(id);
        Instant base = Instant.now().minus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<TrackingService.Candidate> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            EventType type = i % 5 == 4 ? EventType.CONVERSION : i % 2 == 0 ? EventType.IMPRESSION : EventType.CLICK;
            sent.add(TrackingService.Candidate.of(new TrackEvent(UUID.randomUUID(), campaign, type, base.plus(i * 30L, ChronoUnit.MINUTES),
                    null, null, i % 3 == 0 ? "facebook" : "email", null, i == 7 ? BOT : BROWSER, null, null, null, "s-" + i, null,
                    type == EventType.CONVERSION ? new BigDecimal("10.00") : null, null, null, null, null, null, null, null, null, null)));
        }
        List<EventOutcome> outcomes = Bounded.answer(tracking.ingest(sent, ClientContext.of("198.51.100.7")));
        outcomes.forEach(o -> assertEquals(EventOutcome.Status.ACCEPTED, o.status(), o::toString));

        // every non-bot event once, newest first, across pages of 10
        List<String> seen = new ArrayList<>();
        Instant previous = Instant.MAX;
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = get(id, "limit=10" + (cursor == null ? "" : "&cursor=" + cursor));
            for (Object raw : page.getList("data.events")) {
                java.util.Map<?, ?> event = (java.util.Map<?, ?>) raw;
                Instant at = Instant.parse((String) event.get("occurred_at"));
                assertFalse(at.isAfter(previous), "newest first");
                previous = at;
                seen.add((String) event.get("id"));
                assertEquals(id, event.get("campaign_id"));
                assertTrue(event.containsKey("marketing_campaigns") && event.containsKey("event_data") && event.containsKey("channel"),
                        "the stream's field names");
            }
            cursor = page.getString("data.next_cursor");
            assertEquals(cursor != null, page.getBoolean("data.has_more"));
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(24, seen.size(), "the bot's event left out");
        assertEquals(24, seen.stream().distinct().count(), "no event twice");
        assertEquals(25, get(id, "include_bots=true&limit=100").getList("data.events").size());

        // filters: types, channel, an inclusive range of date-times
        JsonPath conversions = get(id, "event_type=conversion&limit=100");
        assertEquals(5, conversions.getList("data.events").size());
        assertTrue(conversions.getList("data.events.event_type").stream().allMatch("conversion"::equals));
        long clicksAndConversions = sent.stream().map(TrackingService.Candidate::event).filter(e -> !BOT.equals(e.userAgent())
                && (e.eventType() == EventType.CLICK || e.eventType() == EventType.CONVERSION)).count();
        assertEquals(clicksAndConversions, get(id, "event_type=click,conversion&limit=100").getList("data.events").size());
        long facebook = sent.stream().map(TrackingService.Candidate::event).filter(e -> !BOT.equals(e.userAgent())
                && "facebook".equals(e.channel())).count();
        assertEquals(facebook, get(id, "channel=facebook&limit=100").getList("data.events").size());
        assertEquals(4, get(id, "start_date=" + base.plus(60, ChronoUnit.MINUTES) + "&end_date=" + base.plus(150, ChronoUnit.MINUTES))
                .getList("data.events").size(), "the events at +60, +90, +120 and +150 minutes");

        // bad input: a clear 4xx each
        for (String query : List.of("cursor=abc", "cursor=99999999999999999999.1", "event_type=purchase", "limit=0", "limit=501",
                "start_date=2026-13-01", "start_date=" + base + "&end_date=" + base.minusSeconds(1), "include_bots=maybe")) {
            ApiGateway.Response answer = analyst().get(CAMPAIGNS + "/" + id + "/events?" + query);
            assertEquals(400, answer.status(), query + ": " + answer);
            assertTrue(answer.body().contains("\"errors\""), answer::toString);
        }
        assertEquals(404, analyst().get(CAMPAIGNS + "/" + UUID.randomUUID() + "/events").status());
    }

    static JsonPath get(String id, String query) {
        ApiGateway.Response answer = analyst().get(CAMPAIGNS + "/" + id + "/events?" + query);
        assertEquals(200, answer.status(), answer::toString);
        return answer.json();
    }
}
