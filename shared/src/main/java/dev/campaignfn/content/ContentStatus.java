package dev.campaignfn.content;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/** Seed 000's ContentPlan statuses. */
@RegisterForReflection
public enum ContentStatus implements WireEnum {
    PLANNED, IN_PROGRESS, COMPLETED, PUBLISHED;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<ContentStatus> {
        public DbConverter() {
            super(ContentStatus.class);
        }
    }
}
