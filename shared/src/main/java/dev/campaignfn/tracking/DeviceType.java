package dev.campaignfn.tracking;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The kind of device an event came from: sent by the client or derived from its user agent. */
@RegisterForReflection
public enum DeviceType implements WireEnum {
    DESKTOP, MOBILE, TABLET, OTHER;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }
}
