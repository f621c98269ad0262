package dev.campaignfn.campaign;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/** Seed 000's campaign types. */
@RegisterForReflection
public enum CampaignType implements WireEnum {
    EMAIL, SOCIAL, PAID_SEARCH, DISPLAY, INFLUENCER, AFFILIATE, CONTENT, EVENT, MULTICHANNEL;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<CampaignType> {
        public DbConverter() {
            super(CampaignType.class);
        }
    }
}
