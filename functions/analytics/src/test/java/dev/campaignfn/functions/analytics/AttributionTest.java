package dev.campaignfn.functions.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
import dev.campaignfn.tracking.EventType;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Attribution on journeys built by hand, one expectation per model worked out on paper:
 * <ul>
 * <li>u1 clicks A (email, 10 days before), B (facebook, 5 days), C (google_search, 1 day), then buys 100.00 on C;
 * a bot click on B an hour before does not count;</li>
 * <li>u2 clicks A 40 days before (outside the 30-day window) and B 2 days before, then buys 50.00 on A;</li>
 * <li>session s3 (no user) views A, then buys 30.00 on B: no click, so B itself gets the credit, unless views count;</li>
 * <li>u4 clicks A twice (3 days and 2 days before) and buys 60.00 on A.</li>
 * </ul>
 */
@QuarkusTest
class AttributionTest {

    static final Instant NOW = TestClock.CLOCK.instant();
    static final Instant CONVERTED = NOW.minus(Duration.ofHours(1));

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    TrackingService tracking;

    static UUID a;
    static UUID b;
    static UUID c;

    @BeforeEach
    void journeys() {
        if (a != null) {
            return;
        }
        a = campaign("A");
        b = campaign("B");
        c = campaign("C");
        List<TrackEvent> events = new ArrayList<>();
        events.add(event(a, EventType.CLICK, days(10), "email", "u1", null, null, false));
        events.add(event(b, EventType.CLICK, days(5), "facebook", "u1", null, null, false));
        events.add(event(c, EventType.CLICK, days(1), "google_search", "u1", null, null, false));
        events.add(event(b, EventType.CLICK, CONVERTED.minus(Duration.ofMinutes(30)), "facebook", "u1", null, null, true));
        events.add(event(c, EventType.CONVERSION, CONVERTED, "google_search", "u1", null, "100.00", false));
        events.add(event(a, EventType.CLICK, days(40), "email", "u2", null, null, false));
        events.add(event(b, EventType.CLICK, days(2), "facebook", "u2", null, null, false));
        events.add(event(a, EventType.CONVERSION, CONVERTED.plusSeconds(60), "email", "u2", null, "50.00", false));
        events.add(event(a, EventType.VIEW, days(3), "email", null, "s3", null, false));
        events.add(event(b, EventType.CONVERSION, CONVERTED.plusSeconds(120), "facebook", null, "s3", "30.00", false));
        events.add(event(a, EventType.CLICK, days(3), "email", "u4", null, null, false));
        events.add(event(a, EventType.CLICK, days(2), "email", "u4", null, null, false));
        events.add(event(a, EventType.CONVERSION, CONVERTED.plusSeconds(180), "email", "u4", null, "60.00", false));
        List<EventOutcome> outcomes = Bounded.answer(tracking.ingest(events.stream().map(TrackingService.Candidate::of).toList(),
                ClientContext.of("203.0.113.9")));
        outcomes.forEach(o -> assertEquals(EventOutcome.Status.ACCEPTED, o.status(), o::toString));
    }

    private UUID campaign(String name) {
        UUID id = campaigns.create(new CampaignCommand("Journey " + name + " " + UUID.randomUUID(), null, CampaignType.MULTICHANNEL,
                NOW.minus(Duration.ofDays(60)), NOW.plus(Duration.ofDays(10)), new BigDecimal("1000"), "EUR", "UTC", null,
                World.CHANNELS, null, null), World.PLANNER).id();
        lifecycle.launch(id, World.PLANNER);
        return id;
    }

    private static Instant days(int days) {
        return CONVERTED.minus(Duration.ofDays(days));
    }

    private static TrackEvent event(UUID campaign, EventType type, Instant at, String channel, String user, String session, String value,
            boolean bot) {
        return new TrackEvent(UUID.randomUUID(), campaign, type, at, null, null, channel, null, bot ? World.BOT : World.BROWSER, null,
                null, null, session, user, value == null ? null : new BigDecimal(value), null, null, null, null, null, null, null, null,
                null);
    }

    private JsonNode attribution(String... params) {
        List<String> pairs = new ArrayList<>(List.of("campaign_ids", a + "," + b + "," + c, "date_range", "7d"));
        pairs.addAll(List.of(params));
        ApiGateway.Response answer = ReportAccuracyTest.analyst().get(ReportAccuracyTest.BASE + "/attribution?"
                + ApiGateway.query(pairs.toArray(String[]::new)));
        assertEquals(200, answer.status(), answer::toString);
        return Expected.json(answer).path("data");
    }

    /** Credits per campaign: conversions and revenue as the answer states them. */
    private Map<UUID, String> credits(JsonNode data) {
        Map<UUID, String> credits = new LinkedHashMap<>();
        for (UUID id : List.of(a, b, c)) {
            credits.put(id, "0.00/0.00");
        }
        data.path("by_campaign").forEach(row -> credits.put(UUID.fromString(row.path("campaign_id").asText()),
                row.path("conversions").decimalValue().setScale(2) + "/" + row.path("revenue").decimalValue().setScale(2)));
        return credits;
    }

    private Map<UUID, String> expected(String aCredit, String bCredit, String cCredit) {
        Map<UUID, String> expected = new LinkedHashMap<>();
        expected.put(a, aCredit);
        expected.put(b, bCredit);
        expected.put(c, cCredit);
        return expected;
    }

    @Test
    void eachModelSharesTheCreditAsWorkedOut() {
        JsonNode last = attribution("model", "last_touch");
        assertEquals(4, last.path("conversions").asLong());
        assertEquals(0, new BigDecimal("240.00").compareTo(last.path("revenue").decimalValue()));
        assertEquals(3, last.path("conversions_with_touches").asLong(), "s3 had no click");
        assertEquals(expected("1.00/60.00", "2.00/80.00", "1.00/100.00"), credits(last));

        assertEquals(expected("2.00/160.00", "2.00/80.00", "0.00/0.00"), credits(attribution("model", "first_touch")));
        assertEquals(expected("1.33/93.33", "2.33/113.33", "0.33/33.33"), credits(attribution("model", "linear")));
        assertEquals(expected("1.40/100.00", "2.20/100.00", "0.40/40.00"), credits(attribution("model", "position_based")));

        // time decay, half-life 7 days: u1's touches weigh 2^(-10/7), 2^(-5/7), 2^(-1/7), normalised
        double wa = Math.pow(2, -10 / 7.0);
        double wb = Math.pow(2, -5 / 7.0);
        double wc = Math.pow(2, -1 / 7.0);
        double sum = wa + wb + wc;
        BigDecimal aShare = BigDecimal.valueOf(wa / sum);
        BigDecimal cShare = BigDecimal.valueOf(wc / sum);
        BigDecimal bShare = BigDecimal.ONE.subtract(aShare).subtract(cShare);
        String aCredit = round(aShare.add(BigDecimal.ONE)) + "/" + round(aShare.multiply(new BigDecimal("100")).add(new BigDecimal("60")));
        String bCredit = round(bShare.add(BigDecimal.valueOf(2))) + "/" + round(bShare.multiply(new BigDecimal("100")).add(new BigDecimal("80")));
        String cCredit = round(cShare) + "/" + round(cShare.multiply(new BigDecimal("100")));
        assertEquals(expected(aCredit, bCredit, cCredit), credits(attribution("model", "time_decay", "half_life_days", "7")));
    }

    @Test
    void channelsWindowsAndTouchTypes() {
        JsonNode last = attribution("model", "last_touch");
        Map<String, String> channels = new LinkedHashMap<>();
        last.path("by_channel").forEach(row -> channels.put(row.path("channel").asText(),
                row.path("conversions").decimalValue().setScale(2) + "/" + row.path("revenue").decimalValue().setScale(2)));
        assertEquals(Map.of("google_search", "1.00/100.00", "facebook", "2.00/80.00", "email", "1.00/60.00"), channels);

        // a 50-day window reaches u2's first click on A
        assertEquals(expected("3.00/210.00", "1.00/30.00", "0.00/0.00"),
                credits(attribution("model", "first_touch", "lookback_days", "50")));
        // with views as touches, s3's view of A takes the credit from B
        assertEquals(expected("2.00/90.00", "1.00/50.00", "1.00/100.00"),
                credits(attribution("model", "last_touch", "touch_types", "click,view")));
    }

    @Test
    void badSettingsAreNamed() {
        for (String[] bad : new String[][] { { "model", "u_shaped" }, { "lookback_days", "0" }, { "lookback_days", "400" },
                { "half_life_days", "soon" }, { "half_life_days", "0" }, { "touch_types", "conversion" }, { "touch_types", "tap" },
                { "currency", "euro" }, { "channel", "email" } }) {
            ApiGateway.Response answer = ReportAccuracyTest.analyst().get(ReportAccuracyTest.BASE + "/attribution?"
                    + ApiGateway.query("campaign_ids", a.toString(), bad[0], bad[1]));
            assertEquals(400, answer.status(), () -> bad[0] + "=" + bad[1] + ": " + answer);
            assertEquals(bad[0], Expected.json(answer).at("/errors/0/field").asText(), answer::toString);
        }
    }

    private static String round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toString();
    }
}
