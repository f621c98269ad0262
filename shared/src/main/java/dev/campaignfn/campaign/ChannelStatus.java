package dev.campaignfn.campaign;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import jakarta.persistence.Converter;

/** Seed 000's ChannelCampaign status; it follows the campaign's lifecycle. */
public enum ChannelStatus implements WireEnum {
    PENDING, ACTIVE, PAUSED, COMPLETED;

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<ChannelStatus> {
        public DbConverter() {
            super(ChannelStatus.class);
        }
    }
}
