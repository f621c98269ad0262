package dev.campaignfn.metrics;

import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.function.Function;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/** A measurable campaign metric, read from {@link MetricTotals}. Names as the API spells them. */
@RegisterForReflection
public enum Metric implements WireEnum {
    IMPRESSIONS(t -> BigDecimal.valueOf(t.impressions()), false, Unit.COUNT),
    VIEWS(t -> BigDecimal.valueOf(t.views()), false, Unit.COUNT),
    CLICKS(t -> BigDecimal.valueOf(t.clicks()), false, Unit.COUNT),
    CONVERSIONS(t -> BigDecimal.valueOf(t.conversions()), false, Unit.COUNT),
    REVENUE(MetricTotals::revenue, false, Unit.CURRENCY),
    SPEND(MetricTotals::cost, true, Unit.CURRENCY),
    CTR(MetricTotals::ctr, false, Unit.PERCENT),
    CVR(MetricTotals::cvr, false, Unit.PERCENT),
    CPC(MetricTotals::cpc, true, Unit.CURRENCY),
    /** Seed 000's cost per result, a result being a click: cost / clicks, the same figure as CPC under its name. */
    CPR(MetricTotals::cpc, true, Unit.CURRENCY),
    CPM(MetricTotals::cpm, true, Unit.CURRENCY),
    CPA(MetricTotals::cpa, true, Unit.CURRENCY),
    ROAS(MetricTotals::roas, false, Unit.RATIO),
    ROI(MetricTotals::roi, false, Unit.PERCENT),
    AOV(MetricTotals::aov, false, Unit.CURRENCY),
    /**
     * Seed 000's customer lifetime value: revenue per converting customer over the campaign's life up
     * to the period's end. A figure of a campaign's customers: its summaries and KPIs have it; series
     * points, segments, filtered reports and reports with bots answer null.
     */
    CLV(MetricTotals::clv, false, Unit.CURRENCY);

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    public enum Unit {
        COUNT, CURRENCY, PERCENT, RATIO
    }

    private final Function<MetricTotals, BigDecimal> read;
    private final boolean lowerIsBetter;
    private final Unit unit;

    Metric(Function<MetricTotals, BigDecimal> read, boolean lowerIsBetter, Unit unit) {
        this.read = read;
        this.lowerIsBetter = lowerIsBetter;
        this.unit = unit;
    }

    /** The metric's value for these totals; null where its formula has a zero denominator. */
    public BigDecimal valueOf(MetricTotals totals) {
        return read.apply(totals);
    }

    /** Costs (spend, CPC, CPM, CPA) are better when lower: a target is a ceiling, not a goal. */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    public Unit unit() {
        return unit;
    }

    /**
     * Whether the metric adds up over a campaign's run (counts, revenue, spend), so that part of a
     * target is due part way through: what a KPI's pace is judged on. Ratios and unit costs are not.
     */
    public boolean cumulative() {
        return unit == Unit.COUNT || this == REVENUE || this == SPEND;
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<Metric> {
        public DbConverter() {
            super(Metric.class);
        }
    }
}
