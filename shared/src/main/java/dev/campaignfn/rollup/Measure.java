package dev.campaignfn.rollup;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rollups' measure columns, named once. Every list of them in SQL (what the fold counts, how an
 * upsert adds, what a report read sums, the zeros of an arm that has none) is spelled from this enum,
 * and result rows are read by these names, never by position. A counted event type is added here, in
 * {@link EventCounts} and by a migration that adds its column to both rollup tables.
 */
enum Measure {
    IMPRESSIONS("impressions", "count(*) filter (where event_type = 'impression')"),
    VIEWS("views", "count(*) filter (where event_type = 'view')"),
    CLICKS("clicks", "count(*) filter (where event_type = 'click')"),
    CONVERSIONS("conversions", "count(*) filter (where event_type = 'conversion')"),
    REVENUE("revenue", "coalesce(sum(value) filter (where event_type = 'conversion'), 0)"),
    /** The ledger's net amount: folded from spend entries, not from events. */
    SPEND("spend", null);

    /** The measures events make. */
    static final List<Measure> OF_EVENTS = Arrays.stream(values()).filter(m -> m.fromEvents != null).toList();

    final String column;
    /** The aggregate over campaign_events rows that yields it; null for spend. */
    private final String fromEvents;

    Measure(String column, String fromEvents) {
        this.column = column;
        this.fromEvents = fromEvents;
    }

    /** {@code impressions, views, ...}: the columns of these measures. */
    static String columns(List<Measure> measures) {
        return join(measures, m -> m.column);
    }

    /** Every measure column, spend included. */
    static String columns() {
        return columns(List.of(values()));
    }

    /** What a fold inserts from events: each event measure's aggregate, named as its column. */
    static String eventAggregates() {
        return join(OF_EVENTS, m -> m.fromEvents + " as " + m.column);
    }

    /** The upsert's {@code set} list that adds the new rows' event measures to a table's existing ones. */
    static String addedTo(String table) {
        return join(OF_EVENTS, m -> m.column + " = " + table + "." + m.column + " + excluded." + m.column);
    }

    /** The sums of every measure, each named as its column: what the outer select of a report read answers. */
    static String sums() {
        return join(List.of(values()), m -> "sum(" + m.column + ") as " + m.column);
    }

    /** The measures of a union arm over events: their aggregates, and no spend. */
    static String ofEventsArm() {
        return eventAggregates() + ", 0 as " + SPEND.column;
    }

    /** The measures of a union arm over ledger entries: no events, the summed amount as spend. */
    static String ofSpendArm() {
        return join(OF_EVENTS, m -> "0 as " + m.column) + ", sum(amount) as " + SPEND.column;
    }

    /** The event measures of the current row, by column name. */
    static EventCounts counts(ResultSet rows) throws SQLException {
        BigDecimal revenue = rows.getBigDecimal(REVENUE.column);
        return new EventCounts(rows.getLong(IMPRESSIONS.column), rows.getLong(VIEWS.column), rows.getLong(CLICKS.column),
                rows.getLong(CONVERSIONS.column), revenue == null ? EventCounts.ZERO.revenue() : revenue.setScale(2));
    }

    /** The spend of the current row, by column name (0 where no arm had any). */
    static BigDecimal spend(ResultSet rows) throws SQLException {
        BigDecimal spend = rows.getBigDecimal(SPEND.column);
        return (spend == null ? BigDecimal.ZERO : spend).setScale(2);
    }

    private static String join(List<Measure> measures, Function<Measure, String> text) {
        return measures.stream().map(text).collect(Collectors.joining(", "));
    }
}
