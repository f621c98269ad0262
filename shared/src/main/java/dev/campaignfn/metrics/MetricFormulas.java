package dev.campaignfn.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where each metric's formula lives. Every ratio is a ratio of sums; a zero
 * denominator gives {@code null}, never 0 or infinity. Results are rounded half-up to two decimals,
 * the way seed 004's SQL rounds its rates ({@code ROUND(x, 2)}); percentages are 0-100.
 */
public final class MetricFormulas {

    public static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private MetricFormulas() {
    }

    /**
     * numerator / denominator x factor, rounded once, from the exact quotient; null when the denominator
     * is zero. (Dividing to 34 digits first and rounding that cost a long division per value, the
     * largest part of building a report's series.)
     */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.multiply(factor).divide(denominator, SCALE, RoundingMode.HALF_UP);
    }

    public static BigDecimal ratio(long numerator, long denominator, BigDecimal factor) {
        return ratio(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), factor);
    }

    /** CTR = clicks / impressions, in percent. */
    public static BigDecimal ctr(long clicks, long impressions) {
        return ratio(clicks, impressions, HUNDRED);
    }

    /** CVR = conversions / clicks, in percent. */
    public static BigDecimal cvr(long conversions, long clicks) {
        return ratio(conversions, clicks, HUNDRED);
    }

    /** CPC = cost / clicks. */
    public static BigDecimal cpc(BigDecimal cost, long clicks) {
        return ratio(cost, BigDecimal.valueOf(clicks), BigDecimal.ONE);
    }

    /** CPM = cost / impressions x 1000. */
    public static BigDecimal cpm(BigDecimal cost, long impressions) {
        return ratio(cost, BigDecimal.valueOf(impressions), THOUSAND);
    }

    /** CPA = cost / conversions. */
    public static BigDecimal cpa(BigDecimal cost, long conversions) {
        return ratio(cost, BigDecimal.valueOf(conversions), BigDecimal.ONE);
    }

    /** ROAS = revenue / cost. */
    public static BigDecimal roas(BigDecimal revenue, BigDecimal cost) {
        return ratio(revenue, cost, BigDecimal.ONE);
    }

    /** ROI = (revenue - cost) / cost, in percent. */
    public static BigDecimal roi(BigDecimal revenue, BigDecimal cost) {
        if (revenue == null || cost == null) {
            return null;
        }
        return ratio(revenue.subtract(cost), cost, HUNDRED);
    }

    /** AOV = revenue / conversions. */
    public static BigDecimal aov(BigDecimal revenue, long conversions) {
        return ratio(revenue, BigDecimal.valueOf(conversions), BigDecimal.ONE);
    }

    /** CLV = lifetime revenue / converting customers (seed 000's customerLifetimeValue). */
    public static BigDecimal clv(BigDecimal revenue, long customers) {
        return ratio(revenue, BigDecimal.valueOf(customers), BigDecimal.ONE);
    }

    /** Share of a whole in percent (budget used, allocation share); null when the whole is zero. */
    public static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        return ratio(part, whole, HUNDRED);
    }

    /** Change from previous to current in percent; null when there was nothing before. */
    public static BigDecimal change(BigDecimal current, BigDecimal previous) {
        if (current == null || previous == null) {
            return null;
        }
        return ratio(current.subtract(previous), previous.abs(), HUNDRED);
    }
}
