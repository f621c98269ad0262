package dev.campaignfn.content;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import jakarta.persistence.Converter;

/** Seed 000's ContentPlan statuses. */
public enum ContentStatus implements WireEnum {
    PLANNED, IN_PROGRESS, COMPLETED, PUBLISHED;

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<ContentStatus> {
        public DbConverter() {
            super(ContentStatus.class);
        }
    }
}
