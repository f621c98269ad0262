package dev.campaignfn.functions.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A client over its rate gets 429 with Retry-After on the JSON routes, and still its image from the pixel; tokens come back with time. */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("campaignfn.tracking.rate-limit.requests-per-second", "1", "campaignfn.tracking.rate-limit.burst", "2");
        }
    }

    @Test
    void overTheRateIs429WithRetryAfter() {
        String body = "{\"campaign_id\": \"" + UUID.randomUUID() + "\", \"event_type\": \"view\"}";
        ApiGateway.Request client = ApiGateway.anonymous().header("x-forwarded-for", "203.0.113.50");
        assertEquals(404, client.post("/v1/marketing/track-event", body).status());
        assertEquals(404, client.post("/v1/marketing/track-event", body).status());
        ApiGateway.Response limited = client.post("/v1/marketing/track-event", body);
        assertEquals(429, limited.status(), limited::toString);
        assertEquals("1", limited.header("Retry-After"));
        assertEquals("rate_limited", limited.json().getString("code"));
        ApiGateway.Response pixel = client.get("/v1/marketing/t.gif?campaign_id=" + UUID.randomUUID());
        assertEquals(200, pixel.status());
        assertEquals("rejected:rate_limited", pixel.header("X-Tracking-Outcome"));
        ApiGateway.Response other = ApiGateway.anonymous().header("x-forwarded-for", "spoofed, 203.0.113.51")
                .post("/v1/marketing/track-event", body);
        assertTrue(other.status() != 429, "another client has its own bucket, whatever it claims before the last hop");
        // the limiter runs on the application's clock, which only this test moves: however slow the machine,
        // no token came back above, and one comes back now
        TestClock.CLOCK.advance(Duration.ofSeconds(1));
        assertEquals(404, client.post("/v1/marketing/track-event", body).status(), "a second later the client may send one more");
        assertEquals(429, client.post("/v1/marketing/track-event", body).status(), "and only one");
    }
}
