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
 * {@code date} (the bucket's day, ISO week Monday or month's first day), the days it covers inside the
 * period ({@code start_date}, {@code end_date}) and the chosen metrics under seed 004's names.
 */
public final class SeriesPoints {

    private SeriesPoints() {
    }

    /** The name a metric has in series points and exports: seed 004's names for the two rates. */
    public static String field(Metric metric) {
        return switch (metric) {
            case CTR -> "click_through_rate";
            case CVR -> "conversion_rate";
            default -> metric.wire();
        };
    }

    /** A metric by its name or its series field name ({@code click_through_rate}); {@code cost} is spend. Null if none. */
    public static Metric named(String name) {
        for (Metric metric : Metric.values()) {
            if (metric.wire().equals(name) || field(metric).equals(name)) {
                return metric;
            }
        }
        return "cost".equals(name) ? Metric.SPEND : null;
    }

    /**
     * @param boundaries each bucket's first day, then the day after the last
     * @param totals the totals per bucket index; absent buckets are zero
     */
    public static List<Map<String, Object>> of(List<LocalDate> boundaries, Grouping grouping, Map<Integer, MetricTotals> totals,
            List<Metric> metrics, boolean costKnown) {
        List<Map<String, Object>> points = new ArrayList<>(boundaries.size() - 1);
        for (int i = 0; i + 1 < boundaries.size(); i++) {
            points.add(point(grouping.start(boundaries.get(i)), boundaries.get(i), boundaries.get(i + 1).minusDays(1),
                    totals.getOrDefault(i, MetricTotals.zero(costKnown)), metrics));
        }
        return points;
    }

    public static Map<String, Object> point(LocalDate date, LocalDate start, LocalDate end, MetricTotals totals, List<Metric> metrics) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("date", date);
        point.put("start_date", start);
        point.put("end_date", end);
        for (Metric metric : metrics) {
            point.put(field(metric), metric.valueOf(totals));
        }
        return point;
    }

    /**
     * Period-over-period change of every metric, in percent of the previous value as reported;
     * null where the previous value is zero or null (seed 004 answered 0 there, which reads as "no change").
     */
    public static Map<String, BigDecimal> change(MetricTotals current, MetricTotals previous) {
        Map<String, BigDecimal> change = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            change.put(metric.wire(), MetricFormulas.change(metric.valueOf(current), metric.valueOf(previous)));
        }
        return change;
    }
}
