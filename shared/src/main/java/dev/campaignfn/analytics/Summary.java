package dev.campaignfn.analytics;

import java.math.BigDecimal;

import dev.campaignfn.metrics.Metric;
import dev.campaignfn.metrics.MetricTotals;

/**
 * Totals and every metric over a period, with seed 004's summary names ({@code total_views},
 * {@code click_through_rate}, ...). CTR is clicks / impressions (seed 004's SQL divides by views; seed
 * 000 and every ad platform by impressions). Ratios are ratios of these sums; null when a denominator
 * is zero or the cost cannot be told.
 */
public record Summary(long totalImpressions, long totalViews, long totalClicks, long totalConversions, BigDecimal totalRevenue,
        BigDecimal totalSpend, BigDecimal profit, BigDecimal clickThroughRate, BigDecimal conversionRate, BigDecimal cpc,
        BigDecimal cpr, BigDecimal cpm, BigDecimal cpa, BigDecimal roas, BigDecimal roi, BigDecimal aov, BigDecimal clv) {

    /** One metric of this summary, as answered. */
    public BigDecimal value(Metric metric) {
        return switch (metric) {
            case IMPRESSIONS -> BigDecimal.valueOf(totalImpressions);
            case VIEWS -> BigDecimal.valueOf(totalViews);
            case CLICKS -> BigDecimal.valueOf(totalClicks);
            case CONVERSIONS -> BigDecimal.valueOf(totalConversions);
            case REVENUE -> totalRevenue;
            case SPEND -> totalSpend;
            case CTR -> clickThroughRate;
            case CVR -> conversionRate;
            case CPC -> cpc;
            case CPR -> cpr;
            case CPM -> cpm;
            case CPA -> cpa;
            case ROAS -> roas;
            case ROI -> roi;
            case AOV -> aov;
            case CLV -> clv;
        };
    }

    public static Summary of(MetricTotals t) {
        return new Summary(t.impressions(), t.views(), t.clicks(), t.conversions(), t.revenue(), t.cost(), t.profit(), t.ctr(),
                t.cvr(), t.cpc(), t.cpc(), t.cpm(), t.cpa(), t.roas(), t.roi(), t.aov(), t.clv());
    }
}
