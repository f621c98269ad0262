package dev.campaignfn.budget;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.LocalDaySpan;
import dev.campaignfn.common.SqlArrays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The spend ledger's entries summed per campaign, bucket of local days and (optionally) channel, in
 * any zone: spend and refunds count on the day they occurred. (Reports read spend folded into the
 * rollups, through the rollup package's EventTotals; this reads the entries themselves.)
 */
@ApplicationScoped
public class SpendTotals {

    /** One campaign's net spend in one bucket (0-based) and channel ("" when not broken down, or unallocated). */
    public record SpendBucket(UUID campaignId, int bucket, String channel, BigDecimal amount) {
    }

    /**
     * Each campaign's bucket boundaries arrive as instants (its slice of one flat array, cut once per
     * campaign), so an entry is bucketed by comparing instants: converting every entry to a local date
     * in SQL took a third of the statement's time. %1$s: the channel column or '', %2$s: the channel filter.
     */
    static final String BUCKETS = """
            with z as materialized (
              select u.campaign_id, b.bounds[(u.ord - 1) * ? + 1 : u.ord * ?] as bounds
                from unnest(?::uuid[]) with ordinality as u(campaign_id, ord), (select ?::timestamptz[] as bounds) b
            )
            select s.campaign_id, width_bucket(s.occurred_at, z.bounds) as bucket, %1$s, sum(s.amount)
              from spend_entries s join z on z.campaign_id = s.campaign_id
             where s.campaign_id = any(?::uuid[]) and s.occurred_at >= ? and s.occurred_at < ? %2$s
             group by 1, 2, 3
            """;

    @Inject
    DataSource dataSource;

    /**
     * @param zones each campaign and the zone its days are counted in
     * @param boundaries each bucket's first day, then the day after the last bucket
     * @param channel only this channel's entries, or null for all
     * @param byChannel one row per channel instead of one per bucket
     */
    public List<SpendBucket> buckets(Map<UUID, ZoneId> zones, List<LocalDate> boundaries, String channel, boolean byChannel) {
        List<SpendBucket> result = new ArrayList<>();
        if (zones.isEmpty()) {
            return result;
        }
        List<UUID> ids = new ArrayList<>(zones.keySet());
        LocalDaySpan span = LocalDaySpan.of(boundaries.get(0), boundaries.get(boundaries.size() - 1), zones.values());
        String sql = BUCKETS.formatted(byChannel ? "coalesce(s.channel_id, '')" : "''", channel == null ? "" : "and s.channel_id = ?");
        // the first instant of each boundary day in each campaign's zone, campaign after campaign
        List<Instant> bounds = new ArrayList<>(ids.size() * boundaries.size());
        for (UUID id : ids) {
            ZoneId zone = zones.get(id);
            boundaries.forEach(day -> bounds.add(day.atStartOfDay(zone).toInstant()));
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            Array idList = SqlArrays.typed(connection, "uuid", ids);
            int p = 1;
            select.setInt(p++, boundaries.size());
            select.setInt(p++, boundaries.size());
            select.setArray(p++, idList);
            select.setArray(p++, SqlArrays.typed(connection, "timestamptz", bounds));
            select.setArray(p++, idList);
            select.setTimestamp(p++, Timestamp.from(span.from()));
            select.setTimestamp(p++, Timestamp.from(span.to()));
            if (channel != null) {
                select.setString(p, channel);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int bucket = rows.getInt(2) - 1;
                    if (bucket >= 0 && bucket < boundaries.size() - 1) {
                        result.add(new SpendBucket(rows.getObject(1, UUID.class), bucket, rows.getString(3), rows.getBigDecimal(4)));
                    }
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read the spend ledger", e);
        }
        return result;
    }
}
