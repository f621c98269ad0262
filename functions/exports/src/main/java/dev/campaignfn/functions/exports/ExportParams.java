package dev.campaignfn.functions.exports;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.campaignfn.analytics.AnalyticsConfig;
import dev.campaignfn.analytics.CampaignIds;
import dev.campaignfn.analytics.RangePreset;
import dev.campaignfn.analytics.ReportRequest;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.export.ExportFormat;
import dev.campaignfn.export.ExportQuery;
import dev.campaignfn.export.ExportReport;
import dev.campaignfn.export.ExportService;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.ReportParams;
import dev.campaignfn.http.ReportQuery;
import dev.campaignfn.tracking.EventDimension;
import jakarta.ws.rs.QueryParam;

/** An export's query parameters: a report's (seed 004's names) plus what to export and how. */
public class ExportParams extends ReportQuery {

    @QueryParam("report")
    @Parameter(description = "What to export (default campaign: seed 004's export)", schema = @Schema(enumeration = { "campaign",
            "segmented", "comparison", "dashboard", "campaigns", "events" }))
    public String report;

    @QueryParam("format")
    @Parameter(description = "csv (default), excel or xlsx", schema = @Schema(enumeration = { "csv", "excel", "xlsx" }))
    public String format;

    @QueryParam("campaign_id")
    @Parameter(description = "The campaign (campaign, segmented and events exports)", schema = @Schema(format = "uuid"))
    public String campaignId;

    @QueryParam("campaign_ids")
    @Parameter(description = "Comma-separated campaign ids (comparison: required; dashboard: optional)")
    public String campaignIds;

    @QueryParam("status")
    @Parameter(description = "Campaign states (dashboard and campaigns exports), comma-separated", schema = @Schema(type = SchemaType.ARRAY))
    public List<String> status;

    @QueryParam("type")
    @Parameter(description = "Campaign types (campaigns export), comma-separated", schema = @Schema(type = SchemaType.ARRAY))
    public List<String> type;

    @QueryParam("q")
    @Parameter(description = "Text in the campaign's name or description (campaigns export)")
    public String text;

    @QueryParam("currency")
    @Parameter(description = "The dashboard's currency (dashboard export)")
    public String currency;

    @QueryParam("bom")
    @Parameter(description = "CSV: start with a UTF-8 byte order mark, which Excel needs (default false)")
    public String bom;

    ExportQuery toQuery(AnalyticsConfig config) {
        ExportReport what = Params.oneOf(ExportReport.class, report, "report", ExportReport.CAMPAIGN);
        ExportFormat as = ExportFormat.parse(format);
        RangePreset defaultRange = what == ExportReport.DASHBOARD ? RangePreset.LAST_30_DAYS : RangePreset.LAST_7_DAYS;
        ReportRequest request = ReportParams.of(this, defaultRange);
        if (metrics == null || metrics.isBlank()) {
            request = request.withMetrics(ExportService.DEFAULT_METRICS);
        }
        UUID campaign = Params.optionalUuid(campaignId, "campaign_id");
        if (what.needsCampaign() && campaign == null) {
            throw ValidationException.of("campaign_id", "campaign_id is required for the " + what.wire() + " export");
        }
        List<UUID> ids = CampaignIds.parse(campaignIds, "campaign_ids",
                what == ExportReport.COMPARISON ? config.maxCompared() : config.maxCampaigns(), what == ExportReport.COMPARISON);
        // the campaign list reads channel as "campaigns on this channel", checked like the report filter
        String listChannel = what == ExportReport.CAMPAIGNS ? request.filter().get(EventDimension.CHANNEL) : null;
        return new ExportQuery(what, as, campaign, ids, request, Params.listOf(CampaignStatus.class, status, "status"),
                Params.listOf(CampaignType.class, type, "type"), listChannel, Params.text(text, "q", 200),
                Params.text(currency, "currency", 3), Params.bool(bom, "bom", false));
    }
}
