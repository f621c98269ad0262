package dev.campaignfn.metrics;

import java.math.BigDecimal;

/**
 * Counted and summed facts for a campaign (or several) over a period: everything else is derived
 * from these by {@link MetricFormulas}. Revenue and cost are in the campaign currency. A null cost
 * means the cost cannot be told (events of one audience segment or device: spend is not booked per
 * segment), and every metric that needs it is null too. {@code customerValue}, where a report reads it
 * (campaign-level summaries, KPIs), is the lifetime figure customer lifetime value is computed from;
 * null elsewhere (series points, segments), and CLV with it.
 */
public record MetricTotals(long impressions, long views, long clicks, long conversions, BigDecimal revenue,
        BigDecimal cost, CustomerValue customerValue) {

    public static final MetricTotals ZERO = new MetricTotals(0, 0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    public MetricTotals(long impressions, long views, long clicks, long conversions, BigDecimal revenue, BigDecimal cost) {
        this(impressions, views, clicks, conversions, revenue, cost, null);
    }

    /** Nothing counted yet; the cost is zero, or unknown when it cannot be told. */
    public static MetricTotals zero(boolean costKnown) {
        return costKnown ? ZERO : ZERO.withCost(null);
    }

    public MetricTotals plus(MetricTotals other) {
        return new MetricTotals(impressions + other.impressions, views + other.views, clicks + other.clicks,
                conversions + other.conversions, revenue.add(other.revenue),
                cost == null || other.cost == null ? null : cost.add(other.cost),
                customerValue == null || other.customerValue == null ? null : customerValue.plus(other.customerValue));
    }

    public MetricTotals withCost(BigDecimal newCost) {
        return new MetricTotals(impressions, views, clicks, conversions, revenue, newCost, customerValue);
    }

    public MetricTotals withCustomerValue(CustomerValue value) {
        return new MetricTotals(impressions, views, clicks, conversions, revenue, cost, value);
    }

    /** Customer lifetime value: lifetime revenue per converting customer; null where not read or without customers. */
    public BigDecimal clv() {
        return customerValue == null ? null : MetricFormulas.clv(customerValue.revenue(), customerValue.customers());
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
        return cost == null ? null : revenue.subtract(cost);
    }
}
