package dev.campaignfn.integration;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/** The analytics platforms events are forwarded to (seed 000's AnalyticsIntegrator names them the same way). */
@RegisterForReflection
public enum IntegrationPlatform implements WireEnum {
    GA4, MIXPANEL, AMPLITUDE, SEGMENT;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<IntegrationPlatform> {
        public DbConverter() {
            super(IntegrationPlatform.class);
        }
    }
}
