package dev.campaignfn.rollup;

import java.math.BigDecimal;

import dev.campaignfn.metrics.MetricTotals;

/** Counted events and summed conversion value, as the rollups and the raw tail hold them. */
public record EventCounts(long impressions, long views, long clicks, long conversions, BigDecimal revenue) {

    public static final EventCounts ZERO = new EventCounts(0, 0, 0, 0, BigDecimal.ZERO.setScale(2));

    public EventCounts plus(EventCounts other) {
        return new EventCounts(impressions + other.impressions, views + other.views, clicks + other.clicks,
                conversions + other.conversions, revenue.add(other.revenue));
    }

    /** With a cost from the spend ledger these become the totals every metric derives from. */
    public MetricTotals withCost(BigDecimal cost) {
        return new MetricTotals(impressions, views, clicks, conversions, revenue, cost);
    }
}
