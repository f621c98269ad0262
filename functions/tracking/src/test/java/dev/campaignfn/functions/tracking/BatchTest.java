package dev.campaignfn.functions.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Rows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** POST /track-events: one outcome per event in the order sent; one bad event never sinks the batch. */
@QuarkusTest
class BatchTest {

    static final String BATCH = "/v1/marketing/track-events";

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource dataSource;

    @Test
    void everyEventGetsItsOutcome() {
        UUID campaign = fixtures.active();
        UUID repeated = UUID.randomUUID();
        String body = """
                {"events": [
                  {"event_id": "%1$s", "campaign_id": "%2$s", "event_type": "impression"},
                  {"event_id": "%1$s", "campaign_id": "%2$s", "event_type": "impression"},
                  {"campaign_id": "%2$s", "event_type": "conversion", "value": 12.5, "order_id": "A-1"},
                  {"campaign_id": "%2$s", "event_type": "conversion", "value": 12.5, "order_id": "A-1"},
                  {"campaign_id": "%2$s", "event_type": "view", "value": "12"},
                  42,
                  {"campaign_id": "%3$s", "event_type": "click"},
                  {"campaign_id": "%2$s", "event_type": "click", "utm_source": "newsletter", "utm_medium": "email"}
                ]}
                """.formatted(repeated, campaign, UUID.randomUUID());
        ApiGateway.Response answer = ApiGateway.anonymous().post(BATCH, body);
        assertEquals(200, answer.status(), answer::toString);
        var data = answer.json();
        assertEquals(List.of("accepted", "duplicate", "accepted", "duplicate", "rejected", "rejected", "rejected", "accepted"),
                data.getList("data.results.status"));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), data.getList("data.results.index", Integer.class));
        assertEquals("duplicate_event_id", data.getString("data.results[1].reason"));
        assertEquals("duplicate_order_id", data.getString("data.results[3].reason"));
        assertEquals("invalid_field", data.getString("data.results[4].reason"));
        assertEquals("value", data.getString("data.results[4].field"));
        assertEquals("invalid_json", data.getString("data.results[5].reason"));
        assertEquals("unknown_campaign", data.getString("data.results[6].reason"));
        assertEquals(3, data.getInt("data.accepted"));
        assertEquals(2, data.getInt("data.duplicates"));
        assertEquals(3, data.getInt("data.rejected"));
        Rows rows = new Rows(dataSource);
        assertEquals(3L, rows.value("select count(*) from campaign_events where campaign_id = ?", campaign));
        assertEquals("email", rows.value("select channel from campaign_events where campaign_id = ? and event_type = 'click'", campaign));
    }

    @Test
    void aBatchAnsweredTwiceStoresOnce() {
        UUID campaign = fixtures.active();
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            events.append(i == 0 ? "" : ",").append("{\"event_id\": \"").append(UUID.randomUUID()).append("\", \"campaign_id\": \"")
                    .append(campaign).append("\", \"event_type\": \"").append(i % 10 == 0 ? "click" : "impression").append("\"}");
        }
        String body = "{\"events\": [" + events + "]}";
        ApiGateway.Response first = ApiGateway.anonymous().post(BATCH, body);
        assertEquals(500, first.json().getInt("data.accepted"), first::toString);
        ApiGateway.Response retry = ApiGateway.anonymous().post(BATCH, body);
        assertEquals(500, retry.json().getInt("data.duplicates"));
        assertEquals(500L, new Rows(dataSource).value("select count(*) from campaign_events where campaign_id = ?", campaign));
    }

    /** Text a site may really send, stored exactly as sent by both statement shapes (per-value and per-column arrays). */
    @ParameterizedTest
    @ValueSource(ints = { 3, 40 })
    void awkwardTextIsStoredExactly(int size) throws Exception {
        UUID campaign = fixtures.active();
        String[] awkward = { "say \"hi\"", "back\\slash", "{braces}", "a,b", "NULL", "", "line\nbreak", "tab\there", "日本語 🚀",
                "'single'", "\\\"" };
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String text = awkward[i % awkward.length];
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event_id", UUID.randomUUID().toString());
            event.put("campaign_id", campaign.toString());
            event.put("event_type", "click");
            event.put("session_id", "s<" + text + ">");
            event.put("user_agent", "agent<" + text + ">");
            event.put("utm_content", text.isEmpty() ? null : text);
            event.put("event_data", Map.of("text", text, "nested", List.of(text, Map.of(text.isEmpty() ? "k" : text, 1))));
            events.add(event);
        }
        ApiGateway.Response answer = ApiGateway.anonymous().post(BATCH, json.writeValueAsString(Map.of("events", events)));
        assertEquals(size, answer.json().getInt("data.accepted"), answer::toString);
        Rows rows = new Rows(dataSource);
        for (Map<String, Object> event : events) {
            UUID id = UUID.fromString((String) event.get("event_id"));
            assertEquals(event.get("session_id"), rows.value("select session_id from campaign_events where event_id = ?", id));
            assertEquals(event.get("user_agent"), rows.value("select user_agent from campaign_events where event_id = ?", id));
            assertEquals(event.get("utm_content"), rows.value("select utm_content from campaign_events where event_id = ?", id));
            assertEquals(json.valueToTree(event.get("event_data")),
                    json.readTree((String) rows.value("select event_data::text from campaign_events where event_id = ?", id)));
        }
    }

    /**
     * PostgreSQL cannot store NUL, nor UTF-8 a lone surrogate: the event that carries one is refused, naming where,
     * the others of its batch are stored; an element of the wrong shape is refused in the API's words, not Jackson's.
     */
    @Test
    void unstorableTextAndWrongTypesAreRefusedWithoutSinkingTheBatch() {
        UUID campaign = fixtures.active();
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String extra = switch (i) {
                case 3 -> ", \"session_id\": \"a\\u0000b\"";
                case 17 -> ", \"event_data\": {\"k\": [\"x\\u0000\"]}";
                case 25 -> ", \"event_data\": {\"k\\u0000\": 1}";
                case 9 -> ", \"utm_source\": \"sur\\ud800rogate\"";
                case 11 -> ", \"event_id\": 12";
                case 12 -> ", \"occurred_at\": \"1700000000\"";
                case 13 -> ", \"value\": \"12\"";
                default -> "";
            };
            events.append(i == 0 ? "" : ",").append("{\"campaign_id\": \"").append(campaign).append("\", \"event_type\": \"view\"")
                    .append(extra).append('}');
        }
        ApiGateway.Response answer = ApiGateway.anonymous().post(BATCH, "{\"events\": [" + events + "]}");
        assertEquals(200, answer.status(), answer::toString);
        assertEquals(23, answer.json().getInt("data.accepted"), answer::toString);
        assertEquals("session_id", answer.json().getString("data.results[3].field"));
        assertEquals("event_data.k[0]", answer.json().getString("data.results[17].field"));
        assertEquals("event_data", answer.json().getString("data.results[25].field"));
        assertEquals("invalid_field", answer.json().getString("data.results[25].reason"));
        assertEquals("utm_source", answer.json().getString("data.results[9].field"));
        assertTrue(answer.json().getString("data.results[9].message").contains("lone surrogate"), answer::toString);
        assertEquals("event_id: must be a UUID, not '12'", answer.json().getString("data.results[11].message"));
        assertEquals("occurred_at", answer.json().getString("data.results[12].field"));
        assertTrue(answer.json().getString("data.results[12].message").contains("RFC 3339"), answer::toString);
        assertEquals("value", answer.json().getString("data.results[13].field"));
        for (String internal : List.of("java.", "dev.campaignfn", "Coercion", "class ", "Jackson", "[Source")) {
            assertFalse(answer.body().contains(internal), () -> "no internal name (" + internal + ") in " + answer);
        }
        assertEquals(23L, new Rows(dataSource).value("select count(*) from campaign_events where campaign_id = ?", campaign));
    }

    @Test
    void theBatchItselfMustBeWellFormed() {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            events.append(i == 0 ? "" : ",").append("{}");
        }
        ApiGateway.Response tooMany = ApiGateway.anonymous().post(BATCH, "{\"events\": [" + events + "]}");
        assertEquals(400, tooMany.status());
        assertEquals("events", tooMany.json().getString("errors[0].field"));
        assertEquals(400, ApiGateway.anonymous().post(BATCH, "[{}]").status());
        assertEquals(400, ApiGateway.anonymous().post(BATCH, "{\"events\": {}}").status());
        assertEquals(400, ApiGateway.anonymous().post(BATCH, "{\"events\": [], \"more\": 1}").status());
        assertEquals(400, ApiGateway.anonymous().post(BATCH, "{\"events\": [").status());
        assertEquals(200, ApiGateway.anonymous().post(BATCH, "{\"events\": []}").status());
        String big = "{\"events\": [{\"event_data\": {\"x\": \"" + "y".repeat(2_200_000) + "\"}}]}";
        assertEquals(413, ApiGateway.anonymous().post(BATCH, big).status());
    }
}
