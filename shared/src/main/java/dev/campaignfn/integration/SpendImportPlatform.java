package dev.campaignfn.integration;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/** Whose CSV a spend import reads: an ad platform's report as it exports it, or our documented generic layout. */
@RegisterForReflection
public enum SpendImportPlatform implements WireEnum {
    GOOGLE_ADS, META, LINKEDIN, MICROSOFT_ADS, GENERIC;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<SpendImportPlatform> {
        public DbConverter() {
            super(SpendImportPlatform.class);
        }
    }
}
