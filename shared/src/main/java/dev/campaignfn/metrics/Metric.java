package dev.campaignfn.metrics;

import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/**
 * A measurable campaign metric, read from {@link MetricTotals}; names as the API spells them. The one
 * place a metric is added: its formula, unit, label, export header and whether rules may watch it are
 * here, and every list of metrics (the API's enum, reports' {@code metrics}, exports, KPIs, rules, the
 * final report, comparison leaders) derives from this enum. {@code Summary} names each metric as a
 * field, so adding one here fails to compile until {@code Summary.value} answers it.
 */
@RegisterForReflection
public enum Metric implements WireEnum {
    // formula, lower is better, unit, label (dashboard, alerts), export header (seed 004's where it names one), rule metric
    IMPRESSIONS(t -> BigDecimal.valueOf(t.impressions()), false, MetricUnit.COUNT, "Impressions", "Impressions", false),
    VIEWS(t -> BigDecimal.valueOf(t.views()), false, MetricUnit.COUNT, "Views", "Views", false),
    CLICKS(t -> BigDecimal.valueOf(t.clicks()), false, MetricUnit.COUNT, "Clicks", "Clicks", false),
    CONVERSIONS(t -> BigDecimal.valueOf(t.conversions()), false, MetricUnit.COUNT, "Conversions", "Conversions", false),
    REVENUE(MetricTotals::revenue, false, MetricUnit.CURRENCY, "Revenue", "Revenue", false),
    SPEND(MetricTotals::cost, true, MetricUnit.CURRENCY, "Spend", "Spend", false),
    CTR(MetricTotals::ctr, false, MetricUnit.PERCENT, "CTR", "Click Through Rate (%)", true),
    CVR(MetricTotals::cvr, false, MetricUnit.PERCENT, "Conversion rate", "Conversion Rate (%)", true),
    CPC(MetricTotals::cpc, true, MetricUnit.CURRENCY, "CPC", "CPC", true),
    /** Seed 000's cost per result, a result being a click: cost / clicks, the same figure as CPC under its name. */
    CPR(MetricTotals::cpc, true, MetricUnit.CURRENCY, "CPR", "CPR", true),
    CPM(MetricTotals::cpm, true, MetricUnit.CURRENCY, "CPM", "CPM", false),
    CPA(MetricTotals::cpa, true, MetricUnit.CURRENCY, "CPA", "CPA", true),
    ROAS(MetricTotals::roas, false, MetricUnit.RATIO, "ROAS", "ROAS", true),
    ROI(MetricTotals::roi, false, MetricUnit.PERCENT, "ROI", "ROI (%)", true),
    AOV(MetricTotals::aov, false, MetricUnit.CURRENCY, "AOV", "AOV", false),
    /**
     * Seed 000's customer lifetime value: revenue per converting customer over the campaign's life up
     * to the period's end. A figure of a campaign's customers: its summaries and KPIs have it; series
     * points, segments, filtered reports and reports with bots answer null. Not a rule metric: a rule's
     * window is a slice of days, which CLV is not.
     */
    CLV(MetricTotals::clv, false, MetricUnit.CURRENCY, "CLV", "CLV", false);

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }


    private final Function<MetricTotals, BigDecimal> read;
    private final boolean lowerIsBetter;
    private final MetricUnit unit;
    private final String label;
    private final String exportHeader;
    private final boolean ruleMetric;

    Metric(Function<MetricTotals, BigDecimal> read, boolean lowerIsBetter, MetricUnit unit, String label, String exportHeader,
            boolean ruleMetric) {
        this.read = read;
        this.lowerIsBetter = lowerIsBetter;
        this.unit = unit;
        this.label = label;
        this.exportHeader = exportHeader;
        this.ruleMetric = ruleMetric;
    }

    /** Every metric an automation rule may watch (performance triggers). */
    public static List<Metric> ruleMetrics() {
        return Arrays.stream(values()).filter(m -> m.ruleMetric).toList();
    }

    /** The metric's value for these totals; null where its formula has a zero denominator. */
    public BigDecimal valueOf(MetricTotals totals) {
        return read.apply(totals);
    }

    /** Costs (spend, CPC, CPM, CPA) are better when lower: a target is a ceiling, not a goal. */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    public MetricUnit unit() {
        return unit;
    }

    /** The short name people read: dashboard cards, alert texts. */
    public String label() {
        return label;
    }

    /** The column header of exports (seed 004's header where it has the column). */
    public String exportHeader() {
        return exportHeader;
    }

    /** The name it has in series points and exports' rows: seed 004's names for the two rates. */
    public String seriesField() {
        return switch (this) {
            case CTR -> "click_through_rate";
            case CVR -> "conversion_rate";
            default -> wire();
        };
    }

    /** The field of a summary that holds it: seed 004's {@code total_} names for what adds up, else its series name. */
    public String summaryField() {
        return cumulative() ? "total_" + wire() : seriesField();
    }

    /** What a client needs to know of every metric (the dashboard builds its lists from these). */
    public static List<MetricDefinition> definitions() {
        return Arrays.stream(values()).map(m -> new MetricDefinition(m, m.label, m.unit, m.lowerIsBetter, m.cumulative(), m.ruleMetric,
                m.exportHeader, m.seriesField(), m.summaryField())).toList();
    }


    /** Whether an automation rule's performance trigger may watch it. */
    public boolean ruleMetric() {
        return ruleMetric;
    }

    /**
     * Whether the metric adds up over a campaign's run (counts, revenue, spend), so that part of a
     * target is due part way through: what a KPI's pace is judged on. Ratios and unit costs are not.
     */
    public boolean cumulative() {
        return unit == MetricUnit.COUNT || this == REVENUE || this == SPEND;
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<Metric> {
        public DbConverter() {
            super(Metric.class);
        }
    }
}
