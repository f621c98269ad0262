package dev.campaignfn.functions.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Rows;
import dev.campaignfn.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** POST /track-event through the Lambda path: every rule, every rejection reason, nothing written when refused. */
@QuarkusTest
class TrackEventTest {

    static final String TRACK = "/v1/marketing/track-event";
    static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1";

    @Inject
    Fixtures fixtures;

    @Inject
    DataSource dataSource;

    @Test
    void anEventIsStoredOnceHoweverOftenItIsSent() {
        UUID campaign = fixtures.active();
        UUID eventId = UUID.randomUUID();
        UUID timedId = UUID.randomUUID();
        String body = """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "view", "user_agent": "%s",
                 "audience_segment": "returning", "session_id": "s-1", "user_id": "u-1", "event_data": {"page": "/spring"}}
                """.formatted(eventId, campaign, BROWSER);
        ApiGateway.Response first = ApiGateway.anonymous().post(TRACK, body);
        assertEquals(200, first.status(), first::toString);
        assertEquals("accepted", first.json().getString("data.status"));
        assertEquals(eventId.toString(), first.json().getString("data.event_id"));
        // seed 004's track_campaign_event answer, and nothing batch-only
        assertEquals(Boolean.TRUE, first.json().getBoolean("data.success"));
        assertEquals("Event tracked successfully", first.json().getString("data.message"));
        assertFalse(first.json().getMap("data").containsKey("index"), first::toString);
        ApiGateway.Response retry = ApiGateway.anonymous().post(TRACK, body);
        assertEquals(200, retry.status());
        assertEquals("duplicate", retry.json().getString("data.status"));
        assertEquals("duplicate_event_id", retry.json().getString("data.reason"));
        assertEquals(Boolean.TRUE, retry.json().getBoolean("data.success"));
        assertEquals("an event with this event_id was already stored", retry.json().getString("data.message"));
        TestClock.CLOCK.advance(Duration.ofMinutes(3));
        try {
            assertEquals("duplicate", ApiGateway.anonymous().post(TRACK, body).json().getString("data.status"),
                    "sent without occurred_at, a retry is matched to its earlier copy by event_id, whenever it comes");
        } finally {
            TestClock.CLOCK.advance(Duration.ofMinutes(-3));
        }
        String timed = body.replace("\"event_type\": \"view\"", "\"event_type\": \"view\", \"occurred_at\": \""
                + TestClock.CLOCK.instant().minus(Duration.ofMinutes(1)) + "\"").replace(eventId.toString(), timedId.toString());
        assertEquals("accepted", ApiGateway.anonymous().post(TRACK, timed).json().getString("data.status"));
        assertEquals("duplicate", ApiGateway.anonymous().post(TRACK, timed).json().getString("data.status"),
                "with occurred_at, the retry of the same payload is the same event");
        assertEquals("duplicate", ApiGateway.anonymous().post(TRACK, body.replace(eventId.toString(), timedId.toString()))
                .json().getString("data.status"), "a copy without occurred_at finds the timed original");
        Rows rows = new Rows(dataSource);
        assertEquals(1L, rows.value("select count(*) from campaign_events where event_id = ?", eventId));
        assertEquals("mobile", rows.value("select device_type from campaign_events where event_id = ?", eventId));
        assertEquals(false, rows.value("select is_bot from campaign_events where event_id = ?", eventId));
        assertEquals("direct", rows.value("select channel from campaign_events where event_id = ?", eventId));
    }

    @Test
    void aConversionsOrderIsCountedOncePerCampaign() {
        UUID campaign = fixtures.active();
        String conversion = """
                {"campaign_id": "%s", "event_type": "conversion", "value": 49.90, "currency": "EUR", "order_id": "ORD-1001",
                 "conversion_type": "purchase"}
                """.formatted(campaign);
        assertEquals("accepted", ApiGateway.anonymous().post(TRACK, conversion).json().getString("data.status"));
        ApiGateway.Response again = ApiGateway.anonymous().post(TRACK, conversion);
        assertEquals("duplicate", again.json().getString("data.status"));
        assertEquals("duplicate_order_id", again.json().getString("data.reason"));
        UUID other = fixtures.active();
        assertEquals("accepted", ApiGateway.anonymous().post(TRACK, conversion.replace(campaign.toString(), other.toString()))
                .json().getString("data.status"), "another campaign counts its own orders");
        Rows rows = new Rows(dataSource);
        assertEquals(new java.math.BigDecimal("49.90"), rows.value(
                "select sum(value) from campaign_events where campaign_id = ?", campaign));
    }

    @Test
    void utmParametersComeFromTheLandingUrlWithTheirCaseAndNameTheChannel() {
        UUID campaign = fixtures.active();
        UUID eventId = UUID.randomUUID();
        ApiGateway.anonymous().post(TRACK, """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "click", "user_agent": "%s",
                 "landing_url": "https://shop.example.com/spring?utm_source=Google&utm_medium=CPC&utm_campaign=Spring%%20Sale&utm_term=Red%%20Shoes",
                 "utm_content": "banner-A"}
                """.formatted(eventId, campaign, BROWSER));
        Rows rows = new Rows(dataSource);
        assertEquals("Google", rows.value("select utm_source from campaign_events where event_id = ?", eventId));
        assertEquals("Spring Sale", rows.value("select utm_campaign from campaign_events where event_id = ?", eventId));
        assertEquals("Red Shoes", rows.value("select utm_term from campaign_events where event_id = ?", eventId));
        assertEquals("banner-A", rows.value("select utm_content from campaign_events where event_id = ?", eventId));
        assertEquals("paid_search", rows.value("select channel from campaign_events where event_id = ?", eventId));
    }

    @Test
    void theRawAddressIsNeverStoredAndBotsAreFlagged() {
        UUID campaign = fixtures.active();
        UUID eventId = UUID.randomUUID();
        ApiGateway.anonymous().sourceIp("198.51.100.77").post(TRACK, """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "impression", "ip_address": "203.0.113.77",
                 "user_agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"}
                """.formatted(eventId, campaign));
        Rows rows = new Rows(dataSource);
        assertEquals("203.0.113.0/24", rows.value("select ip_prefix from campaign_events where event_id = ?", eventId));
        assertEquals(true, rows.value("select is_bot from campaign_events where event_id = ?", eventId));
        assertEquals(0L, rows.value("select count(*) from campaign_events e where e::text like '%203.0.113.77%'"
                + " or e::text like '%198.51.100.77%'"));
        UUID v6 = UUID.randomUUID();
        ApiGateway.anonymous().post(TRACK, """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "impression", "ip_address": "2001:db8:85a3::8a2e:370:7334"}
                """.formatted(v6, campaign));
        assertEquals("2001:db8:85a3::/48", rows.value("select ip_prefix from campaign_events where event_id = ?", v6));
    }

    @Test
    void anEventWithoutForwardingConsentIsStoredAndMarkedNotForwardable() {
        UUID campaign = fixtures.active();
        UUID withheld = UUID.randomUUID();
        UUID given = UUID.randomUUID();
        assertEquals("accepted", ApiGateway.anonymous().post(TRACK, """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "click", "forwarding_consent": false}
                """.formatted(withheld, campaign)).json().getString("data.status"));
        assertEquals("accepted", ApiGateway.anonymous().post(TRACK, """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "click"}
                """.formatted(given, campaign)).json().getString("data.status"));
        UUID pixel = UUID.randomUUID();
        ApiGateway.anonymous().header("user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0")
                .get("/v1/marketing/t.gif?campaign_id=" + campaign + "&event_id=" + pixel + "&forwarding_consent=false");
        Rows rows = new Rows(dataSource);
        assertEquals(false, rows.value("select forwardable from campaign_events where event_id = ?", withheld));
        assertEquals(true, rows.value("select forwardable from campaign_events where event_id = ?", given));
        assertEquals(false, rows.value("select forwardable from campaign_events where event_id = ?", pixel));
        assertEquals(400, ApiGateway.anonymous().post(TRACK, """
                {"campaign_id": "%s", "event_type": "click", "forwarding_consent": "no"}""".formatted(campaign)).status(),
                "a wrong type is refused, not guessed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "unknown event type|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"purchase\"}~|400|validation_failed|event_type",
            "missing campaign|~{\"event_type\": \"view\"}~|400|missing_field|campaign_id",
            "missing type|~{\"campaign_id\": \"ACTIVE\"}~|400|missing_field|event_type",
            "unknown campaign|~{\"campaign_id\": \"RANDOM\", \"event_type\": \"view\"}~|404|unknown_campaign|campaign_id",
            "draft campaign|~{\"campaign_id\": \"DRAFT\", \"event_type\": \"view\"}~|400|campaign_not_accepting|campaign_id",
            "scheduled campaign|~{\"campaign_id\": \"SCHEDULED\", \"event_type\": \"view\"}~|400|campaign_not_started|campaign_id",
            "future|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"view\", \"occurred_at\": \"IN_AN_HOUR\"}~|400|occurred_in_future|occurred_at",
            "too old|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"view\", \"occurred_at\": \"2020-01-01T00:00:00Z\"}~|400|occurred_too_old|occurred_at",
            "value on a view|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"view\", \"value\": 3}~|400|value_not_allowed|value",
            "order on a click|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"click\", \"order_id\": \"o\"}~|400|field_not_allowed|order_id",
            "negative value|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"conversion\", \"value\": -1}~|400|invalid_value|value",
            "huge value|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"conversion\", \"value\": 1e12}~|400|invalid_value|value",
            "three decimals|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"conversion\", \"value\": 1.005}~|400|invalid_value|value",
            "value as text|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"conversion\", \"value\": \"NaN\"}~|400|validation_failed|value",
            "other currency|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"conversion\", \"value\": 5, \"currency\": \"USD\"}~|400|currency_mismatch|currency",
            "long session|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"view\", \"session_id\": \"LONG\"}~|400|field_too_long|session_id",
            "bad channel|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"view\", \"channel\": \"E Mail!\"}~|400|invalid_field|channel",
            "bad address|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"view\", \"ip_address\": \"localhost\"}~|400|invalid_field|ip_address",
            "big event data|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"view\", \"event_data\": {\"x\": \"BIG\"}}~|400|event_data_too_large|event_data",
            "bad event id|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"view\", \"event_id\": \"42\"}~|400|validation_failed|event_id",
            "unknown field|~{\"campaign_id\": \"ACTIVE\", \"event_type\": \"view\", \"colour\": \"red\"}~|400|validation_failed|colour",
            "malformed|~{\"campaign_id\": ~|400|validation_failed|body" })
    void rejectedWithItsReasonAndNothingWritten(String name, String body, int status, String code, String field) {
        Rows rows = new Rows(dataSource);
        long before = rows.count("campaign_events") + rows.count("conversion_orders");
        String payload = body.replace("ACTIVE", fixtures.active().toString()).replace("DRAFT", fixtures.draft("EUR", "UTC").toString())
                .replace("SCHEDULED", fixtures.scheduled().toString()).replace("RANDOM", UUID.randomUUID().toString())
                .replace("IN_AN_HOUR", TestClock.CLOCK.instant().plus(Duration.ofHours(1)).toString())
                .replace("LONG", "s".repeat(256)).replace("BIG", "b".repeat(5000));
        ApiGateway.Response answer = ApiGateway.anonymous().post(TRACK, payload);
        assertEquals(status, answer.status(), answer::toString);
        assertEquals(code, answer.json().getString("code"));
        assertEquals(field, answer.json().getString("errors[0].field"));
        assertFalse(answer.json().getBoolean("success"));
        assertEquals(before, rows.count("campaign_events") + rows.count("conversion_orders"), "nothing written");
    }

    @Test
    void pausedCampaignsAcceptEventsForTheGracePeriodOnly() {
        UUID campaign = fixtures.paused();
        String body = "{\"campaign_id\": \"" + campaign + "\", \"event_type\": \"conversion\", \"value\": 10}";
        assertEquals("accepted", ApiGateway.anonymous().post(TRACK, body).json().getString("data.status"));
        TestClock.CLOCK.advance(Duration.ofHours(25));
        try {
            ApiGateway.Response late = ApiGateway.anonymous().post(TRACK, body);
            assertEquals(400, late.status());
            assertEquals("campaign_not_accepting", late.json().getString("code"));
        } finally {
            TestClock.CLOCK.advance(Duration.ofHours(-25));
        }
    }

    @Test
    void oversizedBodiesAre413() {
        String huge = "{\"campaign_id\": \"" + UUID.randomUUID() + "\", \"event_type\": \"view\", \"event_data\": {\"x\": \""
                + "y".repeat(40_000) + "\"}}";
        ApiGateway.Response answer = ApiGateway.anonymous().post(TRACK, huge);
        assertEquals(413, answer.status());
        assertTrue(answer.json().getString("detail").contains("32768"));
    }

    @Test
    void anEventWithoutIdGetsOneAndNoTimeGetsTheServers() {
        UUID campaign = fixtures.active();
        ApiGateway.Response answer = ApiGateway.anonymous().post(TRACK, "{\"campaign_id\": \"" + campaign + "\", \"event_type\": \"impression\"}");
        String eventId = answer.json().getString("data.event_id");
        Rows rows = new Rows(dataSource);
        assertEquals(java.sql.Timestamp.from(TestClock.CLOCK.instant()),
                rows.value("select occurred_at from campaign_events where event_id = ?::uuid", eventId));
        assertNull(answer.json().get("data.reason"));
    }
}
