package dev.campaignfn.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import dev.campaignfn.common.EventFence;
import dev.campaignfn.common.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Folds new events and ledger entries into the rollups: the range of event ids after the events'
 * watermark up to the last settled id, and of ledger seqs after the ledger's (see {@link EventFence}),
 * are aggregated with {@code INSERT ... SELECT ... GROUP BY ... ON CONFLICT DO UPDATE}, and both
 * watermarks move in the same transaction. A second fold running at the same time waits on the
 * watermark rows and then finds nothing left to fold, so nothing is ever counted twice. Hourly rollups
 * are whole UTC hours; daily ones are days in each campaign's reporting time zone, with one row per day
 * for the total and one per value of each segment dimension. Spend lands in the same rows as the
 * events (the hourly and total rows, and the channel rows by the entry's channel, '' for none), on the
 * rows that do not count bots, so a report reads events and cost in one pass.
 */
@ApplicationScoped
public class RollupFolder {

    /** The watermark of the events (the last folded event id). */
    public static final String WATERMARK = "campaign_events";
    /** The watermark of the ledger (the last folded entry's seq). */
    public static final String SPEND_WATERMARK = "spend_entries";
    /** One fold transaction covers at most this many ids (and seqs), so a backlog is folded in bounded steps. */
    static final long MAX_IDS_PER_STEP = 1_000_000;

    /** What one fold did: the event ids and ledger seqs after {@code from} up to {@code to}. */
    public record Fold(long fromId, long toId, long fromSeq, long toSeq, long steps, long millis) {
        public boolean folded() {
            return toId > fromId || toSeq > fromSeq;
        }
    }

    /** Both watermarks, locked. */
    private record Marks(long eventId, long spendSeq) {
    }

    private static final String EVENT_COLUMNS = Measure.columns(Measure.OF_EVENTS);

    static final String FOLD_HOURLY = """
            insert into event_rollups_hourly (campaign_id, bucket_start, is_bot, %s)
            select campaign_id, date_trunc('hour', occurred_at, 'UTC'), is_bot, %s
              from campaign_events where id > ? and id <= ?
             group by 1, 2, 3
            on conflict (campaign_id, bucket_start, is_bot) do update set %s
            """.formatted(EVENT_COLUMNS, Measure.eventAggregates(), Measure.addedTo("event_rollups_hourly"));

    /** {@code %s} is the event filter: an id range, or one campaign's events up to the watermark. */
    static final String FOLD_DAILY = """
            insert into event_rollups_daily (campaign_id, day, dimension, dimension_value, is_bot, %s)
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
            """.formatted(EVENT_COLUMNS, Measure.eventAggregates(), Measure.addedTo("event_rollups_daily"));

    static final String FOLD_SPEND_HOURLY = """
            insert into event_rollups_hourly (campaign_id, bucket_start, is_bot, spend)
            select campaign_id, date_trunc('hour', occurred_at, 'UTC'), false, sum(amount)
              from spend_entries where seq > ? and seq <= ?
             group by 1, 2
            on conflict (campaign_id, bucket_start, is_bot) do update set spend = event_rollups_hourly.spend + excluded.spend
            """;

    /** {@code %s} is the entry filter: a seq range, or one campaign's entries up to the watermark. */
    static final String FOLD_SPEND_DAILY = """
            insert into event_rollups_daily (campaign_id, day, dimension, dimension_value, is_bot, spend)
            select campaign_id, day, case when grouping(channel) = 0 then 'channel' else 'total' end,
                   case when grouping(channel) = 0 then coalesce(channel, '') else '' end, false, sum(amount)
              from (select s.campaign_id, (s.occurred_at at time zone c.time_zone)::date as day, s.channel_id as channel, s.amount
                      from spend_entries s join campaigns c on c.id = s.campaign_id
                     where %s) s
             group by grouping sets ((campaign_id, day), (campaign_id, day, channel))
            on conflict (campaign_id, dimension, day, dimension_value, is_bot) do update set spend = event_rollups_daily.spend + excluded.spend
            """;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Runs outside any caller's transaction: it commits its own steps. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Fold fold() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            EventFence.Settled settled = EventFence.settled(connection);
            connection.setAutoCommit(false);
            Marks first = null;
            Marks last;
            long steps = 0;
            try {
                while (true) {
                    Marks marks = lockWatermarks(connection);
                    first = first == null ? marks : first;
                    last = marks;
                    long upper = Math.min(settled.eventId(), marks.eventId() + MAX_IDS_PER_STEP);
                    long spendUpper = Math.min(settled.spendSeq(), marks.spendSeq() + MAX_IDS_PER_STEP);
                    if (upper <= marks.eventId() && spendUpper <= marks.spendSeq()) {
                        connection.commit();
                        break;
                    }
                    if (upper > marks.eventId()) {
                        execute(connection, FOLD_HOURLY, marks.eventId(), upper);
                        execute(connection, FOLD_DAILY.formatted("e.id > ? and e.id <= ?"), marks.eventId(), upper);
                        advance(connection, WATERMARK, upper);
                    }
                    if (spendUpper > marks.spendSeq()) {
                        execute(connection, FOLD_SPEND_HOURLY, marks.spendSeq(), spendUpper);
                        execute(connection, FOLD_SPEND_DAILY.formatted("s.seq > ? and s.seq <= ?"), marks.spendSeq(), spendUpper);
                        advance(connection, SPEND_WATERMARK, spendUpper);
                    }
                    connection.commit();
                    steps++;
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return new Fold(first.eventId(), last.eventId(), first.spendSeq(), last.spendSeq(), steps,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw Jdbc.failure("fold the events into the rollups", e);
        }
    }

    /**
     * Rebuilds one campaign's daily rollups from its events and ledger entries up to the watermarks: its
     * reporting time zone changed, so its days did. Holds the watermark locks, so no fold runs meanwhile.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void rebuildDaily(UUID campaignId) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Marks marks = lockWatermarks(connection);
                try (PreparedStatement delete = connection.prepareStatement("delete from event_rollups_daily where campaign_id = ?")) {
                    delete.setObject(1, campaignId);
                    delete.executeUpdate();
                }
                rebuild(connection, FOLD_DAILY.formatted("e.campaign_id = ? and e.id <= ?"), campaignId, marks.eventId());
                rebuild(connection, FOLD_SPEND_DAILY.formatted("s.campaign_id = ? and s.seq <= ?"), campaignId, marks.spendSeq());
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("rebuild the daily rollups of campaign " + campaignId, e);
        }
    }

    private static Marks lockWatermarks(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select name, last_id from rollup_watermarks where name in (?, ?) order by name for update")) {
            select.setString(1, WATERMARK);
            select.setString(2, SPEND_WATERMARK);
            long eventId = 0;
            long spendSeq = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (WATERMARK.equals(rows.getString(1))) {
                        eventId = rows.getLong(2);
                    } else {
                        spendSeq = rows.getLong(2);
                    }
                }
            }
            return new Marks(eventId, spendSeq);
        }
    }

    private void advance(Connection connection, String watermark, long to) throws SQLException {
        try (PreparedStatement advance = connection.prepareStatement("update rollup_watermarks set last_id = ?, folded_at = ? where name = ?")) {
            advance.setLong(1, to);
            advance.setTimestamp(2, Timestamp.from(clock.instant()));
            advance.setString(3, watermark);
            advance.executeUpdate();
        }
    }

    private static void rebuild(Connection connection, String sql, UUID campaignId, long upTo) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, campaignId);
            statement.setLong(2, upTo);
            statement.executeUpdate();
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
