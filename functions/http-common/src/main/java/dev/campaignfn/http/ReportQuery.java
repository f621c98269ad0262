package dev.campaignfn.http;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.ws.rs.QueryParam;

/** The query parameters every report takes, as seed 004 names them (read by {@link ReportParams}). */
public class ReportQuery {

    @QueryParam("date_range")
    @Parameter(description = "The days ending today in the report's zone", schema = @Schema(enumeration = { "7d", "30d", "90d", "1y",
            "lifetime" }))
    public String dateRange;

    @QueryParam("start_date")
    @Parameter(description = "First day (YYYY-MM-DD), with end_date instead of date_range", schema = @Schema(format = "date"))
    public String startDate;

    @QueryParam("end_date")
    @Parameter(description = "Last day, included", schema = @Schema(format = "date"))
    public String endDate;

    @QueryParam("group_by")
    @Parameter(description = "Series buckets: days, ISO weeks (Monday first) or calendar months", schema = @Schema(enumeration = {
            "day", "week", "month" }))
    public String groupBy;

    @QueryParam("metrics")
    @Parameter(description = "Comma-separated metrics the series carry, in this order (default: all)")
    public String metrics;

    @QueryParam("audience_segment")
    @Parameter(description = "Only events of this audience segment")
    public String audienceSegment;

    @QueryParam("channel")
    @Parameter(description = "Only events and spend of this channel")
    public String channel;

    @QueryParam("device_type")
    @Parameter(description = "Only events of this device type", schema = @Schema(enumeration = { "desktop", "mobile", "tablet",
            "other" }))
    public String deviceType;

    @QueryParam("segment_by")
    @Parameter(description = "Breakdown dimension (segmented reports and exports)", schema = @Schema(enumeration = {
            "audience_segment", "channel", "device_type" }))
    public String segmentBy;

    @QueryParam("tz")
    @Parameter(description = "IANA time zone for the days, instead of the campaign's reporting zone")
    public String tz;

    @QueryParam("include_bots")
    @Parameter(description = "Count events flagged as bots too", schema = @Schema(type = SchemaType.BOOLEAN))
    public String includeBots;
}
