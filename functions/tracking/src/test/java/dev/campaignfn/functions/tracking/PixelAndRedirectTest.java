package dev.campaignfn.functions.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.campaignfn.common.Actor;
import dev.campaignfn.link.LinkCommand;
import dev.campaignfn.link.TrackedLinks;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.Rows;
import dev.campaignfn.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The pixel and the tracked-link redirect through the Lambda path. */
@QuarkusTest
class PixelAndRedirectTest {

    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36";

    @Inject
    Fixtures fixtures;

    @Inject
    TrackedLinks links;

    @Inject
    DataSource dataSource;

    @Test
    void thePixelAlwaysAnswersTheImageAndRecordsOnlyValidHits() {
        UUID campaign = fixtures.active();
        UUID eventId = UUID.randomUUID();
        ApiGateway.Response hit = ApiGateway.anonymous().header("user-agent", CHROME).header("referer", "https://mail.example.com/")
                .get("/v1/marketing/t.gif?campaign_id=" + campaign + "&event_id=" + eventId + "&utm_source=newsletter&utm_medium=email");
        assertEquals(200, hit.status());
        assertEquals("image/gif", hit.header("Content-Type"));
        assertArrayEquals(dev.campaignfn.functions.tracking.PixelResource.GIF, hit.bodyBytes());
        assertTrue(hit.header("Cache-Control").contains("no-store"));
        assertEquals("accepted", hit.header("X-Tracking-Outcome"));
        assertEquals("duplicate:duplicate_event_id", ApiGateway.anonymous().header("user-agent", CHROME)
                .get("/v1/marketing/t.gif?campaign_id=" + campaign + "&event_id=" + eventId).header("X-Tracking-Outcome"));

        Rows rows = new Rows(dataSource);
        long before = rows.count("campaign_events");
        for (String query : new String[] { "", "?campaign_id=nope", "?campaign_id=" + campaign + "&event_type=conversion",
                "?campaign_id=" + UUID.randomUUID() }) {
            ApiGateway.Response bad = ApiGateway.anonymous().header("user-agent", CHROME).get("/v1/marketing/t.gif" + query);
            assertEquals(200, bad.status());
            assertEquals("image/gif", bad.header("Content-Type"));
            assertTrue(bad.header("X-Tracking-Outcome").startsWith("rejected:"), bad.header("X-Tracking-Outcome"));
        }
        assertEquals(before, rows.count("campaign_events"));
        assertEquals("email", rows.value("select channel from campaign_events where event_id = ?", eventId));
        assertEquals("desktop", rows.value("select device_type from campaign_events where event_id = ?", eventId));
        assertEquals("https://mail.example.com/", rows.value("select referrer_url from campaign_events where event_id = ?", eventId));
        ApiGateway.Response noAgent = ApiGateway.anonymous().get("/v1/marketing/t.gif?campaign_id=" + campaign);
        assertEquals("accepted", noAgent.header("X-Tracking-Outcome"));
        assertEquals(1L, rows.value("select count(*) from campaign_events where campaign_id = ? and is_bot", campaign),
                "a pixel hit without a user agent is no browser");
    }

    @Test
    void aTrackedLinkRecordsTheClickAndGoesOnlyWhereRegistered() {
        UUID campaign = fixtures.active();
        String slug = "spring-" + UUID.randomUUID().toString().substring(0, 8);
        links.create(campaign, new LinkCommand(slug, "https://shop.example.com/sale?ref=home&utm_source=old#top", "facebook",
                "facebook", "paid_social", "Spring Sale", null, "carousel A", null, null), new Actor("marketer@example.com"));
        ApiGateway.Response redirect = ApiGateway.anonymous().header("user-agent", CHROME)
                .get("/v1/marketing/r/" + slug + "?next=https://evil.example.net/");
        assertEquals(302, redirect.status(), redirect::toString);
        assertEquals("https://shop.example.com/sale?ref=home&utm_source=facebook&utm_medium=paid_social"
                + "&utm_campaign=Spring+Sale&utm_content=carousel+A#top", redirect.header("Location"));
        assertEquals("accepted", redirect.header("X-Tracking-Outcome"));
        Rows rows = new Rows(dataSource);
        assertEquals(1L, rows.value("select count(*) from campaign_events where campaign_id = ? and event_type = 'click'"
                + " and channel = 'facebook' and utm_medium = 'paid_social' and link_id is not null", campaign));

        assertEquals(404, ApiGateway.anonymous().get("/v1/marketing/r/no-such-link").status());
        assertEquals(404, ApiGateway.anonymous().get("/v1/marketing/r/%2F%2Fevil.example.net").status());

        UUID paused = fixtures.paused();
        String pausedSlug = "paused-" + UUID.randomUUID().toString().substring(0, 8);
        links.create(paused, new LinkCommand(pausedSlug, "https://shop.example.com/", null, null, null, null, null, null, null,
                null), new Actor("marketer@example.com"));
        TestClock.CLOCK.advance(java.time.Duration.ofDays(2));
        try {
            ApiGateway.Response stillRedirects = ApiGateway.anonymous().header("user-agent", CHROME).get("/v1/marketing/r/" + pausedSlug);
            assertEquals(302, stillRedirects.status());
            assertEquals("rejected:campaign_not_accepting", stillRedirects.header("X-Tracking-Outcome"));
        } finally {
            TestClock.CLOCK.advance(java.time.Duration.ofDays(-2));
        }
    }
}
