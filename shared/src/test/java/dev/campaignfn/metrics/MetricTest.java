package dev.campaignfn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.campaignfn.analytics.Summary;

/** The metric formulas and the one enum every list of metrics derives from. */
class MetricTest {

    private static final MetricTotals TOTALS = new MetricTotals(20_000, 9_000, 400, 30, new BigDecimal("1500.00"),
            new BigDecimal("600.00"), new CustomerValue(new BigDecimal("2100.00"), 28));

    @Test
    void formulasAreRatiosOfTheSums() {
        assertEquals(new BigDecimal("2.00"), TOTALS.ctr(), "clicks / impressions in percent");
        assertEquals(new BigDecimal("7.50"), TOTALS.cvr(), "conversions / clicks in percent");
        assertEquals(new BigDecimal("1.50"), TOTALS.cpc());
        assertEquals(new BigDecimal("30.00"), TOTALS.cpm(), "cost / impressions x 1000");
        assertEquals(new BigDecimal("20.00"), TOTALS.cpa());
        assertEquals(new BigDecimal("2.50"), TOTALS.roas());
        assertEquals(new BigDecimal("150.00"), TOTALS.roi(), "(revenue - cost) / cost in percent");
        assertEquals(new BigDecimal("50.00"), TOTALS.aov());
        assertEquals(new BigDecimal("75.00"), TOTALS.clv(), "lifetime revenue / converting customers");
        assertEquals(new BigDecimal("900.00"), TOTALS.profit());
    }

    @Test
    void aRatioOfTwoPeriodsIsTheRatioOfTheirSumsNotTheMeanOfTheirRatios() {
        MetricTotals monday = new MetricTotals(1_000, 0, 100, 0, BigDecimal.ZERO.setScale(2), new BigDecimal("10.00"));
        MetricTotals tuesday = new MetricTotals(9_000, 0, 100, 0, BigDecimal.ZERO.setScale(2), new BigDecimal("10.00"));
        // 10 % and 1.11 %: their mean would be 5.56 %; 200 of 10,000 is 2 %
        assertEquals(new BigDecimal("2.00"), monday.plus(tuesday).ctr());
    }

    @Test
    void aZeroDenominatorGivesNullNeverZero() {
        MetricTotals nothing = MetricTotals.ZERO;
        for (Metric metric : List.of(Metric.CTR, Metric.CVR, Metric.CPC, Metric.CPR, Metric.CPM, Metric.CPA, Metric.ROAS, Metric.ROI,
                Metric.AOV, Metric.CLV)) {
            assertNull(metric.valueOf(nothing), metric + " of nothing");
        }
        assertNull(MetricTotals.zero(false).withCost(null).plus(TOTALS).cpc(), "an unknown cost makes every cost metric unknown");
        assertNull(MetricFormulas.percentOf(BigDecimal.TEN, BigDecimal.ZERO));
    }

    @Test
    void roundingHappensOnceFromTheExactQuotient() {
        // 1/3 of 100 = 33.333... -> 33.33; 2/3 -> 66.67 (half up)
        assertEquals(new BigDecimal("33.33"), MetricFormulas.ctr(1, 3));
        assertEquals(new BigDecimal("66.67"), MetricFormulas.ctr(2, 3));
        assertEquals(new BigDecimal("0.01"), MetricFormulas.cpc(new BigDecimal("0.005"), 1), "0.005 rounds half up");
    }

    @Test
    void theSummaryAnswersEveryMetricAsTheMetricComputesIt() {
        Summary summary = Summary.of(TOTALS);
        for (Metric metric : Metric.values()) {
            assertEquals(metric.valueOf(TOTALS), summary.value(metric), metric.wire());
        }
    }

    @Test
    void everyMetricHasItsOwnExportHeaderAndLabel() {
        Set<String> headers = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (Metric metric : Metric.values()) {
            assertTrue(headers.add(metric.exportHeader()), "export header " + metric.exportHeader() + " used twice");
            assertTrue(labels.add(metric.label()), "label " + metric.label() + " used twice");
        }
    }

    @Test
    void ruleMetricsAreRatiosAndUnitCostsOfAWindow() {
        assertEquals(List.of(Metric.CTR, Metric.CVR, Metric.CPC, Metric.CPR, Metric.CPA, Metric.ROAS, Metric.ROI), Metric.ruleMetrics());
        Arrays.stream(Metric.values()).filter(Metric::cumulative)
                .forEach(m -> assertTrue(!m.ruleMetric(), m + " adds up over a run: a window's threshold on it means little"));
    }

    @Test
    void costsAreBetterLower() {
        assertEquals(Set.of(Metric.SPEND, Metric.CPC, Metric.CPR, Metric.CPM, Metric.CPA),
                Set.copyOf(Arrays.stream(Metric.values()).filter(Metric::lowerIsBetter).toList()));
    }
}
