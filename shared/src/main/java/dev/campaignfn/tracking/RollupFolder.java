package dev.campaignfn.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Folds new events into the rollups: the range of ids after the watermark up to the last settled id
 * (see {@link EventFence}) is aggregated with {@code INSERT ... SELECT ... GROUP BY ... ON CONFLICT DO
 * UPDATE}, and the watermark moves in the same transaction. A second fold running at the same time
 * waits on the watermark row and then finds nothing left to fold, so no event is ever counted twice.
 * Hourly rollups are whole UTC hours; daily ones are days in each campaign's reporting time zone, with
 * one row per day for the total and one per value of each segment dimension.
 */
@ApplicationScoped
public class RollupFolder {

    public static final String WATERMARK = "campaign_events";
    /** One fold transaction covers at most this many ids, so a backlog is folded in bounded steps. */
    static final long MAX_IDS_PER_STEP = 1_000_000;

    public record Fold(long fromId, long toId, long steps, long millis) {
        public boolean folded() {
            return toId > fromId;
        }
    }

    static final String COUNTS = """
            count(*) filter (where event_type = 'impression') as impressions, count(*) filter (where event_type = 'view') as views,
            count(*) filter (where event_type = 'click') as clicks, count(*) filter (where event_type = 'conversion') as conversions,
            coalesce(sum(value) filter (where event_type = 'conversion'), 0) as revenue""";

    static final String ADD_COUNTS = """
            impressions = %1$s.impressions + excluded.impressions, views = %1$s.views + excluded.views,
            clicks = %1$s.clicks + excluded.clicks, conversions = %1$s.conversions + excluded.conversions,
            revenue = %1$s.revenue + excluded.revenue""";

    static final String FOLD_HOURLY = """
            insert into event_rollups_hourly (campaign_id, bucket_start, is_bot, impressions, views, clicks, conversions, revenue)
            select campaign_id, date_trunc('hour', occurred_at, 'UTC'), is_bot, %s
              from campaign_events where id > ? and id <= ?
             group by 1, 2, 3
            on conflict (campaign_id, bucket_start, is_bot) do update set %s
            """.formatted(COUNTS, ADD_COUNTS.formatted("event_rollups_hourly"));

    /** {@code %s} is the event filter: an id range, or one campaign's events up to the watermark. */
    static final String FOLD_DAILY = """
            insert into event_rollups_daily (campaign_id, day, dimension, dimension_value, is_bot,
                                             impressions, views, clicks, conversions, revenue)
            select campaign_id, day,
                   case when grouping(channel) = 0 then 'channel' when grouping(audience_segment) = 0 then 'audience_segment'
                        when grouping(device_type) = 0 then 'device_type' else 'total' end,
                   coalesce(case when grouping(channel) = 0 then channel when grouping(audience_segment) = 0 then audience_segment
                                 when grouping(device_type) = 0 then device_type end, ''),
                   is_bot, %s
              from (select e.campaign_id, (e.occurred_at at time zone c.time_zone)::date as day, e.channel, e.audience_segment,
                           e.device_type, e.is_bot, e.event_type, e.value
                      from campaign_events e join campaigns c on c.id = e.campaign_id
                     where %%s) s
             group by grouping sets ((campaign_id, day, is_bot), (campaign_id, day, is_bot, channel),
                                     (campaign_id, day, is_bot, audience_segment), (campaign_id, day, is_bot, device_type))
            on conflict (campaign_id, dimension, day, dimension_value, is_bot) do update set %s
            """.formatted(COUNTS, ADD_COUNTS.formatted("event_rollups_daily"));

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Runs outside any caller's transaction: it commits its own steps. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Fold fold() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            long settled = EventFence.settledId(connection);
            connection.setAutoCommit(false);
            long first = -1;
            long last = -1;
            long steps = 0;
            try {
                while (true) {
                    long lower = lockWatermark(connection);
                    if (first < 0) {
                        first = lower;
                    }
                    last = lower;
                    if (settled <= lower) {
                        connection.commit();
                        break;
                    }
                    long upper = Math.min(settled, lower + MAX_IDS_PER_STEP);
                    execute(connection, FOLD_HOURLY, lower, upper);
                    execute(connection, FOLD_DAILY.formatted("e.id > ? and e.id <= ?"), lower, upper);
                    try (PreparedStatement advance = connection.prepareStatement(
                            "update rollup_watermarks set last_event_id = ?, folded_at = ? where name = ?")) {
                        advance.setLong(1, upper);
                        advance.setTimestamp(2, Timestamp.from(clock.instant()));
                        advance.setString(3, WATERMARK);
                        advance.executeUpdate();
                    }
                    connection.commit();
                    last = upper;
                    steps++;
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return new Fold(first, last, steps, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("rollup fold failed", e);
        }
    }

    /**
     * Rebuilds one campaign's daily rollups from its events up to the watermark: its reporting time
     * zone changed, so its days did. Holds the watermark lock, so no fold runs meanwhile.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void rebuildDaily(UUID campaignId) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long watermark = lockWatermark(connection);
                try (PreparedStatement delete = connection.prepareStatement("delete from event_rollups_daily where campaign_id = ?")) {
                    delete.setObject(1, campaignId);
                    delete.executeUpdate();
                }
                try (PreparedStatement rebuild = connection.prepareStatement(FOLD_DAILY.formatted("e.campaign_id = ? and e.id <= ?"))) {
                    rebuild.setObject(1, campaignId);
                    rebuild.setLong(2, watermark);
                    rebuild.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not rebuild the daily rollups of campaign " + campaignId, e);
        }
    }

    private static long lockWatermark(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select last_event_id from rollup_watermarks where name = ? for update")) {
            select.setString(1, WATERMARK);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void execute(Connection connection, String sql, long lower, long upper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, lower);
            statement.setLong(2, upper);
            statement.executeUpdate();
        }
    }
}
