package dev.campaignfn.lifecycle;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The fields a campaign list may be sorted on. */
@RegisterForReflection
public enum CampaignSort implements WireEnum {
    NAME("name"), START_DATE("startDate"), END_DATE("endDate"), CREATED_AT("createdAt"), UPDATED_AT("updatedAt"),
    BUDGET("budget"), STATUS("status"), TYPE("type");

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    final String property;

    CampaignSort(String property) {
        this.property = property;
    }
}
