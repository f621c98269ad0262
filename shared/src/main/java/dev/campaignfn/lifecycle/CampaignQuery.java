package dev.campaignfn.lifecycle;

import java.time.Instant;
import java.util.List;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.CampaignType;

/**
 * Filters of the campaign list. {@code from}/{@code to} select campaigns whose run overlaps that
 * range; {@code text} searches name and description. Pages count from 1.
 */
public record CampaignQuery(List<CampaignStatus> statuses, List<CampaignType> types, String channel, Instant from,
        Instant to, String text, int page, int pageSize, CampaignSort sort, boolean descending) {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;

    public static CampaignQuery all() {
        return new CampaignQuery(List.of(), List.of(), null, null, null, null, 1, MAX_PAGE_SIZE, CampaignSort.CREATED_AT,
                true);
    }
}
