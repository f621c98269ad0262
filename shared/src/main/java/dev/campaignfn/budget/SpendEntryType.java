package dev.campaignfn.budget;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/** A ledger entry adds spend or takes some back (a refund, or a correction of an earlier entry). */
@RegisterForReflection
public enum SpendEntryType implements WireEnum {
    SPEND, REFUND;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<SpendEntryType> {
        public DbConverter() {
            super(SpendEntryType.class);
        }
    }
}
