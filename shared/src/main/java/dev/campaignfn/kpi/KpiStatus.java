package dev.campaignfn.kpi;

import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Seed 000's KPI status: under 50 % of target is behind, under 80 % at risk, otherwise on track.
 * A KPI whose current value is undefined (a ratio with a zero denominator) is behind.
 */
@RegisterForReflection
public enum KpiStatus implements WireEnum {
    ON_TRACK, AT_RISK, BEHIND;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    private static final BigDecimal BEHIND_BELOW = BigDecimal.valueOf(50);
    private static final BigDecimal AT_RISK_BELOW = BigDecimal.valueOf(80);

    public static KpiStatus of(BigDecimal percentage) {
        if (percentage == null || percentage.compareTo(BEHIND_BELOW) < 0) {
            return BEHIND;
        }
        return percentage.compareTo(AT_RISK_BELOW) < 0 ? AT_RISK : ON_TRACK;
    }
}
