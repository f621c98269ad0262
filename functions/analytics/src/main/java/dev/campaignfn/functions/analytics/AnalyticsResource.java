package dev.campaignfn.functions.analytics;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.campaignfn.analytics.Attribution;
import dev.campaignfn.analytics.AttributionModel;
import dev.campaignfn.analytics.AnalyticsConfig;
import dev.campaignfn.analytics.CampaignAnalytics;
import dev.campaignfn.analytics.CampaignComparison;
import dev.campaignfn.analytics.CampaignIds;
import dev.campaignfn.analytics.DashboardReport;
import dev.campaignfn.analytics.EventStream;
import dev.campaignfn.analytics.RangePreset;
import dev.campaignfn.analytics.RoiAnalysis;
import dev.campaignfn.analytics.SeriesPoints;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.ReportParams;
import dev.campaignfn.http.ReportQuery;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.metrics.MetricDefinition;
import dev.campaignfn.security.Permissions;
import dev.campaignfn.tracking.EventType;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Seed 004's analytics routes, with its query parameters and envelope, and seed 000's reports beside
 * them. Every report shares the parameters {@code date_range} (7d, 30d, 90d, 1y, lifetime) or
 * {@code start_date}/{@code end_date}, {@code group_by}, {@code metrics}, {@code audience_segment},
 * {@code channel}, {@code device_type}, {@code tz} and {@code include_bots}.
 */
@Path("/v1/marketing/admin/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class AnalyticsResource {

    @Inject
    CampaignAnalytics campaigns;

    @Inject
    CampaignComparison comparison;

    @Inject
    RoiAnalysis roi;

    @Inject
    DashboardReport dashboard;

    @Inject
    Attribution attribution;

    @Inject
    EventStream stream;

    @Inject
    AnalyticsConfig config;

    @GET
    @Path("/campaigns/{id}")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getCampaignAnalytics", summary = "Seed 004's campaign analytics: summary, series (daily_stats) and period-over-period change")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in errors[].field")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public Envelope<CampaignAnalytics.CampaignReport> campaign(@PathParam("id") String id, @BeanParam ReportQuery query) {
        return Envelope.of(campaigns.report(Params.uuid(id, "id"), ReportParams.of(query, RangePreset.LAST_7_DAYS)));
    }

    @GET
    @Path("/campaigns/{id}/summary")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getCampaignSummary", summary = "Totals and every metric over the period (seed 000's performance)")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public Envelope<CampaignAnalytics.SummaryReport> summary(@PathParam("id") String id, @BeanParam ReportQuery query) {
        return Envelope.of(campaigns.summary(Params.uuid(id, "id"), ReportParams.of(query, RangePreset.LAST_7_DAYS)));
    }

    @GET
    @Path("/campaigns/{id}/daily")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getCampaignDailyStats", summary = "The series by day, week or month with cost and ROAS per period (seed 000's trends)")
    @APIResponse(responseCode = "200", description = "The series, empty buckets included")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public Envelope<CampaignAnalytics.SeriesReport> daily(@PathParam("id") String id, @BeanParam ReportQuery query) {
        return Envelope.of(campaigns.daily(Params.uuid(id, "id"), ReportParams.of(query, RangePreset.LAST_7_DAYS)));
    }

    @GET
    @Path("/campaigns/{id}/segmented")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getCampaignSegmentedStats", summary = "The series broken down by segment_by (audience_segment, channel, device_type)")
    @Parameter(name = "segment_by", description = "audience_segment (default), channel or device_type")
    @APIResponse(responseCode = "200", description = "Totals and series per segment value")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public Envelope<CampaignAnalytics.SegmentedReport> segmented(@PathParam("id") String id, @BeanParam ReportQuery query) {
        return Envelope.of(campaigns.segmented(Params.uuid(id, "id"), ReportParams.of(query, RangePreset.LAST_7_DAYS)));
    }

    @GET
    @Path("/campaigns/{id}/funnel")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getCampaignFunnel", summary = "Impressions, clicks, conversions and the rates between them")
    @APIResponse(responseCode = "200", description = "The funnel")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public Envelope<CampaignAnalytics.FunnelReport> funnel(@PathParam("id") String id, @BeanParam ReportQuery query) {
        return Envelope.of(campaigns.funnel(Params.uuid(id, "id"), ReportParams.of(query, RangePreset.LAST_7_DAYS)));
    }

    @GET
    @Path("/campaigns/{id}/channels")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getCampaignChannels", summary = "Metrics per channel of a multi-channel campaign, and their aggregate")
    @APIResponse(responseCode = "200", description = "Per channel and in total")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public Envelope<CampaignAnalytics.ChannelReport> channels(@PathParam("id") String id, @BeanParam ReportQuery query) {
        return Envelope.of(campaigns.channels(Params.uuid(id, "id"), ReportParams.of(query, RangePreset.LAST_7_DAYS)));
    }

    @GET
    @Path("/campaigns/{id}/roi")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getCampaignRoi", summary = "Profit, ROI, ROAS, payback period, break-even point and the projection to the end (default: lifetime)")
    @Parameter(name = "remaining_days", description = "Days to project over (default: until the campaign's last day)")
    @APIResponse(responseCode = "200", description = "The ROI")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public Envelope<RoiAnalysis.RoiReport> campaignRoi(@PathParam("id") String id, @QueryParam("remaining_days") String remainingDays,
            @BeanParam ReportQuery query) {
        Integer remaining = remainingDays == null || remainingDays.isBlank() ? null
                : Params.integer(remainingDays, "remaining_days", 0, 0, RoiAnalysis.MAX_REMAINING_DAYS);
        return Envelope.of(roi.roi(Params.uuid(id, "id"), ReportParams.of(query, RangePreset.LIFETIME), remaining));
    }

    @GET
    @Path("/compare")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getCampaignComparison", summary = "Campaigns side by side, best and worst by ROAS, the leader of each metric")
    @Parameter(name = "campaign_ids", required = true, description = "Comma-separated campaign ids")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "A campaign does not exist")
    public Envelope<CampaignComparison.ComparisonReport> compare(@QueryParam("campaign_ids") String campaignIds, @BeanParam ReportQuery query) {
        return Envelope.of(comparison.compare(CampaignIds.parse(campaignIds, "campaign_ids", config.maxCompared(), true),
                ReportParams.of(query, RangePreset.LAST_7_DAYS)));
    }

    @GET
    @Path("/roi")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getAggregateRoi", summary = "ROI per campaign and in total per currency (default: every campaign that is not a draft, lifetime)")
    @Parameter(name = "campaign_ids", description = "Comma-separated campaign ids")
    @APIResponse(responseCode = "200", description = "The aggregate")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "A campaign does not exist")
    public Envelope<RoiAnalysis.AggregateRoiReport> aggregateRoi(@QueryParam("campaign_ids") String campaignIds, @BeanParam ReportQuery query) {
        return Envelope.of(roi.aggregate(CampaignIds.parse(campaignIds, "campaign_ids", config.maxCampaigns(), false),
                ReportParams.of(query, RangePreset.LIFETIME)));
    }

    @GET
    @Path("/dashboard")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getDashboard", summary = "Summary, top campaigns, trends, channels and KPIs over the selected campaigns (default 30d)")
    @Parameter(name = "campaign_ids", description = "Comma-separated campaign ids (default: every campaign that ran in the period)")
    @Parameter(name = "status", description = "Only campaigns in these states (comma-separated)")
    @Parameter(name = "currency", description = "The currency of the dashboard (default: that of most campaigns)")
    @Parameter(name = "top", description = "Rows of the top campaigns table (default 10)")
    @Parameter(name = "sort", description = "The metric that orders the top campaigns (default roas)")
    @APIResponse(responseCode = "200", description = "The dashboard")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "A campaign does not exist")
    public Envelope<DashboardReport.Dashboard> dashboard(@QueryParam("campaign_ids") String campaignIds,
            @QueryParam("status") List<String> status, @QueryParam("currency") String currency, @QueryParam("top") String top,
            @QueryParam("sort") String sort, @BeanParam ReportQuery query) {
        Metric sortBy = null;
        if (sort != null && !sort.isBlank()) {
            sortBy = SeriesPoints.named(sort.strip());
            if (sortBy == null) {
                throw ValidationException.of("sort", "unknown metric '" + sort.strip() + "'");
            }
        }
        DashboardReport.Selection selection = new DashboardReport.Selection(
                CampaignIds.parse(campaignIds, "campaign_ids", config.maxCampaigns(), false),
                new HashSet<>(Params.listOf(CampaignStatus.class, status, "status")), blankToNull(currency),
                top == null || top.isBlank() ? null : Params.integer(top, "top", config.topCampaigns(), 1, DashboardReport.MAX_TOP),
                sortBy);
        return Envelope.of(dashboard.dashboard(selection, ReportParams.of(query, RangePreset.LAST_30_DAYS)));
    }

    @GET
    @Path("/attribution")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getAttribution", summary = "Conversions and revenue credited to campaigns and channels by an attribution model")
    @Parameter(name = "campaign_ids", description = "Comma-separated campaign ids (default: every campaign that is not a draft)")
    @Parameter(name = "currency", description = "The currency of the answer (default: that of most campaigns)")
    @Parameter(name = "model", description = "first_touch, last_touch (default), linear, time_decay or position_based")
    @Parameter(name = "lookback_days", description = "How far before a conversion touches count (default 30)")
    @Parameter(name = "half_life_days", description = "time_decay: the age at which a touch weighs half (default 7)")
    @Parameter(name = "touch_types", description = "Which events are touches: impression, view, click (default click)")
    @APIResponse(responseCode = "200", description = "The credits")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "A campaign does not exist")
    public Envelope<Attribution.AttributionReport> attribution(@QueryParam("campaign_ids") String campaignIds,
            @QueryParam("currency") String currency, @QueryParam("model") String model, @QueryParam("lookback_days") String lookback,
            @QueryParam("half_life_days") String halfLife, @QueryParam("touch_types") List<String> touchTypes,
            @BeanParam ReportQuery query) {
        BigDecimal halfLifeDays = null;
        if (halfLife != null && !halfLife.isBlank()) {
            try {
                halfLifeDays = new BigDecimal(halfLife.strip());
            } catch (NumberFormatException e) {
                throw ValidationException.of("half_life_days", "must be a number of days, not '" + halfLife.strip() + "'");
            }
        }
        Attribution.Settings settings = new Attribution.Settings(
                CampaignIds.parse(campaignIds, "campaign_ids", config.maxCampaigns(), false), blankToNull(currency),
                Params.oneOf(AttributionModel.class, model, "model", AttributionModel.LAST_TOUCH),
                lookback == null || lookback.isBlank() ? null : Params.integer(lookback, "lookback_days", 0, 1, Integer.MAX_VALUE),
                halfLifeDays, Params.listOf(EventType.class, touchTypes, "touch_types"));
        return Envelope.of(attribution.attribute(settings, ReportParams.of(query, RangePreset.LAST_30_DAYS)));
    }

    @GET
    @Path("/stream")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "getAnalyticsStream", summary = "The newest events, then every event after the cursor, once")
    @Parameter(name = "campaign_id", description = "Only this campaign's events")
    @Parameter(name = "last_updated", description = "The last_updated of the previous page (or an ISO instant on the first call)")
    @Parameter(name = "limit", description = "Events per page (default 50)")
    @APIResponse(responseCode = "200", description = "A page of events and the cursor to the next")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public Envelope<EventStream.StreamPage> stream(@QueryParam("campaign_id") String campaignId,
            @QueryParam("last_updated") String lastUpdated, @QueryParam("limit") String limit,
            @QueryParam("include_bots") String includeBots) {
        return Envelope.of(stream.page(Params.optionalUuid(campaignId, "campaign_id"), lastUpdated,
                limit == null || limit.isBlank() ? null : Params.integer(limit, "limit", EventStream.DEFAULT_LIMIT, 1, config.maxStreamPage()),
                Params.bool(includeBots, "include_bots", false)));
    }

    @GET
    @Path("/metrics")
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "listMetrics", summary = "Every metric: its label, unit, direction, field names, and whether rules may watch it")
    @APIResponse(responseCode = "200", description = "The metrics, in the order reports list them")
    public Envelope<List<MetricDefinition>> metrics() {
        return Envelope.of(Metric.definitions());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
