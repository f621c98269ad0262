package dev.campaignfn.kpi;

import java.math.BigDecimal;
import java.util.UUID;

import dev.campaignfn.metrics.Metric;

/**
 * A KPI with its current value, the share of target reached and seed 000's status. For costs
 * (lower is better) the percentage is target / current, so beating a ceiling reads as above 100.
 */
public record KpiView(UUID id, String name, Metric metric, BigDecimal target, BigDecimal current, String unit,
        BigDecimal percentage, KpiStatus status, long version) {
}
