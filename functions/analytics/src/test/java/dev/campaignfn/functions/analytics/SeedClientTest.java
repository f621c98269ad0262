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
        assertEquals(List.of("date", "start_date", "end_date", "views", "clicks", "conversions"), fieldNames(point),
                "the chosen metrics, in order");
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
        assertTrue(get(API + "/campaigns/" + id + "/summary?" + params(filters)).path("summary").has("total_views"));
        JsonNode daily = get(API + "/campaigns/" + id + "/daily?" + params(filters));
        assertEquals(7, daily.path("daily_stats").size());
        assertTrue(daily.path("daily_stats").get(0).has("click_through_rate"));
        filters.put("segment_by", "device_type");
        JsonNode segmented = get(API + "/campaigns/" + id + "/segmented?" + params(filters));
        assertTrue(segmented.path("segmented_stats").has("desktop"), segmented.path("segmented_stats").fieldNames()::next);
        filters.remove("segment_by");
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
        stream.put("last_updated", page.path("last_updated").asText());
        assertEquals(0, get(API + "/stream?" + params(stream)).path("events").size(), "nothing new since");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
