package dev.campaignfn.tracking;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The attributes events are broken down and filtered by. Each is a column of campaign_events and a
 * dimension of the daily rollups, under the same name.
 */
@RegisterForReflection
public enum EventDimension implements WireEnum {
    AUDIENCE_SEGMENT, CHANNEL, DEVICE_TYPE;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    /** The column (of campaign_events) and the rollup dimension name: one fixed identifier per constant. */
    public String column() {
        return wire();
    }
}
