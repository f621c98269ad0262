package dev.campaignfn.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.tracking.CampaignDirectory.CampaignInfo;

/** Every ingestion rule on its own, without HTTP: what is refused (and why, naming the field) and what is stored. */
class EventNormalizerTest {

    private static final Instant NOW = Instant.parse("2027-02-10T12:00:00Z");
    private static final UUID CAMPAIGN = UUID.fromString("6b1f9c1e-2d3a-4c5b-8e7f-9a0b1c2d3e4f");
    private static final CampaignInfo ACTIVE = new CampaignInfo(CAMPAIGN, CampaignStatus.ACTIVE, "EUR", "Europe/Paris", null, null);
    private static final ClientContext SERVER = new ClientContext("203.0.113.9", null, null, false, null);
    private static final ClientContext BROWSER = new ClientContext("203.0.113.9", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)",
            "https://www.google.com/", true, null);

    private final EventNormalizer normalizer = new EventNormalizer();

    EventNormalizerTest() {
        normalizer.config = new Defaults();
        normalizer.json = new ObjectMapper();
    }

    /** The configuration's documented defaults. */
    private static final class Defaults implements TrackingConfig {
        public int maxBatchSize() {
            return 500;
        }

        public Duration futureSkew() {
            return Duration.ofMinutes(5);
        }

        public Duration maxEventAge() {
            return Duration.ofDays(30);
        }

        public Duration pausedGrace() {
            return Duration.ofHours(24);
        }

        public Duration completedGrace() {
            return Duration.ofDays(7);
        }

        public BigDecimal maxValue() {
            return new BigDecimal("1000000000");
        }

        public int maxEventDataBytes() {
            return 4096;
        }

        public Duration campaignCacheTtl() {
            return Duration.ofSeconds(10);
        }

        public RateLimit rateLimit() {
            return null;
        }
    }

    private static TrackEvent event(EventType type, Instant at, BigDecimal value, String currency, String channel, String ip,
            Map<String, Object> data, String landingUrl) {
        return new TrackEvent(null, CAMPAIGN, type, at, data, null, channel, null, null, ip, null, landingUrl, "s-1", null, value,
                currency, null, null, null, null, null, null, null, null);
    }

    private static TrackEvent click() {
        return event(EventType.CLICK, null, null, null, null, null, null, null);
    }

    private EventNormalizer.Checked check(TrackEvent event, CampaignInfo campaign) {
        return normalizer.check(event, campaign, SERVER, NOW);
    }

    private void refused(String reason, String field, TrackEvent event, CampaignInfo campaign) {
        Rejection rejection = check(event, campaign).rejection();
        assertEquals(reason + " " + field, rejection == null ? "accepted" : rejection.reason() + " " + rejection.field());
    }

    @Test
    void theCampaignMustExistAndAccept() {
        refused(Rejection.UNKNOWN_CAMPAIGN, "campaign_id", click(), null);
        refused(Rejection.CAMPAIGN_NOT_STARTED, "campaign_id", click(),
                new CampaignInfo(CAMPAIGN, CampaignStatus.SCHEDULED, "EUR", "UTC", null, null));
        CampaignInfo pausedYesterday = new CampaignInfo(CAMPAIGN, CampaignStatus.PAUSED, "EUR", "UTC", NOW.minus(Duration.ofHours(23)), null);
        assertNull(check(click(), pausedYesterday).rejection(), "late events within the paused grace");
        refused(Rejection.CAMPAIGN_NOT_ACCEPTING, "campaign_id", click(),
                new CampaignInfo(CAMPAIGN, CampaignStatus.PAUSED, "EUR", "UTC", NOW.minus(Duration.ofHours(25)), null));
    }

    @Test
    void theEventTimeIsBoundedByTheClock() {
        refused(Rejection.OCCURRED_IN_FUTURE, "occurred_at", event(EventType.VIEW, NOW.plus(Duration.ofMinutes(6)), null, null, null,
                null, null, null), ACTIVE);
        refused(Rejection.OCCURRED_TOO_OLD, "occurred_at", event(EventType.VIEW, NOW.minus(Duration.ofDays(31)), null, null, null,
                null, null, null), ACTIVE);
        assertEquals(NOW, check(click(), ACTIVE).event().occurredAt(), "no time: the server's");
    }

    @Test
    void moneyIsForConversionsInTheCampaignsCurrency() {
        refused(Rejection.VALUE_NOT_ALLOWED, "value", event(EventType.CLICK, null, BigDecimal.ONE, null, null, null, null, null), ACTIVE);
        refused(Rejection.FIELD_NOT_ALLOWED, "currency", event(EventType.CLICK, null, null, "EUR", null, null, null, null), ACTIVE);
        refused(Rejection.INVALID_VALUE, "value", event(EventType.CONVERSION, null, new BigDecimal("-0.01"), null, null, null, null,
                null), ACTIVE);
        refused(Rejection.INVALID_VALUE, "value", event(EventType.CONVERSION, null, new BigDecimal("1.005"), null, null, null, null,
                null), ACTIVE);
        refused(Rejection.CURRENCY_MISMATCH, "currency", event(EventType.CONVERSION, null, BigDecimal.TEN, "USD", null, null, null,
                null), ACTIVE);
        assertEquals(new BigDecimal("12.50"), check(event(EventType.CONVERSION, null, new BigDecimal("12.5"), "EUR", null, null, null,
                null), ACTIVE).event().value(), "stored at the currency's two decimals");
    }

    @Test
    void channelsEventDataAndAddressesAreChecked() {
        refused(Rejection.INVALID_FIELD, "channel", event(EventType.CLICK, null, null, null, "e mail!", null, null, null), ACTIVE);
        refused(Rejection.EVENT_DATA_TOO_LARGE, "event_data", event(EventType.CLICK, null, null, null, null, null,
                Map.of("blob", "x".repeat(5000)), null), ACTIVE);
        refused(Rejection.INVALID_FIELD, "ip_address", event(EventType.CLICK, null, null, null, null, "10.0.0.300", null, null), ACTIVE);
        StoredEvent stored = check(event(EventType.CLICK, null, null, null, " Email ", "198.51.100.77", Map.of("k", 1), null), ACTIVE)
                .event();
        assertEquals("email", stored.channel(), "trimmed and lower-cased");
        assertEquals("198.51.100.0/24", stored.ipPrefix(), "only the /24 prefix is stored, never the address");
        assertEquals("{\"k\":1}", stored.eventDataJson());
    }

    @Test
    void aBrowserHitIsReadFromItsRequest() {
        StoredEvent stored = normalizer.check(event(EventType.VIEW, null, null, null, null, null, null,
                "https://shop.example/?utm_source=newsletter&utm_medium=email&utm_campaign=spring"), ACTIVE, BROWSER, NOW).event();
        assertEquals("203.0.113.0/24", stored.ipPrefix(), "the request's address, truncated");
        assertEquals(DeviceType.MOBILE, stored.deviceType());
        assertEquals("newsletter", stored.utm().source(), "UTM from the landing URL");
        assertEquals("email", stored.channel(), "channel grouped from the UTM medium");
        assertTrue(!stored.bot());
        StoredEvent headless = normalizer.check(click(), ACTIVE, new ClientContext("203.0.113.9", null, null, true, null), NOW).event();
        assertTrue(headless.bot(), "a browser hit without a user agent is a bot");
    }
}
