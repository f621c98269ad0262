package dev.campaignfn.kpi;

import java.math.BigDecimal;

import dev.campaignfn.metrics.Metric;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A KPI as the caller writes it. With a {@code metric}, {@code current} is measured and must not be
 * sent; without one, {@code current} is the caller's figure. {@code unit} defaults from the metric.
 * {@code judged_by} defaults to pace for cumulative metrics and to the target otherwise.
 */
public record KpiCommand(
        @NotBlank @Size(max = 255) String name,
        Metric metric,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 4) BigDecimal target,
        @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 4) BigDecimal current,
        @Size(max = 32) String unit,
        KpiJudgement judgedBy) {
}
