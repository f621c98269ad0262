package dev.campaignfn.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.campaignfn.metrics.Metric;
import dev.campaignfn.metrics.MetricFormulas;
import dev.campaignfn.metrics.MetricTotals;

/**
 * Series as charts take them: one point per bucket, empty buckets included with zeros, each with its
 * {@code date}, the days it covers inside the period ({@code start_date}, {@code end_date}), seed 004's
 * fields and the chosen metrics under seed 004's names.
 */
public final class SeriesPoints {

    private SeriesPoints() {
    }

    /** A metric by its name or its series field name ({@code click_through_rate}); {@code cost} is spend. Null if none. */
    public static Metric named(String name) {
        for (Metric metric : Metric.values()) {
            if (metric.wire().equals(name) || metric.seriesField().equals(name)) {
                return metric;
            }
        }
        return "cost".equals(name) ? Metric.SPEND : null;
    }

    /** Seed 004's own series fields: every point carries them, whatever {@code metrics} chose. */
    public static final List<Metric> SEED_FIELDS = List.of(Metric.VIEWS, Metric.CLICKS, Metric.CONVERSIONS, Metric.IMPRESSIONS,
            Metric.CTR, Metric.CVR);

    /**
     * @param boundaries each bucket's first day, then the day after the last
     * @param totals the totals per bucket index; absent buckets are zero
     * @param identity fields every point repeats, as seed 004's views name the row ({@code campaign_id}, segment values)
     */
    public static List<Map<String, Object>> of(List<LocalDate> boundaries, Map<Integer, MetricTotals> totals, List<Metric> metrics,
            boolean costKnown, Map<String, Object> identity) {
        List<Map<String, Object>> points = new ArrayList<>(boundaries.size() - 1);
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            points.add(point(boundaries.get(i), boundaries.get(i + 1).minusDays(1), totals.getOrDefault(i, MetricTotals.zero(costKnown)),
                    metrics, identity));
        }
        return points;
    }

    /**
     * One bucket: its first day inside the period as {@code date} and seed 004's {@code analytics_date}
     * (a week or month cut by the period's start begins there, not on the Monday or the 1st before it),
     * the days it covers, the identity fields, the chosen metrics in their order, then the seed's
     * fields that were not chosen.
     */
    public static Map<String, Object> point(LocalDate start, LocalDate end, MetricTotals totals, List<Metric> metrics,
            Map<String, Object> identity) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("date", start);
        point.put("analytics_date", start);
        point.put("start_date", start);
        point.put("end_date", end);
        point.putAll(identity);
        for (Metric metric : metrics) {
            point.put(metric.seriesField(), metric.valueOf(totals));
        }
        for (Metric metric : SEED_FIELDS) {
            point.putIfAbsent(metric.seriesField(), metric.valueOf(totals));
        }
        return point;
    }

    /**
     * Period-over-period change of every metric as seed 004 answers it: a number always, 0 where the
     * previous value is zero or unknown (the seed's {@code ELSE 0}) or the current one is unknown.
     * {@link #exactChange} tells those cases apart.
     */
    public static Map<String, BigDecimal> change(MetricTotals current, MetricTotals previous) {
        Map<String, BigDecimal> change = new LinkedHashMap<>();
        exactChange(current, previous).forEach((metric, value) -> change.put(metric, value == null ? BigDecimal.ZERO : value));
        return change;
    }

    /** Period-over-period change of every metric, in percent of the previous value; null where it has no value. */
    public static Map<String, BigDecimal> exactChange(MetricTotals current, MetricTotals previous) {
        Map<String, BigDecimal> change = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            change.put(metric.wire(), MetricFormulas.change(metric.valueOf(current), metric.valueOf(previous)));
        }
        return change;
    }
}
