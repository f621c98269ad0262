package dev.campaignfn.analytics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.campaignfn.metrics.MetricTotals;

/**
 * One campaign's totals in one bucket and segment value ("" when there is no breakdown, or no value);
 * in {@link dev.campaignfn.common.Breakdown#BUCKET_OR_CAMPAIGN}, the totals of a bucket over every
 * campaign (campaign null) or of a campaign over every bucket after the first.
 */
public record ReportRow(UUID campaignId, int bucket, String segment, MetricTotals totals) {

    /** The sum of the rows, a ratio of sums for every metric derived from it. */
    public static MetricTotals sum(Collection<ReportRow> rows, boolean costKnown) {
        MetricTotals sum = MetricTotals.zero(costKnown);
        for (ReportRow row : rows) {
            sum = sum.plus(row.totals());
        }
        return sum;
    }

    /** Sums per key, in the order keys are first met. */
    public static <K> Map<K, MetricTotals> sumBy(Collection<ReportRow> rows, Function<ReportRow, K> key, boolean costKnown) {
        Map<K, MetricTotals> sums = new LinkedHashMap<>();
        for (ReportRow row : rows) {
            sums.merge(key.apply(row), MetricTotals.zero(costKnown).plus(row.totals()), MetricTotals::plus);
        }
        return sums;
    }
}
