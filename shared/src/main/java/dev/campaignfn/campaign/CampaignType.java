package dev.campaignfn.campaign;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import jakarta.persistence.Converter;

/** Seed 000's campaign types. */
public enum CampaignType implements WireEnum {
    EMAIL, SOCIAL, PAID_SEARCH, DISPLAY, INFLUENCER, AFFILIATE, CONTENT, EVENT, MULTICHANNEL;

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<CampaignType> {
        public DbConverter() {
            super(CampaignType.class);
        }
    }
}
