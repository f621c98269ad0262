package dev.campaignfn.functions.local;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.DeviceType;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.EventType;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tracked events for the demo campaigns, sent through the tracking service like a site would send
 * them: each day of the campaign so far (at most the accepted event age), per channel, impressions
 * and views with clicks and conversions at plausible rates, in the campaign's local daytime, from a
 * pool of visitors who come back across days and campaigns, with a few bots.
 */
@ApplicationScoped
public class DemoTraffic {

    static final String[] SEGMENTS = { "prospects", "returning_customers", "vip" };
    static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15";
    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1";
    static final String CRAWLER = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)";
    static final int MAX_DAYS = 29;

    @Inject
    TrackingService tracking;

    @Inject
    Clock clock;

    /** Sends the campaign's traffic from its start to now; answers how many events were accepted. */
    public int send(UUID campaign, ZoneId zone, Instant start, List<String> channels, int dailyImpressions) {
        Random random = new Random(campaign.getMostSignificantBits());
        Instant now = clock.instant();
        LocalDate first = LocalDate.ofInstant(start, zone);
        LocalDate earliest = LocalDate.ofInstant(now, zone).minusDays(MAX_DAYS - 1);
        if (first.isBefore(earliest)) {
            first = earliest;
        }
        List<TrackingService.Candidate> batch = new ArrayList<>();
        int accepted = 0;
        for (LocalDate day = first; !day.isAfter(LocalDate.ofInstant(now, zone)); day = day.plusDays(1)) {
            for (int c = 0; c < channels.size(); c++) {
                String channel = channels.get(c);
                // channels differ in reach and quality; weekends are quieter
                int impressions = (int) (dailyImpressions * (1.0 - 0.15 * c) * (day.getDayOfWeek().getValue() >= 6 ? 0.7 : 1.0)
                        * (0.85 + random.nextDouble() * 0.3));
                double ctr = 0.012 + 0.01 * ((c + 1) % 3) + random.nextDouble() * 0.006;
                double cvr = 0.03 + 0.02 * (c % 2) + random.nextDouble() * 0.02;
                for (int i = 0; i < impressions; i++) {
                    Instant at = day.atStartOfDay(zone).toInstant().plus(Duration.ofMinutes(7 * 60 + random.nextInt(16 * 60)))
                            .plusSeconds(random.nextInt(60));
                    if (at.isAfter(now)) {
                        continue;
                    }
                    String visitor = "visitor-" + random.nextInt(4000);
                    boolean bot = random.nextInt(50) == 0;
                    batch.add(candidate(campaign, EventType.IMPRESSION, at, channel, visitor, bot, null, random));
                    if (random.nextInt(4) == 0) {
                        batch.add(candidate(campaign, EventType.VIEW, at.plusSeconds(2), channel, visitor, bot, null, random));
                    }
                    if (!bot && random.nextDouble() < ctr) {
                        Instant clicked = at.plusSeconds(5 + random.nextInt(120));
                        batch.add(candidate(campaign, EventType.CLICK, clicked, channel, visitor, false, null, random));
                        if (random.nextDouble() < cvr) {
                            BigDecimal value = BigDecimal.valueOf(2500 + random.nextInt(12_000), 2);
                            Instant converted = clicked.plusSeconds(60 + random.nextInt(1800));
                            if (!converted.isAfter(now)) {
                                batch.add(candidate(campaign, EventType.CONVERSION, converted, channel, visitor, false, value, random));
                            }
                        }
                    }
                    if (batch.size() >= 500) {
                        accepted += flush(batch);
                    }
                }
            }
        }
        return accepted + flush(batch);
    }

    private int flush(List<TrackingService.Candidate> batch) {
        int accepted = (int) tracking.ingest(List.copyOf(batch), ClientContext.of("127.0.0.1")).toCompletableFuture().join().stream()
                .filter(o -> o.status() == EventOutcome.Status.ACCEPTED).count();
        batch.clear();
        return accepted;
    }

    private static TrackingService.Candidate candidate(UUID campaign, EventType type, Instant at, String channel, String visitor,
            boolean bot, BigDecimal value, Random random) {
        int device = random.nextInt(20);
        return TrackingService.Candidate.of(new TrackEvent(UUID.randomUUID(), campaign, type, at, null,
                SEGMENTS[Math.abs(visitor.hashCode()) % SEGMENTS.length], channel,
                device < 12 ? DeviceType.MOBILE : device < 19 ? DeviceType.DESKTOP : DeviceType.TABLET,
                bot ? CRAWLER : device < 12 ? PHONE : BROWSER, null, null, null, visitor + "-" + at.getEpochSecond() / 3600, visitor,
                value, null, type == EventType.CONVERSION ? "order-" + UUID.randomUUID() : null,
                type == EventType.CONVERSION ? "purchase" : null, null, null, null, null, null, null));
    }
}
