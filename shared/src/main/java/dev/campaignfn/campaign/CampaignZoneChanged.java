package dev.campaignfn.campaign;

import java.util.UUID;

/** A campaign's reporting time zone changed: its days, and the rollups bucketed by them, moved. */
public record CampaignZoneChanged(UUID campaignId) {
}
