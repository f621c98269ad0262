package dev.campaignfn.export;

import java.util.List;
import java.util.UUID;

import dev.campaignfn.analytics.ReportRequest;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.CampaignType;

/**
 * One export, parsed and checked: stored as JSON with a background job and read back by the job.
 *
 * @param campaignIds comparison (required) and dashboard (optional) campaigns
 * @param statuses dashboard and campaign list filter
 * @param types campaign list filter
 * @param channel campaign list filter (the report's channel filter is in {@code request})
 * @param text campaign list search
 * @param currency the dashboard's currency
 * @param byteOrderMark CSV only: start with a UTF-8 byte order mark (Excel)
 */
public record ExportQuery(ExportReport report, ExportFormat format, UUID campaignId, List<UUID> campaignIds, ReportRequest request,
        List<CampaignStatus> statuses, List<CampaignType> types, String channel, String text, String currency,
        boolean byteOrderMark) {

    public ExportQuery {
        campaignIds = campaignIds == null ? List.of() : List.copyOf(campaignIds);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        types = types == null ? List.of() : List.copyOf(types);
    }
}
