package dev.campaignfn.kpi;

import java.math.BigDecimal;
import java.util.UUID;

import dev.campaignfn.metrics.Metric;

/**
 * A KPI with its current value, the share of target reached and its status. For costs (lower is
 * better) the percentage is target / current, so beating a ceiling reads as above 100.
 * <p>
 * {@code status} is judged as {@code judged_by} says: against the whole target ({@code target_status},
 * seed 000's thresholds on {@code percentage}) or against the pace ({@code pace_status}, the same
 * thresholds on {@code pace_percentage}: the current value against {@code expected}, the part of the
 * target due after {@code elapsed_percent} of the campaign's days). The pace fields are null where
 * pace does not apply (ratios, unit costs).
 */
public record KpiView(UUID id, String name, Metric metric, BigDecimal target, BigDecimal current, String unit,
        BigDecimal percentage, KpiStatus status, KpiJudgement judgedBy, KpiStatus targetStatus, BigDecimal elapsedPercent,
        BigDecimal expected, BigDecimal pacePercentage, KpiStatus paceStatus, long version) {
}
