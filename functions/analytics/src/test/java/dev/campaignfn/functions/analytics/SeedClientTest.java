package dev.campaignfn.functions.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.campaignfn.testing.ApiGateway;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Seed 004's frontend client, call for call: {@code AnalyticsService} in analyticsService.ts builds
 * its URLs with URLSearchParams from the filters (arrays joined with commas) and its hook reads
 * {@code response.data} of the envelope. Each call here is built the same way and the fields the
 * seed's code reads are checked to be there.
 */
@QuarkusTest
class SeedClientTest {

    static final String API = "/v1/marketing/admin/analytics";

    @Inject
    World world;

    List<UUID> ids;

    @BeforeEach
    void history() {
        ids = world.build().ids();
    }

    /** URLSearchParams: each defined filter appended in order, arrays joined with ','. */
    static String params(Map<String, Object> filters) {
        StringBuilder query = new StringBuilder();
        filters.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
            query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        });
        return query.toString();
    }

    /** What apiClient.get(...).data is: the envelope; the hook keeps its data. */
    static JsonNode get(String url) {
        ApiGateway.Response answer = ApiGateway.as("marketer@example.com", "marketing_admin").get(url);
        assertEquals(200, answer.status(), () -> url + ": " + answer);
        JsonNode envelope = Expected.json(answer);
        assertTrue(envelope.path("success").asBoolean());
        return envelope.path("data");
    }

    @Test
    void getCampaignAnalyticsAsTheHookCallsIt() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("date_range", "30d");
        filters.put("group_by", "week");
        filters.put("metrics", List.of("views", "clicks", "conversions"));
        filters.put("channel", "email");
        JsonNode analytics = get(API + "/campaigns/" + ids.get(1) + "?" + params(filters));
        for (String field : List.of("total_views", "total_clicks", "total_conversions", "total_impressions", "click_through_rate",
                "conversion_rate")) {
            assertTrue(analytics.path("summary").has(field), field);
        }
        JsonNode point = analytics.path("daily_stats").get(0);
        assertEquals(List.of("date", "analytics_date", "start_date", "end_date", "campaign_id", "views", "clicks", "conversions",
                "impressions", "click_through_rate", "conversion_rate"), fieldNames(point),
                "the chosen metrics in order, then the seed's fields not chosen");
        analytics = get(API + "/campaigns/" + ids.get(1) + "?" + params(Map.of("metrics", List.of("roas"))));
        assertEquals(List.of("date", "analytics_date", "start_date", "end_date", "campaign_id", "roas", "views", "clicks", "conversions",
                "impressions", "click_through_rate", "conversion_rate"), fieldNames(analytics.path("daily_stats").get(0)),
                "metrics adds to the seed's fields, never removes them");
        for (String field : List.of("views", "clicks", "conversions", "ctr")) {
            assertTrue(analytics.path("period_change").has(field), field);
        }
        assertEquals(ids.get(1).toString(), analytics.at("/campaign/id").asText());
        assertEquals("Europe/Paris", analytics.path("time_zone").asText());
    }

    @Test
    void theOtherCallsOfTheService() {
        String id = ids.get(0).toString();
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("date_range", "7d");
        JsonNode summary = get(API + "/campaigns/" + id + "/summary?" + params(filters));
        assertTrue(summary.path("summary").has("total_views"));
        // the seed's summary view: the campaign's id and its lifetime first and last (non-bot) events
        assertEquals(id, summary.at("/summary/campaign_id").asText());
        List<java.time.Instant> times = world.events.stream().filter(e -> e.campaignId().equals(ids.get(0)) && !e.bot())
                .map(World.Sent::at).sorted().toList();
        assertEquals(times.get(0), java.time.Instant.parse(summary.at("/summary/first_event").asText()));
        assertEquals(times.get(times.size() - 1), java.time.Instant.parse(summary.at("/summary/last_event").asText()));
        // the seed's marketing_campaigns columns
        assertEquals(summary.at("/campaign/name").asText(), summary.at("/campaign/campaign_name").asText());
        assertEquals(summary.at("/campaign/type").asText(), summary.at("/campaign/template_type").asText());
        assertEquals("active".equals(summary.at("/campaign/status").asText()), summary.at("/campaign/is_active").asBoolean());
        assertTrue(summary.at("/campaign/created_at").isTextual());

        JsonNode daily = get(API + "/campaigns/" + id + "/daily?" + params(filters));
        assertEquals(7, daily.path("daily_stats").size());
        for (JsonNode row : daily.path("daily_stats")) {
            assertEquals(id, row.path("campaign_id").asText());
            assertEquals(row.path("date").asText(), row.path("analytics_date").asText());
            assertTrue(row.has("click_through_rate") && row.has("impressions"));
        }
        filters.put("segment_by", "device_type");
        filters.put("channel", "email");
        JsonNode segmented = get(API + "/campaigns/" + id + "/segmented?" + params(filters));
        assertTrue(segmented.path("segmented_stats").has("desktop"), segmented.path("segmented_stats").fieldNames()::next);
        // rows name themselves as the seed's segmented view: the segment's value, the filter's, null where summed over
        JsonNode row = segmented.at("/segmented_stats/desktop/0");
        assertEquals(id, row.path("campaign_id").asText());
        assertEquals(row.path("date").asText(), row.path("analytics_date").asText());
        assertEquals("desktop", row.path("device_type").asText());
        assertEquals("email", row.path("channel").asText());
        assertTrue(row.path("audience_segment").isNull() && row.has("audience_segment"));
        filters.remove("segment_by");
        filters.remove("channel");
        JsonNode comparison = get(API + "/compare?campaign_ids=" + URLEncoder.encode(id + "," + ids.get(3), StandardCharsets.UTF_8) + "&"
                + params(filters));
        for (String field : List.of("campaign_id", "campaign_name", "total_views", "total_clicks", "total_conversions",
                "click_through_rate", "conversion_rate")) {
            assertTrue(comparison.path("comparison").get(0).has(field), field);
        }
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("campaign_id", id);
        stream.put("limit", 5);
        JsonNode page = get(API + "/stream?" + params(stream));
        assertEquals(5, page.path("events").size());
        for (JsonNode event : page.path("events")) {
            assertEquals(event.path("campaign_name").asText(), event.at("/marketing_campaigns/campaign_name").asText(), "the seed's join");
        }
        stream.put("last_updated", page.path("last_updated").asText());
        assertEquals(0, get(API + "/stream?" + params(stream)).path("events").size(), "nothing new since");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
