package dev.campaignfn.export;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What can be exported; each is the same query path as its analytics or campaigns route. */
@RegisterForReflection
public enum ExportReport implements WireEnum {
    /** Seed 004's export: one campaign's series (GET /analytics/campaigns/{id}/daily). */
    CAMPAIGN,
    /** One campaign's series per segment value (GET /analytics/campaigns/{id}/segmented). */
    SEGMENTED,
    /** Campaigns side by side (GET /analytics/compare). */
    COMPARISON,
    /** The dashboard's campaigns table, every selected campaign (GET /analytics/dashboard). */
    DASHBOARD,
    /** The campaign list (GET /campaigns). */
    CAMPAIGNS,
    /** A campaign's raw events over the period, bots included and flagged. */
    EVENTS;

    /** Whether the export needs {@code campaign_id}. */
    public boolean needsCampaign() {
        return this == CAMPAIGN || this == SEGMENTED || this == EVENTS;
    }
}
