package dev.campaignfn.metrics;

import java.math.BigDecimal;

/**
 * Counted and summed facts for a campaign (or several) over a period: everything else is derived
 * from these by {@link MetricFormulas}. Revenue and cost are in the campaign currency.
 */
public record MetricTotals(long impressions, long views, long clicks, long conversions, BigDecimal revenue,
        BigDecimal cost) {

    public static final MetricTotals ZERO = new MetricTotals(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

    public MetricTotals plus(MetricTotals other) {
        return new MetricTotals(impressions + other.impressions, views + other.views, clicks + other.clicks,
                conversions + other.conversions, revenue.add(other.revenue), cost.add(other.cost));
    }

    public MetricTotals withCost(BigDecimal newCost) {
        return new MetricTotals(impressions, views, clicks, conversions, revenue, newCost);
    }

    public BigDecimal ctr() {
        return MetricFormulas.ctr(clicks, impressions);
    }

    public BigDecimal cvr() {
        return MetricFormulas.cvr(conversions, clicks);
    }

    public BigDecimal cpc() {
        return MetricFormulas.cpc(cost, clicks);
    }

    public BigDecimal cpm() {
        return MetricFormulas.cpm(cost, impressions);
    }

    public BigDecimal cpa() {
        return MetricFormulas.cpa(cost, conversions);
    }

    public BigDecimal roas() {
        return MetricFormulas.roas(revenue, cost);
    }

    public BigDecimal roi() {
        return MetricFormulas.roi(revenue, cost);
    }

    public BigDecimal aov() {
        return MetricFormulas.aov(revenue, conversions);
    }

    public BigDecimal profit() {
        return revenue.subtract(cost);
    }
}
