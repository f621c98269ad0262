package dev.campaignfn.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A reusable generator of realistic campaign traffic, written straight into the events table with
 * COPY (as a bulk import would): campaign popularity follows a Zipf law (the largest campaign has
 * about a sixth of all events, the smallest a few thousand), traffic follows the day in each
 * campaign's zone and drops at weekends, grows over the period, and runs down a funnel (impressions,
 * views, clicks, conversions with order values). Channels, segments and devices are mixed as in
 * real traffic, 2% of events are bots, and a returning-visitor pool gives user ids for attribution.
 * Each COPY holds the event fence (see EventFence) so that a rollup fold never passes its ids
 * before it commits. Deterministic for a seed.
 */
final class EventGenerator {

    /** A campaign to generate for: its zone, currency and channels. */
    record Campaign(UUID id, ZoneId zone, String currency, List<String> channels) {
    }

    static final long FENCE_KEY = 4_203_177_015L;
    static final String COPY = "copy campaign_events (event_id, campaign_id, event_type, occurred_at, received_at, channel, audience_segment,"
            + " device_type, session_id, user_id, value, user_agent, is_bot) from stdin";
    static final String[] SEGMENTS = { "new", "returning", "vip" };
    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36";
    static final String BOT = "Googlebot/2.1 (+http://www.google.com/bot.html)";
    /** Hour-of-day weights (local time): quiet at night, peaks at lunch and in the evening. */
    static final double[] HOURS = { 0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 0.9, 1.2, 1.3, 1.3, 1.4, 1.6, 1.5, 1.3, 1.2, 1.2, 1.3, 1.5, 1.8,
            1.9, 1.6, 1.0, 0.5 };
    static final int ROWS_PER_COPY = 500_000;

    private final List<Campaign> campaigns;
    private final double[] campaignCumulative;
    private final double[] hourCumulative;
    private final SplittableRandom random;

    EventGenerator(List<Campaign> campaigns, long seed) {
        this.campaigns = campaigns;
        this.random = new SplittableRandom(seed);
        this.campaignCumulative = cumulative(campaigns.size(), i -> 1.0 / (i + 1));
        this.hourCumulative = cumulative(24, h -> HOURS[h]);
    }

    /** Writes {@code events} events over the {@code days} days before {@code end}; answers the rows written. */
    long events(Connection connection, long events, Instant end, int days) throws SQLException {
        LocalDate last = LocalDate.ofInstant(end, ZoneId.of("UTC"));
        double[] dayCumulative = cumulative(days, d -> {
            LocalDate day = last.minusDays(days - 1L - d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            return (weekend ? 0.7 : 1.0) * (0.8 + 0.4 * d / days);
        });
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long written = 0;
        StringBuilder rows = new StringBuilder(1 << 20);
        try {
            while (written < events) {
                try (Statement fence = connection.createStatement()) {
                    fence.execute("select pg_advisory_xact_lock_shared(" + FENCE_KEY + ")");
                }
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
                long chunk = Math.min(ROWS_PER_COPY, events - written);
                for (long i = 0; i < chunk; i++) {
                    row(rows, last, days, dayCumulative, end);
                    if (rows.length() > (1 << 20) - 1024) {
                        flush(copy, rows);
                    }
                }
                flush(copy, rows);
                copy.endCopy();
                connection.commit();
                written += chunk;
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return written;
    }

    private void row(StringBuilder rows, LocalDate last, int days, double[] dayCumulative, Instant end) {
        Campaign campaign = campaigns.get(pick(campaignCumulative));
        LocalDate day = last.minusDays(days - 1L - pick(dayCumulative));
        int hour = pick(hourCumulative);
        Instant at = day.atStartOfDay(campaign.zone()).toInstant().plusSeconds(hour * 3600L + random.nextInt(3600))
                .plusNanos(random.nextInt(1_000_000) * 1000L);
        if (at.isAfter(end)) {
            at = end.minusSeconds(random.nextInt(3600));
        }
        double roll = random.nextDouble();
        String type = roll < 0.75 ? "impression" : roll < 0.90 ? "view" : roll < 0.985 ? "click" : "conversion";
        boolean bot = random.nextInt(50) == 0;
        String channel = campaign.channels().get(random.nextInt(campaign.channels().size()));
        double segmentRoll = random.nextDouble();
        String segment = segmentRoll < 0.4 ? SEGMENTS[0] : segmentRoll < 0.75 ? SEGMENTS[1] : segmentRoll < 0.9 ? SEGMENTS[2] : null;
        int deviceRoll = random.nextInt(100);
        String device = deviceRoll < 55 ? "mobile" : deviceRoll < 93 ? "desktop" : deviceRoll < 98 ? "tablet" : "other";
        UUID eventId = new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        rows.append(eventId).append('\t').append(campaign.id()).append('\t').append(type).append('\t').append(at).append('\t')
                .append(at.plusSeconds(1 + random.nextInt(5))).append('\t').append(channel).append('\t')
                .append(segment == null ? "\\N" : segment).append('\t').append(device).append('\t')
                .append("s").append(random.nextInt(2_000_000)).append('\t');
        if (random.nextInt(10) < 7) {
            rows.append('u').append(random.nextInt(500_000));
        } else {
            rows.append("\\N");
        }
        rows.append('\t');
        if (type.equals("conversion")) {
            rows.append(BigDecimal.valueOf(2000 + random.nextInt(28_000), 2).toPlainString());
        } else {
            rows.append("\\N");
        }
        rows.append('\t').append(bot ? BOT : BROWSER).append('\t').append(bot ? 't' : 'f').append('\n');
    }

    /** One ledger entry per campaign, channel and day (spend scales with the campaign's traffic). */
    long spend(Connection connection, Instant end, int days) throws SQLException {
        LocalDate last = LocalDate.ofInstant(end, ZoneId.of("UTC"));
        StringBuilder rows = new StringBuilder();
        long written = 0;
        for (int c = 0; c < campaigns.size(); c++) {
            Campaign campaign = campaigns.get(c);
            double scale = 1.0 / (c + 1);
            for (int d = 0; d < days; d++) {
                for (String channel : campaign.channels()) {
                    Instant at = last.minusDays(d).atStartOfDay(campaign.zone()).toInstant().plusSeconds(20 * 3600);
                    if (at.isAfter(end)) {
                        continue;
                    }
                    BigDecimal amount = BigDecimal.valueOf(Math.max(100, (long) (scale * 800_000 * (0.8 + random.nextDouble() * 0.4))), 2);
                    rows.append(UUID.randomUUID()).append('\t').append(campaign.id()).append('\t').append(channel).append("\tspend\t")
                            .append(amount.toPlainString()).append('\t').append(campaign.currency()).append('\t').append(at).append('\t').append(at).append("\tbench\n");
                    written++;
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement fence = connection.createStatement()) {
                // ledger seqs are folded like event ids: drawn inside the fence
                fence.execute("select pg_advisory_xact_lock_shared(" + FENCE_KEY + ")");
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy spend_entries (id, campaign_id, channel_id,"
                    + " entry_type, amount, currency, occurred_at, recorded_at, recorded_by) from stdin");
            flush(copy, rows);
            copy.endCopy();
            try (Statement update = connection.createStatement()) {
                // the ledger's balance is kept on the campaign, as BudgetLedger keeps it
                update.execute("update campaigns c set actual_spend = t.total from (select campaign_id, sum(amount) as total"
                        + " from spend_entries group by 1) t where t.campaign_id = c.id");
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return written;
    }

    private static void flush(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }

    private int pick(double[] cumulative) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < r) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static double[] cumulative(int n, java.util.function.IntToDoubleFunction weight) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += weight.applyAsDouble(i);
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
