package dev.campaignfn.metrics;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** How a metric's value reads: a count, an amount of the campaign's currency, a percentage (0-100), a ratio. */
@RegisterForReflection
public enum MetricUnit implements WireEnum {
    COUNT, CURRENCY, PERCENT, RATIO;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }
}
