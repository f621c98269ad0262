package dev.campaignfn.campaign;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/** Seed 000's campaign states. Completed and cancelled are final. */
@RegisterForReflection
public enum CampaignStatus implements WireEnum {
    DRAFT, SCHEDULED, ACTIVE, PAUSED, COMPLETED, CANCELLED;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }

    /** Whether the campaign has been launched: its start is fixed and it has (or will have) data. */
    public boolean isLaunched() {
        return this == ACTIVE || this == PAUSED || this == COMPLETED;
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<CampaignStatus> {
        public DbConverter() {
            super(CampaignStatus.class);
        }
    }
}
