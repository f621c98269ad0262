package dev.campaignfn.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dev.campaignfn.common.Breakdown;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.LocalDaySpan;
import dev.campaignfn.common.SqlArrays;
import dev.campaignfn.metrics.CustomerValue;
import dev.campaignfn.tracking.EventDimension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The read primitive of analytics: counts and sums of campaigns' events, and their spend, exactly
 * what a scan of the raw events and the ledger gives, mostly without scanning them. Each statement
 * reads the rollups up to the watermarks and the events and entries after them (the tails since the
 * last fold) in one snapshot, so a fold running at the same time can neither hide an event nor count it
 * twice.
 * <p>
 * Three sources, chosen per campaign:
 * <ul>
 * <li>days in the campaign's own zone, with at most one dimension: the daily rollups;</li>
 * <li>another zone, no dimension: the hourly rollups (UTC hours) re-bucketed in that zone, with the hours
 * a bucket boundary cuts through (zones at :30 and :45) read from raw events and entries;</li>
 * <li>anything else (two dimensions, or a dimension in another zone): the raw events and entries.</li>
 * </ul>
 * Spend is read only where it is known (no dimension, or the channel; see {@link BucketQuery#withSpend}).
 * The tails are read first, each on its own (a materialized CTE), by id or seq whatever the occurred_at:
 * a time range on them would make the planner prefer the (campaign_id, occurred_at) index and scan the
 * whole period, and left inside the join, the planner may rescan them once per campaign. When little is
 * unfolded, through the primary keys, all campaigns' rows at once; otherwise through the (campaign_id, id)
 * and (campaign_id, seq) indexes (see {@link Backlog}). So each statement has one plan (two: one per way
 * of reading the tail) that suits all its values, which the database keeps per connection instead of
 * planning every call (see docs/architecture.md, Data).
 */
@ApplicationScoped
public class EventTotals {

    static final String WATERMARK = "select last_id from rollup_watermarks where name = '" + RollupFolder.WATERMARK + "'";
    static final String SUMS = Measure.sums();
    /** The measures of an arm that reads events. */
    static final String EVENT_MEASURES = Measure.ofEventsArm();
    /** The measures of an arm that reads ledger entries. */
    static final String SPEND_MEASURES = Measure.ofSpendArm();
    /** The measure columns of an arm that reads a rollup table. */
    static final String ROLLUP_MEASURES = Measure.columns();

    static final String SPEND_WATERMARK = "select last_id from rollup_watermarks where name = '" + RollupFolder.SPEND_WATERMARK + "'";

    /**
     * The campaigns' events after the watermark (of the statement's own snapshot), through the
     * (campaign_id, id) index: a descent per campaign in every partition, whatever is unfolded. The
     * first id is a lower bound of the watermark (see {@link Backlog}): where a statement is planned for
     * its values, it tells the planner how short the tail is.
     */
    static final String TAIL = """
            tail as materialized (
              select campaign_id, occurred_at, event_type, value, channel, audience_segment, device_type
                from campaign_events
               where campaign_id = any(?::uuid[]) and id > ? and id > (%s) and (? or not is_bot)
            )""".formatted(WATERMARK);

    /**
     * The same rows from every campaign's events after the watermark, through each partition's primary
     * key: one descent per partition whatever the campaigns, for when little is unfolded (see
     * {@link Backlog#shared}). The ids run from the watermark's lower bound to Long.MAX_VALUE: a range
     * closed on both ends is what a generic plan estimates as short (0.5 % of the rows, against a third
     * for an open one), so it reads the key instead of scanning; the campaigns are filtered after it, or
     * the planner would take the (campaign_id, id) index again.
     */
    static final String SHARED_TAIL = """
            unfolded as materialized (
              select campaign_id, occurred_at, event_type, value, channel, audience_segment, device_type, is_bot
                from campaign_events
               where id > ? and id <= ? and id > (%s)
            ),
            tail as (
              select campaign_id, occurred_at, event_type, value, channel, audience_segment, device_type
                from unfolded where campaign_id = any(?::uuid[]) and (? or not is_bot)
            )""".formatted(WATERMARK);

    /** The campaigns' ledger entries after the ledger's watermark, through the (campaign_id, seq) index. */
    static final String SPEND_TAIL = """
            spend_tail as materialized (
              select campaign_id, occurred_at, channel_id, amount
                from spend_entries
               where campaign_id = any(?::uuid[]) and seq > ? and seq > (%s)
            )""".formatted(SPEND_WATERMARK);

    /** The same from every campaign's entries after the ledger's watermark, through the seq key (as {@link #SHARED_TAIL}). */
    static final String SHARED_SPEND_TAIL = """
            spend_unfolded as materialized (
              select campaign_id, occurred_at, channel_id, amount
                from spend_entries
               where seq > ? and seq <= ? and seq > (%s)
            ),
            spend_tail as (
              select campaign_id, occurred_at, channel_id, amount from spend_unfolded where campaign_id = any(?::uuid[])
            )""".formatted(SPEND_WATERMARK);

    /** Every event of the campaigns; follows the tail's CTE. */
    static final String LIFETIME = """

            select campaign_id, %1$s from (
              select campaign_id, %3$s
                from event_rollups_daily where campaign_id = any(?::uuid[]) and dimension = 'total' and (? or not is_bot)
              union all
              select campaign_id, %2$s from tail group by 1
            ) parts
             group by 1
            """.formatted(SUMS, EVENT_MEASURES, ROLLUP_MEASURES);

    /** A bucket query's sources; see the class comment. */
    enum Source {
        DAILY_ROLLUPS, HOURLY_ROLLUPS, RAW_EVENTS
    }

    @Inject
    DataSource dataSource;

    public EventCounts totals(UUID campaignId, Instant from, Instant to, boolean includeBots) {
        return totals(List.of(campaignId), from, to, includeBots).getOrDefault(campaignId, EventCounts.ZERO);
    }

    /** Totals per campaign in [from, to), any instants; campaigns without events in the range are absent. */
    public Map<UUID, EventCounts> totals(Collection<UUID> campaignIds, Instant from, Instant to, boolean includeBots) {
        Map<UUID, EventCounts> totals = new HashMap<>();
        if (campaignIds.isEmpty() || !to.isAfter(from)) {
            return totals;
        }
        for (BucketCounts row : hourly(campaignIds, List.of(from, to), includeBots, false, Breakdown.CAMPAIGN_AND_BUCKET)) {
            totals.merge(row.campaignId(), row.counts(), EventCounts::plus);
        }
        return totals;
    }

    /** Every event each campaign ever had; campaigns without events are absent. */
    public Map<UUID, EventCounts> lifetime(Collection<UUID> campaignIds, boolean includeBots) {
        Map<UUID, EventCounts> totals = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return totals;
        }
        Statement statement = tail(backlog(), campaignIds, includeBots).add(LIFETIME, new Array("uuid", campaignIds), includeBots);
        query(statement, rows -> totals.put(rows.getObject(1, UUID.class), Measure.counts(rows)));
        return totals;
    }

    /**
     * The revenue and the customers of each campaign's non-bot conversions before {@code before} (null: all; see
     * {@link CustomerValue}); campaigns without conversions answer {@link CustomerValue#NONE}. Reads the
     * conversions themselves (the (campaign_id, occurred_at) index holds event_type, value and is_bot).
     */
    public Map<UUID, CustomerValue> customers(Collection<UUID> campaignIds, Instant before) {
        Map<UUID, CustomerValue> values = new HashMap<>();
        campaignIds.forEach(id -> values.put(id, CustomerValue.NONE));
        if (campaignIds.isEmpty()) {
            return values;
        }
        Statement statement = new Statement().add("""
                select campaign_id, coalesce(sum(value), 0),
                       count(distinct coalesce(user_id, session_id)) + count(*) filter (where user_id is null and session_id is null)
                  from campaign_events
                 where campaign_id = any(?) and event_type = 'conversion' and not is_bot""", new Array("uuid", campaignIds));
        if (before != null) {
            statement.add(" and occurred_at < ?", before);
        }
        statement.add(" group by campaign_id");
        query(statement, rows -> values.put(rows.getObject(1, UUID.class), new CustomerValue(rows.getBigDecimal(2).setScale(2),
                rows.getLong(3))));
        return values;
    }

    /** When a campaign's first and last events happened (null and null without any). */
    public record EventSpan(Instant firstEvent, Instant lastEvent) {
    }

    /**
     * Seed 004's {@code first_event} and {@code last_event}: the campaign's earliest and latest event
     * over its lifetime, bots counted only when asked. Two descents of the (campaign_id, occurred_at)
     * index, which also holds is_bot.
     */
    public EventSpan span(UUID campaignId, boolean includeBots) {
        String bots = includeBots ? "" : " and not is_bot";
        String sql = "select (select occurred_at from campaign_events where campaign_id = ?" + bots + " order by occurred_at limit 1),"
                + " (select occurred_at from campaign_events where campaign_id = ?" + bots + " order by occurred_at desc limit 1)";
        Instant[] span = new Instant[2];
        Statement statement = new Statement();
        statement.add(sql, campaignId, campaignId);
        query(statement, rows -> {
            Timestamp first = rows.getTimestamp(1);
            Timestamp last = rows.getTimestamp(2);
            span[0] = first == null ? null : first.toInstant();
            span[1] = last == null ? null : last.toInstant();
        });
        return new EventSpan(span[0], span[1]);
    }

    /** The counts (and spend, where asked) per campaign, bucket and segment value; empty buckets are absent. */
    public List<BucketCounts> buckets(BucketQuery query) {
        Map<Source, List<UUID>> bySource = new HashMap<>();
        for (Map.Entry<UUID, ZoneId> campaign : query.campaignZones().entrySet()) {
            bySource.computeIfAbsent(sourceFor(query, campaign.getValue()), s -> new ArrayList<>()).add(campaign.getKey());
        }
        List<BucketCounts> result = new ArrayList<>();
        bySource.forEach((source, ids) -> result.addAll(switch (source) {
            case DAILY_ROLLUPS -> daily(query, ids);
            case HOURLY_ROLLUPS -> hourly(ids, query.boundaries().stream().map(d -> d.atStartOfDay(query.zone()).toInstant()).toList(),
                    query.includeBots(), query.withSpend(), query.breakdown());
            case RAW_EVENTS -> raw(query, ids);
        }));
        return result;
    }

    static Source sourceFor(BucketQuery query, ZoneId campaignZone) {
        int dimensions = query.dimensions().size();
        if ((query.zone() == null || query.zone().equals(campaignZone)) && dimensions <= 1) {
            return Source.DAILY_ROLLUPS;
        }
        return dimensions == 0 ? Source.HOURLY_ROLLUPS : Source.RAW_EVENTS;
    }

    /**
     * Buckets between instants: whole hours from the rollups and the tails, hours cut by a boundary (and
     * the partial hours at either end) from raw events and entries, each cut hour by its own index range
     * (a lateral subquery kept apart by {@code offset 0}: merged into a join, a plan made for any values
     * scanned the whole period once and compared every event with every cut hour).
     * Events outside the boundaries fall in bucket 0 or past the last one and are left out.
     */
    private List<BucketCounts> hourly(Collection<UUID> campaignIds, List<Instant> boundaries, boolean includeBots, boolean withSpend,
            Breakdown breakdown) {
        Instant first = boundaries.get(0);
        Instant last = boundaries.get(boundaries.size() - 1);
        Instant wholeFrom = ceilHour(first);
        Instant wholeTo = last.truncatedTo(ChronoUnit.HOURS);
        Set<Instant> cut = new LinkedHashSet<>();
        for (Instant boundary : boundaries) {
            if (!boundary.equals(boundary.truncatedTo(ChronoUnit.HOURS))) {
                cut.add(boundary.truncatedTo(ChronoUnit.HOURS));
            }
        }
        Array bounds = new Array("timestamptz", boundaries);
        Array cutHours = new Array("timestamptz", cut);
        Array ids = new Array("uuid", campaignIds);
        Backlog backlog = backlog();
        Statement statement = tail(backlog, campaignIds, includeBots);
        if (withSpend) {
            spendTail(statement, backlog, ids);
        }
        statement.add("""

                select campaign_id, bucket, segment, %s from (
                  select campaign_id, width_bucket(bucket_start, ?::timestamptz[]) as bucket, '' as segment, %s
                    from event_rollups_hourly
                   where campaign_id = any(?::uuid[]) and bucket_start >= ? and bucket_start < ? and bucket_start <> all(?::timestamptz[])
                     and (? or not is_bot)
                  union all
                  select campaign_id, width_bucket(occurred_at, ?::timestamptz[]), '', %s
                    from tail where date_trunc('hour', occurred_at, 'UTC') <> all(?::timestamptz[])
                   group by 1, 2
                  union all
                  select campaign_id, width_bucket(occurred_at, ?::timestamptz[]), '', %s
                    from unnest(?::timestamptz[]) as cut(hour_start) cross join lateral (
                      select campaign_id, occurred_at, event_type, value from campaign_events
                       where campaign_id = any(?::uuid[]) and occurred_at >= cut.hour_start and occurred_at < cut.hour_start + interval '1 hour'
                         and occurred_at >= ? and occurred_at < ? and (? or not is_bot) offset 0) e
                   group by 1, 2
                """.formatted(SUMS, ROLLUP_MEASURES, EVENT_MEASURES, EVENT_MEASURES), bounds, ids, wholeFrom, wholeTo, cutHours, includeBots, bounds,
                cutHours, bounds, cutHours, ids, first, last, includeBots);
        if (withSpend) {
            statement.add("""
                      union all
                      select campaign_id, width_bucket(occurred_at, ?::timestamptz[]), '', %s
                        from spend_tail where date_trunc('hour', occurred_at, 'UTC') <> all(?::timestamptz[])
                       group by 1, 2
                      union all
                      select campaign_id, width_bucket(occurred_at, ?::timestamptz[]), '', %s
                        from unnest(?::timestamptz[]) as cut(hour_start) cross join lateral (
                          select campaign_id, occurred_at, amount from spend_entries
                           where campaign_id = any(?::uuid[]) and occurred_at >= cut.hour_start
                             and occurred_at < cut.hour_start + interval '1 hour' and occurred_at >= ? and occurred_at < ? offset 0) s
                       group by 1, 2
                    """.formatted(SPEND_MEASURES, SPEND_MEASURES), bounds, cutHours, bounds, cutHours, ids, first, last);
        }
        return read(statement.close(boundaries.size() - 1, breakdown));
    }

    /** Buckets of days in each campaign's own zone, from the daily rollups of one dimension and the tails. */
    private List<BucketCounts> daily(BucketQuery query, List<UUID> campaignIds) {
        EventDimension dimension = query.dimensions().isEmpty() ? null : query.dimensions().iterator().next();
        String filterValue = dimension == null ? null : query.filter().get(dimension);
        Array days = new Array("date", query.boundaries());
        Array ids = new Array("uuid", campaignIds);
        Array zones = zones(query, campaignIds);
        String filter = filterValue == null ? "" : " and %s = ?";
        Backlog backlog = backlog();
        Statement statement = tail(backlog, campaignIds, query.includeBots());
        if (query.withSpend()) {
            spendTail(statement, backlog, ids);
        }
        statement.add("""

                select campaign_id, bucket, segment, %s from (
                  select campaign_id, width_bucket(day, ?::date[]) as bucket, %s as segment, %s
                    from event_rollups_daily
                   where campaign_id = any(?::uuid[]) and dimension = ? and day >= ? and day < ? and (? or not is_bot)%s
                """.formatted(SUMS, query.segmentBy() == null ? "''" : "dimension_value", ROLLUP_MEASURES, filter.formatted("dimension_value")), days, ids,
                dimension == null ? "total" : dimension.wire(), query.boundaries().get(0),
                query.boundaries().get(query.boundaries().size() - 1), query.includeBots());
        statement.paramIf(filterValue != null, filterValue);
        statement.add("""
                  union all
                  select e.campaign_id, width_bucket((e.occurred_at at time zone z.zone)::date, ?::date[]), %s, %s
                    from tail e join unnest(?::uuid[], ?::text[]) as z(campaign_id, zone) on z.campaign_id = e.campaign_id
                   where true%s
                   group by 1, 2, 3
                """.formatted(segment("e", query.segmentBy()), EVENT_MEASURES, filterValue == null ? ""
                : filter.formatted("e." + dimension.column())), days, ids, zones);
        statement.paramIf(filterValue != null, filterValue);
        if (query.withSpend()) {
            statement.add("""
                      union all
                      select s.campaign_id, width_bucket((s.occurred_at at time zone z.zone)::date, ?::date[]), %s, %s
                        from spend_tail s join unnest(?::uuid[], ?::text[]) as z(campaign_id, zone) on z.campaign_id = s.campaign_id
                       where true%s
                       group by 1, 2, 3
                    """.formatted(query.segmentBy() == null ? "''" : "coalesce(s.channel_id, '')", SPEND_MEASURES,
                    filterValue == null ? "" : filter.formatted("s.channel_id")), days, ids, zones);
            statement.paramIf(filterValue != null, filterValue);
        }
        return read(statement.close(query.bucketCount(), query.breakdown()));
    }

    /** Buckets of days from the raw events and entries, with any filters, in any zone. */
    private List<BucketCounts> raw(BucketQuery query, List<UUID> campaignIds) {
        StringBuilder filter = new StringBuilder();
        List<Object> values = new ArrayList<>();
        query.filter().forEach((dimension, value) -> {
            filter.append(" and e.").append(dimension.column()).append(" = ?");
            values.add(value);
        });
        LocalDaySpan range = instantRange(query, campaignIds);
        Array days = new Array("date", query.boundaries());
        Array ids = new Array("uuid", campaignIds);
        Array zones = zones(query, campaignIds);
        Statement statement = new Statement().add("""
                select campaign_id, bucket, segment, %s from (
                  select e.campaign_id, width_bucket((e.occurred_at at time zone z.zone)::date, ?::date[]) as bucket, %s as segment, %s
                    from campaign_events e join unnest(?::uuid[], ?::text[]) as z(campaign_id, zone) on z.campaign_id = e.campaign_id
                   where e.campaign_id = any(?::uuid[]) and e.occurred_at >= ? and e.occurred_at < ? and (? or not e.is_bot)%s
                   group by 1, 2, 3
                """.formatted(SUMS, segment("e", query.segmentBy()), EVENT_MEASURES, filter), days, ids, zones, ids, range.from(),
                range.to(), query.includeBots());
        values.forEach(statement::param);
        if (query.withSpend()) {
            String channel = query.filter().get(EventDimension.CHANNEL);
            statement.add("""
                      union all
                      select s.campaign_id, width_bucket((s.occurred_at at time zone z.zone)::date, ?::date[]), %s, %s
                        from spend_entries s join unnest(?::uuid[], ?::text[]) as z(campaign_id, zone) on z.campaign_id = s.campaign_id
                       where s.campaign_id = any(?::uuid[]) and s.occurred_at >= ? and s.occurred_at < ?%s
                       group by 1, 2, 3
                    """.formatted(query.segmentBy() == null ? "''" : "coalesce(s.channel_id, '')", SPEND_MEASURES,
                    channel == null ? "" : " and s.channel_id = ?"), days, ids, zones, ids, range.from(), range.to());
            statement.paramIf(channel != null, channel);
        }
        return read(statement.close(query.bucketCount(), query.breakdown()));
    }

    /** The segment of an arm over raw events: the dimension's value, '' for none. */
    private static String segment(String alias, EventDimension segmentBy) {
        return segmentBy == null ? "''" : "coalesce(" + alias + "." + segmentBy.column() + ", '')";
    }

    /** A statement that starts with the events' tail, read the way the backlog suits. */
    private static Statement tail(Backlog backlog, Collection<UUID> campaignIds, boolean includeBots) {
        Array ids = new Array("uuid", campaignIds);
        return backlog.shared(backlog.eventsBehind(), campaignIds.size())
                ? new Statement().add("with " + SHARED_TAIL, backlog.eventMark(), Long.MAX_VALUE, ids, includeBots)
                : new Statement().add("with " + TAIL, ids, backlog.eventMark(), includeBots);
    }

    /** Adds the ledger's tail to a statement's CTEs, read the way the backlog suits. */
    private static void spendTail(Statement statement, Backlog backlog, Array ids) {
        if (backlog.shared(backlog.entriesBehind(), ids.values().size())) {
            statement.add(",\n" + SHARED_SPEND_TAIL, backlog.spendMark(), Long.MAX_VALUE, ids);
        } else {
            statement.add(",\n" + SPEND_TAIL, ids, backlog.spendMark());
        }
    }

    /** The instants that hold every bucket of every campaign, each in its own zone. */
    private static LocalDaySpan instantRange(BucketQuery query, List<UUID> campaignIds) {
        return LocalDaySpan.of(query.boundaries().get(0), query.boundaries().get(query.boundaries().size() - 1),
                campaignIds.stream().map(query::zoneOf).toList());
    }

    private static Array zones(BucketQuery query, List<UUID> campaignIds) {
        return new Array("text", campaignIds.stream().map(id -> query.zoneOf(id).getId()).toList());
    }

    /** An array parameter: its element type and values. */
    private record Array(String type, Collection<?> values) {
    }

    /** A statement's text and its parameters in order, built together so that neither can drift from the other. */
    private static final class Statement {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

        Statement add(String text, Object... values) {
            sql.append(text);
            parameters.addAll(List.of(values));
            return this;
        }

        /** One more parameter. */
        Statement param(Object value) {
            parameters.add(value);
            return this;
        }

        /** One more parameter, when the text asked for it. */
        Statement paramIf(boolean present, Object value) {
            return present ? param(value) : this;
        }

        /** Ends the union of arms: keeps the buckets inside the boundaries and sums them as the breakdown says. */
        Statement close(int bucketCount, Breakdown breakdown) {
            sql.append(") parts\n where bucket between 1 and ?\n").append(breakdown.groupBy());
            parameters.add(bucketCount);
            return this;
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /** How long a backlog reading is used. */
    public static final Duration BACKLOG_REUSE = Duration.ofSeconds(1);

    /**
     * Up to this many unfolded events (or ledger entries) per campaign of a statement, its tail is read
     * from all campaigns' unfolded rows through the primary key ({@link #SHARED_TAIL}); over it, per
     * campaign ({@link #TAIL}). Per campaign costs a descent of the (campaign_id, id) index in every
     * partition for each campaign: with nothing unfolded, a compare of 10 campaigns read 67 index pages
     * from disk after a cache drop, the primary key way 7. The shared way costs a row read per unfolded
     * event of any campaign, so it is kept to backlogs of about a hundred rows per campaign read (the
     * bound is a judgement, not measured; the benchmark's tails are empty).
     */
    static final long SHARED_TAIL_ROWS_PER_CAMPAIGN = 100;

    /**
     * What the last fold left: the watermarks and how many ids were drawn after each, read at most once a
     * second. The watermarks only grow, so an older reading's are lower bounds of the current ones (the
     * statements read the current ones themselves); the counts only choose how a tail is read, so a
     * second-old count costs at most a second of ingestion read the shared way.
     */
    record Backlog(long eventMark, long eventsBehind, long spendMark, long entriesBehind, long readAt) {

        /** Whether a tail of this many unfolded rows is read the shared way for so many campaigns. */
        boolean shared(long behind, int campaigns) {
            return behind <= SHARED_TAIL_ROWS_PER_CAMPAIGN * campaigns;
        }
    }

    static final String BACKLOG = """
            select (%s), (select last_value from campaign_events_id_seq), (%s), (select last_value from spend_entries_seq_seq)
            """.formatted(WATERMARK, SPEND_WATERMARK);

    private volatile Backlog lastBacklog;

    private Backlog backlog() {
        Backlog reading = lastBacklog;
        long now = System.nanoTime();
        if (reading != null && now - reading.readAt() < BACKLOG_REUSE.toNanos()) {
            return reading;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(BACKLOG);
                ResultSet row = select.executeQuery()) {
            row.next();
            long eventMark = row.getLong(1);
            long spendMark = row.getLong(3);
            reading = new Backlog(eventMark, Math.max(0, row.getLong(2) - eventMark), spendMark, Math.max(0, row.getLong(4) - spendMark), now);
            lastBacklog = reading;
            return reading;
        } catch (SQLException e) {
            throw Jdbc.failure("read the rollups' backlog", e);
        }
    }

    private List<BucketCounts> read(Statement statement) {
        List<BucketCounts> result = new ArrayList<>();
        query(statement, rows -> result.add(bucketRow(rows)));
        return result;
    }

    private void query(Statement statement, RowReader reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(statement.sql.toString())) {
            int p = 1;
            for (Object value : statement.parameters) {
                bind(select, p++, value, connection);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read event totals", e);
        }
    }

    private void bind(PreparedStatement select, int index, Object value, Connection connection) throws SQLException {
        if (value instanceof Array array) {
            select.setArray(index, SqlArrays.typed(connection, array.type(), array.values()));
        } else if (value instanceof Instant instant) {
            select.setTimestamp(index, Timestamp.from(instant));
        } else {
            select.setObject(index, value);
        }
    }

    private static BucketCounts bucketRow(ResultSet rows) throws SQLException {
        UUID campaignId = rows.getObject(1, UUID.class);
        int bucket = rows.getInt(2);
        int index = rows.wasNull() ? Breakdown.AFTER_FIRST : bucket - 1;
        return new BucketCounts(campaignId, index, rows.getString(3), Measure.counts(rows), Measure.spend(rows));
    }

    static Instant ceilHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(Duration.ofHours(1));
    }
}
