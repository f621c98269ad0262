package dev.campaignfn.tracking;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What happened: seed 004's event types. */
@RegisterForReflection
public enum EventType implements WireEnum {
    IMPRESSION, VIEW, CLICK, CONVERSION;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }
}
