package dev.campaignfn.budget;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import jakarta.persistence.Converter;

/** A ledger entry adds spend or takes some back (a refund, or a correction of an earlier entry). */
public enum SpendEntryType implements WireEnum {
    SPEND, REFUND;

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<SpendEntryType> {
        public DbConverter() {
            super(SpendEntryType.class);
        }
    }
}
