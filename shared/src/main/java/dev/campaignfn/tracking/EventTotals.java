package dev.campaignfn.tracking;

import java.math.BigDecimal;
import java.sql.Array;
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
import dev.campaignfn.common.LocalDaySpan;
import dev.campaignfn.common.SqlArrays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The read primitive of analytics: counts and sums of campaigns' events, exactly what a scan of the
 * raw events gives, mostly without scanning them. Each statement reads the rollups up to the watermark
 * and the raw events after it (the tail since the last fold) in one snapshot, so a fold running at the
 * same time can neither hide an event nor count it twice.
 * <p>
 * Three sources, chosen per campaign:
 * <ul>
 * <li>days in the campaign's own zone, with at most one dimension: the daily rollups;</li>
 * <li>another zone, no dimension: the hourly rollups (UTC hours) re-bucketed in that zone, with the hours
 * a bucket boundary cuts through (zones at :30 and :45) read from raw events;</li>
 * <li>anything else (two dimensions, or a dimension in another zone): the raw events.</li>
 * </ul>
 * The tail is read first, on its own (a materialized CTE), through the (campaign_id, id) index, whatever
 * the events' occurred_at: a time range on it would make the planner prefer the (campaign_id,
 * occurred_at) index and scan the whole period, and left inside the join, the planner may rescan it
 * once per campaign. So each statement has one plan that suits all its values, which the database
 * keeps per connection instead of planning every call (see the Database section of the README).
 */
@ApplicationScoped
public class EventTotals {

    static final String WATERMARK = "select last_event_id from rollup_watermarks where name = '" + RollupFolder.WATERMARK + "'";
    /** The watermark of the statement's own snapshot: the tail is every event after it. */
    static final String MARK = "(" + WATERMARK + ")";
    static final String SUMS = "sum(impressions), sum(views), sum(clicks), sum(conversions), sum(revenue)";

    /**
     * The campaigns' events after the watermark. The first id is a lower bound of the watermark (see
     * {@link #markLowerBound}): where a statement is planned for its values, it tells the planner how
     * short the tail is.
     */
    static final String TAIL = """
            with tail as materialized (
              select campaign_id, occurred_at, event_type, value, channel, audience_segment, device_type
                from campaign_events
               where campaign_id = any(?::uuid[]) and id > ? and id > %s and (? or not is_bot)
            )
            """.formatted(MARK);

    /**
     * Buckets as instants; hours cut by a boundary (and the partial hours at either end) come from raw
     * events, whole hours from the rollups and the tail. Events outside the boundaries fall in bucket 0 or
     * past the last one and are left out. %3$s: the breakdown's grouping.
     */
    static final String HOURLY = TAIL + """
            select campaign_id, bucket, segment, %1$s from (
              select campaign_id, width_bucket(bucket_start, ?::timestamptz[]) as bucket, '' as segment,
                     impressions, views, clicks, conversions, revenue
                from event_rollups_hourly
               where campaign_id = any(?::uuid[]) and bucket_start >= ? and bucket_start < ? and bucket_start <> all(?::timestamptz[])
                 and (? or not is_bot)
              union all
              select campaign_id, width_bucket(occurred_at, ?::timestamptz[]), '', %2$s
                from tail where date_trunc('hour', occurred_at, 'UTC') <> all(?::timestamptz[])
               group by 1, 2
              union all
              select campaign_id, width_bucket(occurred_at, ?::timestamptz[]), '', %2$s
                from campaign_events e join unnest(?::timestamptz[]) as cut(hour_start)
                  on e.occurred_at >= cut.hour_start and e.occurred_at < cut.hour_start + interval '1 hour'
               where campaign_id = any(?::uuid[]) and occurred_at >= ? and occurred_at < ? and (? or not is_bot)
               group by 1, 2
            ) parts
             where bucket between 1 and ?
            %3$s
            """;

    /**
     * %3$s: the rollup segment, %4$s: the rollup filter, %5$s: the raw segment, %6$s: the raw filter,
     * %7$s: the breakdown's grouping.
     */
    static final String DAILY = TAIL + """
            select campaign_id, bucket, segment, %1$s from (
              select campaign_id, width_bucket(day, ?::date[]) as bucket, %3$s as segment, impressions, views, clicks, conversions, revenue
                from event_rollups_daily
               where campaign_id = any(?::uuid[]) and dimension = ? and day >= ? and day < ? and (? or not is_bot) %4$s
              union all
              select e.campaign_id, width_bucket((e.occurred_at at time zone z.zone)::date, ?::date[]), %5$s, %2$s
                from tail e join unnest(?::uuid[], ?::text[]) as z(campaign_id, zone) on z.campaign_id = e.campaign_id
               where true %6$s
               group by 1, 2, 3
            ) parts
             where bucket between 1 and ?
            %7$s
            """;

    /** %3$s: the segment, %4$s: the filter, %5$s: the breakdown's grouping. */
    static final String RAW = """
            select campaign_id, bucket, segment, %1$s from (
              select e.campaign_id, width_bucket((e.occurred_at at time zone z.zone)::date, ?::date[]) as bucket, %3$s as segment,
                     %2$s
                from campaign_events e join unnest(?::uuid[], ?::text[]) as z(campaign_id, zone) on z.campaign_id = e.campaign_id
               where e.campaign_id = any(?::uuid[]) and e.occurred_at >= ? and e.occurred_at < ? and (? or not e.is_bot) %4$s
               group by 1, 2, 3
            ) parts
             where bucket between 1 and ?
            %5$s
            """;

    static final String LIFETIME = TAIL + """
            select campaign_id, %1$s from (
              select campaign_id, impressions, views, clicks, conversions, revenue
                from event_rollups_daily where campaign_id = any(?::uuid[]) and dimension = 'total' and (? or not is_bot)
              union all
              select campaign_id, %2$s from tail group by 1
            ) parts
             group by 1
            """.formatted(SUMS, RollupFolder.COUNTS);

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
        for (BucketCounts row : hourly(campaignIds, List.of(from, to), includeBots, Breakdown.CAMPAIGN_AND_BUCKET)) {
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
        query(LIFETIME, new Tail(campaignIds, includeBots), (select, p) -> {
            select.setArray(p++, SqlArrays.typed(select.getConnection(), "uuid", campaignIds));
            select.setBoolean(p, includeBots);
        }, rows -> totals.put(rows.getObject(1, UUID.class), counts(rows, 2)));
        return totals;
    }

    /** The counts per campaign, bucket and segment value; empty buckets are absent. */
    public List<BucketCounts> buckets(BucketQuery query) {
        Map<Source, List<UUID>> bySource = new HashMap<>();
        for (Map.Entry<UUID, ZoneId> campaign : query.campaignZones().entrySet()) {
            bySource.computeIfAbsent(sourceFor(query, campaign.getValue()), s -> new ArrayList<>()).add(campaign.getKey());
        }
        List<BucketCounts> result = new ArrayList<>();
        bySource.forEach((source, ids) -> result.addAll(switch (source) {
            case DAILY_ROLLUPS -> daily(query, ids);
            case HOURLY_ROLLUPS -> hourly(ids, query.boundaries().stream().map(d -> d.atStartOfDay(query.zone()).toInstant()).toList(),
                    query.includeBots(), query.breakdown());
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

    /** Buckets between instants: whole hours from the rollups and the tail, cut hours from raw events. */
    private List<BucketCounts> hourly(Collection<UUID> campaignIds, List<Instant> boundaries, boolean includeBots, Breakdown breakdown) {
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
        List<BucketCounts> result = new ArrayList<>();
        query(HOURLY.formatted(SUMS, RollupFolder.COUNTS, breakdown.groupBy()), new Tail(campaignIds, includeBots), (select, p) -> {
            Connection connection = select.getConnection();
            Array ids = SqlArrays.typed(connection, "uuid", campaignIds);
            Array bounds = SqlArrays.typed(connection, "timestamptz", boundaries);
            Array cutHours = SqlArrays.typed(connection, "timestamptz", cut);
            select.setArray(p++, bounds);
            select.setArray(p++, ids);
            select.setTimestamp(p++, Timestamp.from(wholeFrom));
            select.setTimestamp(p++, Timestamp.from(wholeTo));
            select.setArray(p++, cutHours);
            select.setBoolean(p++, includeBots);
            select.setArray(p++, bounds);
            select.setArray(p++, cutHours);
            select.setArray(p++, bounds);
            select.setArray(p++, cutHours);
            select.setArray(p++, ids);
            select.setTimestamp(p++, Timestamp.from(first));
            select.setTimestamp(p++, Timestamp.from(last));
            select.setBoolean(p++, includeBots);
            select.setInt(p, boundaries.size() - 1);
        }, rows -> result.add(bucketRow(rows)));
        return result;
    }

    private List<BucketCounts> daily(BucketQuery query, List<UUID> campaignIds) {
        EventDimension dimension = query.dimensions().isEmpty() ? null : query.dimensions().iterator().next();
        String filterValue = dimension == null ? null : query.filter().get(dimension);
        String sql = DAILY.formatted(SUMS, RollupFolder.COUNTS,
                query.segmentBy() == null ? "''" : "dimension_value",
                filterValue == null ? "" : "and dimension_value = ?",
                query.segmentBy() == null ? "''" : "coalesce(e." + query.segmentBy().column() + ", '')",
                filterValue == null ? "" : "and e." + dimension.column() + " = ?", query.breakdown().groupBy());
        List<BucketCounts> result = new ArrayList<>();
        query(sql, new Tail(campaignIds, query.includeBots()), (select, p) -> {
            Connection connection = select.getConnection();
            Array ids = SqlArrays.typed(connection, "uuid", campaignIds);
            Array days = SqlArrays.typed(connection, "date", query.boundaries());
            select.setArray(p++, days);
            select.setArray(p++, ids);
            select.setString(p++, dimension == null ? "total" : dimension.wire());
            select.setObject(p++, query.boundaries().get(0));
            select.setObject(p++, query.boundaries().get(query.boundaries().size() - 1));
            select.setBoolean(p++, query.includeBots());
            if (filterValue != null) {
                select.setString(p++, filterValue);
            }
            select.setArray(p++, days);
            select.setArray(p++, ids);
            select.setArray(p++, zones(connection, query, campaignIds));
            if (filterValue != null) {
                select.setString(p++, filterValue);
            }
            select.setInt(p, query.bucketCount());
        }, rows -> result.add(bucketRow(rows)));
        return result;
    }

    private List<BucketCounts> raw(BucketQuery query, List<UUID> campaignIds) {
        StringBuilder filter = new StringBuilder();
        List<String> values = new ArrayList<>();
        query.filter().forEach((dimension, value) -> {
            filter.append(" and e.").append(dimension.column()).append(" = ?");
            values.add(value);
        });
        String sql = RAW.formatted(SUMS, RollupFolder.COUNTS,
                query.segmentBy() == null ? "''" : "coalesce(e." + query.segmentBy().column() + ", '')", filter, query.breakdown().groupBy());
        LocalDaySpan range = instantRange(query, campaignIds);
        List<BucketCounts> result = new ArrayList<>();
        query(sql, null, (select, p) -> {
            Connection connection = select.getConnection();
            Array ids = SqlArrays.typed(connection, "uuid", campaignIds);
            select.setArray(p++, SqlArrays.typed(connection, "date", query.boundaries()));
            select.setArray(p++, ids);
            select.setArray(p++, zones(connection, query, campaignIds));
            select.setArray(p++, ids);
            select.setTimestamp(p++, Timestamp.from(range.from()));
            select.setTimestamp(p++, Timestamp.from(range.to()));
            select.setBoolean(p++, query.includeBots());
            for (String value : values) {
                select.setString(p++, value);
            }
            select.setInt(p, query.bucketCount());
        }, rows -> result.add(bucketRow(rows)));
        return result;
    }

    /** The instants that hold every bucket of every campaign, each in its own zone. */
    private static LocalDaySpan instantRange(BucketQuery query, List<UUID> campaignIds) {
        return LocalDaySpan.of(query.boundaries().get(0), query.boundaries().get(query.boundaries().size() - 1),
                campaignIds.stream().map(query::zoneOf).toList());
    }

    private static Array zones(Connection connection, BucketQuery query, List<UUID> campaignIds) throws SQLException {
        return SqlArrays.typed(connection, "text", campaignIds.stream().map(id -> query.zoneOf(id).getId()).toList());
    }

    /** Binds a statement's parameters from the first one after the tail's. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement, int first) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /** The campaigns and events of a statement that starts with {@link #TAIL}. */
    private record Tail(Collection<UUID> campaignIds, boolean includeBots) {
    }

    /** How long a watermark read stays the lower bound statements are given. */
    static final long MARK_REUSE_NANOS = 1_000_000_000L;

    /** The last watermark read and when (System.nanoTime()); any past watermark is a valid lower bound. */
    private record MarkReading(long mark, long readAt) {
    }

    private volatile MarkReading lastMark;

    /**
     * A lower bound of the watermark, read at most once a second: the watermark only grows, so an older
     * reading is still a lower bound. With generic plans (the functions' setting) it changes nothing; a
     * connection without that setting plans each call for its values, and this bound is what shows the
     * planner that the tail is short (without it, it plans for a third of all events).
     */
    private long markLowerBound(Connection connection) throws SQLException {
        MarkReading reading = lastMark;
        long now = System.nanoTime();
        if (reading != null && now - reading.readAt() < MARK_REUSE_NANOS) {
            return reading.mark();
        }
        try (PreparedStatement select = connection.prepareStatement(WATERMARK); ResultSet row = select.executeQuery()) {
            row.next();
            long mark = row.getLong(1);
            lastMark = new MarkReading(mark, now);
            return mark;
        }
    }

    /** Runs a statement, binding the tail's parameters first when it has one. */
    private void query(String sql, Tail tail, Binder binder, RowReader reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            if (tail != null) {
                select.setArray(p++, SqlArrays.typed(connection, "uuid", tail.campaignIds()));
                select.setLong(p++, markLowerBound(connection));
                select.setBoolean(p++, tail.includeBots());
            }
            binder.bind(select, p);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read event totals", e);
        }
    }

    private static BucketCounts bucketRow(ResultSet rows) throws SQLException {
        UUID campaignId = rows.getObject(1, UUID.class);
        int bucket = rows.getInt(2);
        return new BucketCounts(campaignId, rows.wasNull() ? Breakdown.AFTER_FIRST : bucket - 1, rows.getString(3), counts(rows, 4));
    }

    private static EventCounts counts(ResultSet rows, int first) throws SQLException {
        BigDecimal revenue = rows.getBigDecimal(first + 4);
        return new EventCounts(rows.getLong(first), rows.getLong(first + 1), rows.getLong(first + 2), rows.getLong(first + 3),
                revenue == null ? EventCounts.ZERO.revenue() : revenue.setScale(2));
    }

    static Instant ceilHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(Duration.ofHours(1));
    }
}
