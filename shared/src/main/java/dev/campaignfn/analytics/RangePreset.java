package dev.campaignfn.analytics;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Seed 004's {@code date_range} values, plus the campaign's whole run. */
@RegisterForReflection
public enum RangePreset implements WireEnum {
    LAST_7_DAYS("7d", 7), LAST_30_DAYS("30d", 30), LAST_90_DAYS("90d", 90), LAST_YEAR("1y", 365), LIFETIME("lifetime", 0);

    private final String wire;
    private final int days;

    RangePreset(String wire, int days) {
        this.wire = wire;
        this.days = days;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Days ending today, today included; 0 for the lifetime. */
    public int days() {
        return days;
    }
}
