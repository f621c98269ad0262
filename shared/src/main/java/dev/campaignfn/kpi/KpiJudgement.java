package dev.campaignfn.kpi;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import dev.campaignfn.metrics.Metric;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/**
 * What a KPI's status is judged against: its whole target (seed 000's plain thresholds), or its pace,
 * the part of the target due by now (the target times the share of the campaign's days begun). Pace
 * applies to what adds up over a run: cumulative metrics, or a caller's own figure that does.
 */
@RegisterForReflection
public enum KpiJudgement implements WireEnum {
    TARGET, PACE;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    /** Pace for cumulative metrics (a quarter of a month's clicks on its first day is not "behind"), the target otherwise. */
    public static KpiJudgement defaultFor(Metric metric) {
        return metric != null && metric.cumulative() ? PACE : TARGET;
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<KpiJudgement> {
        public DbConverter() {
            super(KpiJudgement.class);
        }
    }
}
