package dev.campaignfn.report;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/** What a scheduled report covers: one campaign (its campaign report), or the dashboard over campaigns. */
@RegisterForReflection
public enum ReportScope implements WireEnum {
    CAMPAIGN, DASHBOARD;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<ReportScope> {
        public DbConverter() {
            super(ReportScope.class);
        }
    }
}
