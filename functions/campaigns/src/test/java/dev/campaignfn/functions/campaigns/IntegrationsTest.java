package dev.campaignfn.functions.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.campaignfn.common.Jdbc;
import dev.campaignfn.integration.EventForwarder;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Bounded;
import dev.campaignfn.testing.FakePlatforms;
import dev.campaignfn.testing.FakePlatforms.Failure;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.EventType;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Forwarding to GA4, Mixpanel, Amplitude and Segment, each played by a local server that checks requests against the
 * platform's documented rules ({@link FakePlatforms}): events arrive once per destination in the platform's shape,
 * failures are retried without duplicates, a refusing or dead platform holds back nobody, consent and bots are kept
 * back, and secrets are never answered.
 */
@QuarkusTest
@WithTestResource(FakePlatforms.class)
class IntegrationsTest {

    static final String INTEGRATIONS = "/v1/marketing/admin/integrations";
    static final String CLIENT_IP = "198.51.100.77";

    @Inject
    TrackingService tracking;

    @Inject
    EventForwarder forwarder;

    @Inject
    DataSource dataSource;

    FakePlatforms platforms;

    @BeforeEach
    void clean() {
        platforms = FakePlatforms.running();
        platforms.reset();
        for (Object id : Api.superAdmin().get(INTEGRATIONS).json().getList("data.id")) {
            Api.superAdmin().delete(INTEGRATIONS + "/" + id);
        }
    }

    static String integration(String name, String platform, String settings, String secrets, String campaignIds) {
        ApiGateway.Response created = Api.superAdmin().post(INTEGRATIONS, """
                {"name": "%s", "platform": "%s", "settings": %s, "secrets": %s, "campaign_ids": %s}
                """.formatted(name, platform, settings, secrets, campaignIds));
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("data.id");
    }

    /** One destination per platform, scoped to the campaign. */
    List<String> everyPlatform(String campaign) {
        String scope = "[\"" + campaign + "\"]";
        return List.of(
                integration("GA4", "ga4", "{\"measurement_id\": \"G-TEST1234\", \"region\": \"eu\"}", "{\"api_secret\": \"ga-secret-1\"}", scope),
                integration("Mixpanel", "mixpanel", "{\"project_id\": \"3141592\"}",
                        "{\"service_account_username\": \"sa.user\", \"service_account_secret\": \"mp-secret-1\"}", scope),
                integration("Amplitude", "amplitude", "{}", "{\"api_key\": \"amp-key-1\"}", scope),
                integration("Segment", "segment", "{}", "{\"write_key\": \"seg-key-1\"}", scope));
    }

    /** Events of every type; the 7th is a bot, the 8th withheld consent. Answers the ids that should be forwarded. */
    Set<String> ingest(String campaign, int count) {
        List<TrackingService.Candidate> events = new ArrayList<>();
        Set<String> forwardable = new HashSet<>();
        Instant base = Instant.now().minus(2, ChronoUnit.HOURS);
        EventType[] types = EventType.values();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            EventType type = types[i % types.length];
            boolean conversion = type == EventType.CONVERSION;
            String agent = i == 7 ? "Googlebot/2.1 (+http://www.google.com/bot.html)" : "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0";
            events.add(TrackingService.Candidate.of(new TrackEvent(id, UUID.fromString(campaign), type, base.plusSeconds(i), null, "prospects",
                    "email", null, agent, CLIENT_IP, "https://news.example.com/", "https://shop.example.com/landing?x=" + i,
                    "session-" + (i % 5), i % 3 == 0 ? "user-" + i : null, conversion ? new BigDecimal("49.90") : null,
                    conversion ? "EUR" : null, conversion ? "order-" + id : null, conversion ? "purchase" : null, "newsletter", "email",
                    "winter-sale", null, "hero", null, i == 8 ? Boolean.FALSE : null)));
            if (i != 7 && i != 8) {
                forwardable.add(id.toString());
            }
        }
        List<EventOutcome> outcomes = Bounded.answer(tracking.ingest(events, ClientContext.of(CLIENT_IP)));
        outcomes.forEach(o -> assertEquals(EventOutcome.Status.ACCEPTED, o.status(), o.toString()));
        return forwardable;
    }

    /** Runs the job until the outbox holds nothing due (retries made due at once: the test plays the waiting). */
    void forwardUntilSettled() {
        for (int i = 0; i < 20; i++) {
            forwarder.run();
            int due = Jdbc.update(dataSource, "make retries due", "update forward_batches set next_attempt_at = now() where status = 'pending'");
            if (due == 0) {
                return;
            }
        }
    }

    @Test
    void everyEventArrivesOnceAtEachDestinationInItsPlatformsShape() {
        String campaign = Api.launched("Forwarded", "1000.00", "email");
        String other = Api.launched("Not in scope", "1000.00", "email");
        everyPlatform(campaign);
        Set<String> expected = ingest(campaign, 60);
        ingest(other, 5);
        forwardUntilSettled();

        for (String platform : List.of(FakePlatforms.GA4, FakePlatforms.MIXPANEL, FakePlatforms.AMPLITUDE, FakePlatforms.SEGMENT)) {
            Map<String, List<JsonNode>> accepted = platforms.accepted(platform);
            assertEquals(expected, accepted.keySet(), platform + ": exactly the campaign's forwardable events (no bot, no withheld consent, no other campaign)");
            accepted.forEach((key, copies) -> assertEquals(1, copies.size(), platform + " received " + key + " more than once"));
            for (FakePlatforms.Received request : platforms.requests(platform)) {
                assertTrue(request.status() / 100 == 2, platform + " refused a request: " + request.body());
                assertFalse(request.body().contains(CLIENT_IP), platform + " was sent the raw IP address");
            }
        }
        // GA4: one visitor per request, at most 25 events, purchase with value, currency and transaction_id, UTM as campaign fields
        for (FakePlatforms.Received request : platforms.requests(FakePlatforms.GA4)) {
            assertTrue(request.query().contains("measurement_id=G-TEST1234") && request.query().contains("api_secret=ga-secret-1"));
        }
        JsonNode purchase = platforms.accepted(FakePlatforms.GA4).values().stream().map(c -> c.get(0))
                .filter(e -> e.get("name").asText().equals("purchase")).findFirst().orElseThrow();
        assertEquals(49.9, purchase.get("params").get("value").asDouble());
        assertEquals("EUR", purchase.get("params").get("currency").asText());
        assertTrue(purchase.get("params").get("transaction_id").asText().startsWith("order-"));
        assertEquals("winter-sale", purchase.get("params").get("campaign").asText());
        assertEquals("newsletter", purchase.get("params").get("source").asText());
        assertTrue(purchase.get("client_id").asText().startsWith("session-"));
        // Mixpanel: strict import with the service account, time in ms, UUID $insert_id
        FakePlatforms.Received mixpanel = platforms.requests(FakePlatforms.MIXPANEL).get(0);
        assertTrue(mixpanel.query().contains("project_id=3141592") && mixpanel.query().contains("strict=1"));
        JsonNode mp = platforms.accepted(FakePlatforms.MIXPANEL).values().iterator().next().get(0);
        assertTrue(mp.get("event").asText().startsWith("Campaign "));
        assertEquals("198.51.100.0", mp.get("properties").get("ip").asText(), "the network prefix at most");
        // Amplitude: the key joined when sent, never stored in the outbox
        assertTrue(platforms.requests(FakePlatforms.AMPLITUDE).get(0).body().contains("\"api_key\":\"amp-key-1\""));
        assertEquals(0, count("select count(*) from forward_batches where body like '%amp-key-1%' or body like '%seg-key-1%'"));
        JsonNode revenue = platforms.accepted(FakePlatforms.AMPLITUDE).values().stream().map(c -> c.get(0))
                .filter(e -> e.has("revenue")).findFirst().orElseThrow();
        assertEquals(49.9, revenue.get("revenue").asDouble());
        // Segment: track calls with the campaign in context
        JsonNode call = platforms.accepted(FakePlatforms.SEGMENT).values().iterator().next().get(0);
        assertEquals("winter-sale", call.get("context").get("campaign").get("name").asText());

        // the figures: every event sent, nothing pending
        for (Object integration : Api.superAdmin().get(INTEGRATIONS).json().getList("data")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> deliveries = (Map<String, Object>) ((Map<String, Object>) integration).get("deliveries");
            assertEquals(expected.size(), ((Number) deliveries.get("events_sent")).intValue(), integration.toString());
            assertEquals(0, ((Number) deliveries.get("events_pending")).intValue());
        }
        // a second run forwards nothing again
        forwarder.run();
        assertEquals(0, count("select count(*) from forward_batches where status <> 'sent'"));
    }

    @Test
    void failuresAreRetriedWithoutDuplicatesAndADeadPlatformHoldsBackNobody() {
        String campaign = Api.launched("Flaky platforms", "1000.00", "email");
        List<String> ids = everyPlatform(campaign);
        // Mixpanel: two 500s; Amplitude: 429 with Retry-After; Segment: accepts, then the answer is lost; GA4: a permanent 400
        platforms.fail(FakePlatforms.MIXPANEL, 2, new Failure(500, null, false));
        platforms.fail(FakePlatforms.AMPLITUDE, 1, new Failure(429, 120, false));
        platforms.fail(FakePlatforms.SEGMENT, 1, new Failure(200, null, true));
        platforms.fail(FakePlatforms.GA4, 100, new Failure(400, null, false));
        Set<String> expected = ingest(campaign, 30);

        forwarder.run();
        // Retry-After honoured: the Amplitude batch waits two minutes
        assertEquals(1, count("""
                select count(*) from forward_batches b join integrations i on i.id = b.integration_id
                 where i.platform = 'amplitude' and b.status = 'pending' and b.last_status = 429
                   and b.next_attempt_at - b.last_attempt_at between interval '115 seconds' and interval '125 seconds'"""));
        forwardUntilSettled();

        for (String platform : List.of(FakePlatforms.MIXPANEL, FakePlatforms.AMPLITUDE, FakePlatforms.SEGMENT)) {
            assertEquals(expected, platforms.accepted(platform).keySet(), platform);
            assertTrue(platforms.requests(platform).size() > 1, platform + " was retried");
        }
        // the Segment batch was sent twice (its first answer lost) and counted once, by messageId
        assertEquals(2, platforms.requests(FakePlatforms.SEGMENT).size());
        // GA4 refused for good: failed, not retried, the platform's answer kept
        ApiGateway.Response ga4 = Api.superAdmin().get(INTEGRATIONS + "/" + ids.get(0));
        assertEquals(expected.size(), ga4.json().getInt("data.deliveries.events_failed"), ga4::toString);
        assertTrue(ga4.json().getString("data.deliveries.last_error").contains("400"), ga4::toString);
        int ga4Requests = platforms.requests(FakePlatforms.GA4).size();
        forwardUntilSettled();
        assertEquals(ga4Requests, platforms.requests(FakePlatforms.GA4).size(), "a permanent refusal is not retried");
        ApiGateway.Response failed = Api.superAdmin().get(INTEGRATIONS + "/" + ids.get(0) + "/batches?status=failed");
        assertEquals(400, failed.json().getInt("data[0].last_status"), failed::toString);

        // replay once the platform takes them: every event arrives, once
        platforms.reset();
        ApiGateway.Response replay = Api.superAdmin().post(INTEGRATIONS + "/" + ids.get(0) + "/replay", null);
        assertEquals(200, replay.status(), replay::toString);
        assertTrue(replay.json().getInt("data.replayed") > 0);
        forwardUntilSettled();
        assertEquals(expected, platforms.accepted(FakePlatforms.GA4).keySet());
    }

    @Test
    void aPlatformThatNeverAnswersIsDeadLetteredAndTheOthersKeepFlowing() {
        String campaign = Api.launched("Dead platform", "1000.00", "email");
        List<String> ids = everyPlatform(campaign);
        platforms.fail(FakePlatforms.MIXPANEL, 1000, new Failure(503, null, false));
        Set<String> expected = ingest(campaign, 10);
        forwardUntilSettled();
        for (int attempt = 0; attempt < 10; attempt++) {
            forwardUntilSettled();
        }
        ApiGateway.Response mixpanel = Api.superAdmin().get(INTEGRATIONS + "/" + ids.get(1));
        assertEquals(expected.size(), mixpanel.json().getInt("data.deliveries.events_dead"), mixpanel::toString);
        assertTrue(mixpanel.json().getString("data.deliveries.last_error").contains("503"));
        for (String platform : List.of(FakePlatforms.GA4, FakePlatforms.AMPLITUDE, FakePlatforms.SEGMENT)) {
            assertEquals(expected, platforms.accepted(platform).keySet(), platform);
        }
    }

    @Test
    void aBacklogLargerThanAChunkIsQueuedInChunksAndArrivesOnce() {
        String campaign = Api.launched("Backlog", "1000.00", "email");
        integration("Segment only", "segment", "{}", "{\"write_key\": \"seg-key-2\"}", "[\"" + campaign + "\"]");
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            expected.addAll(ingest(campaign, 500));
        }
        forwardUntilSettled();
        assertEquals(expected, platforms.accepted(FakePlatforms.SEGMENT).keySet(), "12,500 events over three chunks, each once");
        assertTrue(platforms.requests(FakePlatforms.SEGMENT).size() > 1, "batches kept within Segment's 500 KB");
    }

    @Test
    void secretsAreNeverAnsweredAndBadDestinationsAreRefused() {
        String campaign = Api.launched("Secret keeping", "1000.00", "email");
        String id = everyPlatform(campaign).get(0);
        ApiGateway.Response read = Api.superAdmin().get(INTEGRATIONS + "/" + id);
        assertEquals(200, read.status());
        assertFalse(read.body().contains("ga-secret-1") || read.body().contains("secrets"), read::toString);
        assertFalse(Api.superAdmin().get(INTEGRATIONS).body().contains("secret-1"));
        assertFalse(asText(count("select count(*) from integrations where secrets like '%ga-secret-1%'")).equals("1"), "sealed at rest");

        ApiGateway.Response bad = Api.superAdmin().post(INTEGRATIONS, """
                {"name": "No id", "platform": "ga4", "settings": {"measurement_id": "UA-1"}, "secrets": {},
                 "campaign_ids": ["%s"]}""".formatted(UUID.randomUUID()));
        assertEquals(400, bad.status(), bad::toString);
        String body = bad.body();
        assertTrue(body.contains("settings.measurement_id") && body.contains("secrets.api_secret") && body.contains("campaign_ids"), body);
        assertEquals(400, Api.superAdmin().post(INTEGRATIONS, "{\"name\": \"x\", \"platform\": \"matomo\"}").status());
        ApiGateway.Response misspelt = Api.superAdmin().post(INTEGRATIONS, """
                {"name": "Typo", "platform": "segment", "settings": {"regoin": "eu"}, "secrets": {"write_key": "k", "writekey": "k"}}""");
        assertEquals(400, misspelt.status(), misspelt::toString);
        assertTrue(misspelt.body().contains("settings.regoin") && misspelt.body().contains("secrets.writekey"), misspelt::toString);
        assertEquals(403, Api.analyst().get(INTEGRATIONS).status());
        assertEquals(403, Api.admin().post(INTEGRATIONS + "/" + id + "/replay", null).status());
        assertEquals(404, Api.superAdmin().get(INTEGRATIONS + "/" + UUID.randomUUID()).status());

        // a replace without secrets keeps them: forwarding still authenticates
        ApiGateway.Response replaced = Api.superAdmin().put(INTEGRATIONS + "/" + id, """
                {"name": "GA4 renamed", "platform": "ga4", "settings": {"measurement_id": "G-TEST1234"}, "campaign_ids": ["%s"]}
                """.formatted(campaign));
        assertEquals(200, replaced.status(), replaced::toString);
        Set<String> expected = ingest(campaign, 3);
        forwardUntilSettled();
        assertEquals(expected, platforms.accepted(FakePlatforms.GA4).keySet());
        assertNotNull(platforms.requests(FakePlatforms.GA4).get(0).query());
    }

    private static String asText(long value) {
        return String.valueOf(value);
    }

    private long count(String sql) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
