package dev.campaignfn.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.CampaignType;

/**
 * The campaign a report is about: who it is, and the currency and zone its figures are in. It also
 * carries seed 004's {@code marketing_campaigns} columns under their own names ({@code campaign_name},
 * {@code template_type}, {@code is_active}, {@code created_at}), which a frontend written for the seed reads.
 */
public record CampaignBrief(UUID id, String name, CampaignType type, CampaignStatus status, String currency, String timeZone,
        Instant startDate, Instant endDate, BigDecimal budget, BigDecimal actualSpend, String campaignName, CampaignType templateType,
        boolean isActive, Instant createdAt) {

    public static CampaignBrief of(Campaign c) {
        return new CampaignBrief(c.id, c.name, c.type, c.status, c.currency, c.timeZone, c.startDate, c.endDate, c.budget,
                c.actualSpend, c.name, c.type, c.status == CampaignStatus.ACTIVE, c.createdAt);
    }
}
