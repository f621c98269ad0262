package dev.campaignfn.tracking;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The read primitive of analytics: counts and sums of campaigns' events in [from, to), exactly what a
 * scan of the raw events gives, without scanning them. The whole UTC hours of the range come from the
 * hourly rollups up to the watermark plus the raw events after it (the tail since the last fold); the
 * partial hours at either end come from raw events through the (campaign_id, occurred_at) index. One
 * statement reads the watermark, the rollups and the tail, so they are one consistent snapshot.
 */
@ApplicationScoped
public class EventTotals {

    static final String TOTALS = """
            with w as (select last_event_id as mark from rollup_watermarks where name = 'campaign_events'),
            parts as (
              select campaign_id, impressions, views, clicks, conversions, revenue
                from event_rollups_hourly
               where campaign_id = any(?) and bucket_start >= ? and bucket_start < ? and (? or not is_bot)
              union all
              select campaign_id, %1$s
                from campaign_events, w
               where campaign_id = any(?) and occurred_at >= ? and occurred_at < ? and id > w.mark and (? or not is_bot)
               group by campaign_id
              union all
              select campaign_id, %1$s
                from campaign_events
               where campaign_id = any(?) and (? or not is_bot)
                 and ((occurred_at >= ? and occurred_at < ?) or (occurred_at >= ? and occurred_at < ?))
               group by campaign_id
            )
            select campaign_id, sum(impressions), sum(views), sum(clicks), sum(conversions), sum(revenue)
              from parts group by campaign_id
            """.formatted(RollupFolder.COUNTS);

    @Inject
    DataSource dataSource;

    public EventCounts totals(UUID campaignId, Instant from, Instant to, boolean includeBots) {
        return totals(java.util.List.of(campaignId), from, to, includeBots).getOrDefault(campaignId, EventCounts.ZERO);
    }

    /** Totals per campaign; campaigns without events in the range are absent. */
    public Map<UUID, EventCounts> totals(Collection<UUID> campaignIds, Instant from, Instant to, boolean includeBots) {
        Map<UUID, EventCounts> totals = new HashMap<>();
        if (campaignIds.isEmpty() || !to.isAfter(from)) {
            return totals;
        }
        Instant midFrom = ceilHour(from);
        Instant midTo = to.truncatedTo(ChronoUnit.HOURS);
        if (!midTo.isAfter(midFrom)) {
            midFrom = from;
            midTo = from;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(TOTALS)) {
            java.sql.Array ids = connection.createArrayOf("uuid", campaignIds.toArray());
            int p = 1;
            select.setArray(p++, ids);
            select.setTimestamp(p++, Timestamp.from(midFrom));
            select.setTimestamp(p++, Timestamp.from(midTo));
            select.setBoolean(p++, includeBots);
            select.setArray(p++, ids);
            select.setTimestamp(p++, Timestamp.from(midFrom));
            select.setTimestamp(p++, Timestamp.from(midTo));
            select.setBoolean(p++, includeBots);
            select.setArray(p++, ids);
            select.setBoolean(p++, includeBots);
            select.setTimestamp(p++, Timestamp.from(from));
            select.setTimestamp(p++, Timestamp.from(midFrom));
            select.setTimestamp(p++, Timestamp.from(midTo));
            select.setTimestamp(p, Timestamp.from(to));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    BigDecimal revenue = rows.getBigDecimal(6);
                    totals.put(rows.getObject(1, UUID.class), new EventCounts(rows.getLong(2), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), revenue == null ? EventCounts.ZERO.revenue() : revenue.setScale(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read event totals", e);
        }
        return totals;
    }

    static Instant ceilHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(Duration.ofHours(1));
    }
}
