package dev.campaignfn.export;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGStatement;

import dev.campaignfn.analytics.CampaignAnalytics;
import dev.campaignfn.analytics.CampaignComparison;
import dev.campaignfn.analytics.DashboardReport;
import dev.campaignfn.analytics.ReportContext;
import dev.campaignfn.analytics.ReportRequest;
import dev.campaignfn.analytics.Summary;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.common.Page;
import dev.campaignfn.lifecycle.CampaignQuery;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.lifecycle.CampaignSort;
import dev.campaignfn.lifecycle.CampaignView;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.rollup.EventTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Turns an export query into a table and writes it. Every number comes from the same service the
 * analytics or campaigns route answers with, so an export always equals the API; only the raw events
 * are read here, streamed from a cursor.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ExportService {

    /** Seed 004's export columns after Date, Campaign Name and Type, plus spend, revenue, CPA and ROAS. */
    public static final List<Metric> DEFAULT_METRICS = List.of(Metric.VIEWS, Metric.CLICKS, Metric.CONVERSIONS, Metric.IMPRESSIONS,
            Metric.CTR, Metric.CVR, Metric.SPEND, Metric.REVENUE, Metric.CPA, Metric.ROAS);

    /** Bytes a raw event takes in a CSV export, for deciding whether it fits a direct answer. */
    static final long EVENT_ROW_BYTES = 260;
    /** Bytes of a report row (a bucket, a segment, a campaign). */
    static final long REPORT_ROW_BYTES = 200;

    static final String EVENTS_SQL = """
            select event_id, occurred_at, received_at, event_type, channel, audience_segment, device_type, value, order_id,
                   conversion_type, session_id, user_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, utm_id,
                   referrer_url, landing_url, is_bot
              from campaign_events
             where campaign_id = ? and occurred_at >= ? and occurred_at < ?
             order by occurred_at, id
            """;

    static final int FETCH_SIZE = 10_000;

    @Inject
    CampaignAnalytics analytics;

    @Inject
    CampaignComparison comparison;

    @Inject
    DashboardReport dashboard;

    @Inject
    CampaignService campaigns;

    @Inject
    EventTotals events;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Writes the export; returns the number of data rows. */
    public long write(ExportQuery query, OutputStream out) throws Exception {
        return TableWriter.of(query.format(), query.byteOrderMark()).write(table(query), out);
    }

    /** The file name a download gets, like seed 004's {@code campaign_analytics_<id>_<start>.csv}. */
    public String fileName(ExportQuery query, ExportTable table) {
        return table.fileStem() + "." + query.format().extension();
    }

    /**
     * A generous guess of the CSV size, made before writing anything, from row counts the rollups
     * give cheaply; a workbook is smaller. Decides between a direct answer and a background job.
     */
    public long estimatedBytes(ExportQuery query) {
        return switch (query.report()) {
            case EVENTS -> {
                EventWindow window = eventWindow(query);
                long rows = events.totals(List.of(window.campaignId()), window.from(), window.to(), true).values().stream()
                        .mapToLong(c -> c.impressions() + c.views() + c.clicks() + c.conversions()).sum();
                yield rows * EVENT_ROW_BYTES;
            }
            case CAMPAIGNS -> campaigns.list(listQuery(query, 1, 1)).total() * REPORT_ROW_BYTES;
            default -> 0L; // a report has at most a row per day, segment or campaign: always small
        };
    }

    public ExportTable table(ExportQuery query) {
        ReportRequest request = query.request();
        return switch (query.report()) {
            case CAMPAIGN -> campaignSeries(query.campaignId(), request);
            case SEGMENTED -> segmented(query.campaignId(), request);
            case COMPARISON -> comparison(query.campaignIds(), request);
            case DASHBOARD -> dashboardCampaigns(query, request);
            case CAMPAIGNS -> campaignList(query);
            case EVENTS -> rawEvents(query);
        };
    }

    private ExportTable campaignSeries(UUID campaignId, ReportRequest request) {
        CampaignAnalytics.SeriesReport report = analytics.daily(campaignId, request);
        List<ExportColumn> columns = new ArrayList<>(List.of(ExportColumn.date("Date"), ExportColumn.text("Campaign Name"),
                ExportColumn.text("Template Type")));
        request.metrics().forEach(m -> columns.add(column(m)));
        return new ExportTable("Campaign analytics: " + report.campaign().name(),
                "campaign_analytics_" + campaignId + "_" + report.context().period().startDate(), about(report.context()), columns,
                sink -> {
                    for (Map<String, Object> point : report.dailyStats()) {
                        List<Object> cells = new ArrayList<>(columns.size());
                        cells.add(point.get("date"));
                        cells.add(report.campaign().name());
                        cells.add(report.campaign().type().wire());
                        request.metrics().forEach(m -> cells.add(point.get(m.seriesField())));
                        sink.row(cells.toArray());
                    }
                });
    }

    private ExportTable segmented(UUID campaignId, ReportRequest request) {
        CampaignAnalytics.SegmentedReport report = analytics.segmented(campaignId, request);
        List<ExportColumn> columns = new ArrayList<>(List.of(ExportColumn.text(header(report.segmentBy().wire())),
                ExportColumn.date("Date")));
        request.metrics().forEach(m -> columns.add(column(m)));
        return new ExportTable("Segmented analytics: " + report.campaign().name(),
                "campaign_segments_" + campaignId + "_" + report.context().period().startDate(), about(report.context()), columns,
                sink -> {
                    for (Map.Entry<String, List<Map<String, Object>>> segment : report.segmentedStats().entrySet()) {
                        for (Map<String, Object> point : segment.getValue()) {
                            List<Object> cells = new ArrayList<>(columns.size());
                            cells.add(segment.getKey());
                            cells.add(point.get("date"));
                            request.metrics().forEach(m -> cells.add(point.get(m.seriesField())));
                            sink.row(cells.toArray());
                        }
                    }
                });
    }

    private ExportTable comparison(List<UUID> campaignIds, ReportRequest request) {
        CampaignComparison.ComparisonReport report = comparison.compare(campaignIds, request);
        List<ExportColumn> columns = new ArrayList<>(List.of(ExportColumn.text("Campaign ID"), ExportColumn.text("Campaign Name"),
                ExportColumn.text("Template Type"), ExportColumn.text("Status"), ExportColumn.text("Currency")));
        request.metrics().forEach(m -> columns.add(column(m)));
        return new ExportTable("Campaign comparison", "campaign_comparison_" + report.context().period().startDate(),
                about(report.context()), columns, sink -> {
                    for (CampaignComparison.ComparisonRow row : report.comparison()) {
                        sink.row(summaryRow(List.of(row.campaignId().toString(), row.campaignName(), row.type().wire(),
                                row.status().wire(), row.currency()), row.summary(), request.metrics()));
                    }
                });
    }

    private ExportTable dashboardCampaigns(ExportQuery query, ReportRequest request) {
        DashboardReport.Dashboard report = dashboard.withEveryCampaign(new DashboardReport.Selection(query.campaignIds(),
                new HashSet<>(query.statuses()), query.currency(), null, null), request);
        List<ExportColumn> columns = new ArrayList<>(List.of(ExportColumn.text("Campaign ID"), ExportColumn.text("Campaign Name"),
                ExportColumn.text("Template Type"), ExportColumn.text("Status"), new ExportColumn("Budget", ExportColumn.Kind.MONEY)));
        request.metrics().forEach(m -> columns.add(column(m)));
        return new ExportTable("Dashboard campaigns", "dashboard_campaigns_" + report.context().period().startDate(),
                about(report.context()), columns, sink -> {
                    for (DashboardReport.TopCampaign row : report.topCampaigns()) {
                        List<Object> fixed = new ArrayList<>(List.of(row.campaignId().toString(), row.campaignName(), row.type().wire(),
                                row.status().wire()));
                        fixed.add(row.budget());
                        sink.row(summaryRow(fixed, row.summary(), request.metrics()));
                    }
                });
    }

    private static Object[] summaryRow(List<Object> fixed, Summary summary, List<Metric> metrics) {
        List<Object> cells = new ArrayList<>(fixed);
        metrics.forEach(m -> cells.add(summary.value(m)));
        return cells.toArray();
    }

    static final int LIST_PAGE = CampaignQuery.MAX_PAGE_SIZE;

    private CampaignQuery listQuery(ExportQuery query, int page, int size) {
        return new CampaignQuery(query.statuses(), query.types(), query.channel(), null, null, query.text(), page, size,
                CampaignSort.NAME, false);
    }

    private ExportTable campaignList(ExportQuery query) {
        List<ExportColumn> columns = List.of(ExportColumn.text("Campaign ID"), ExportColumn.text("Campaign Name"),
                ExportColumn.text("Template Type"), ExportColumn.text("Status"), new ExportColumn("Start", ExportColumn.Kind.TIMESTAMP),
                new ExportColumn("End", ExportColumn.Kind.TIMESTAMP), new ExportColumn("Budget", ExportColumn.Kind.MONEY),
                new ExportColumn("Actual Spend", ExportColumn.Kind.MONEY), ExportColumn.text("Currency"), ExportColumn.text("Time Zone"),
                ExportColumn.text("Channels"), ExportColumn.text("Description"), new ExportColumn("Created", ExportColumn.Kind.TIMESTAMP),
                new ExportColumn("Updated", ExportColumn.Kind.TIMESTAMP));
        List<String[]> about = List.of(new String[] { "Generated", clock.instant().toString() },
                new String[] { "Times", "UTC" }, new String[] { "Money", "in each campaign's currency" });
        return new ExportTable("Campaigns", "campaigns_" + LocalDate.now(ZoneId.of("UTC")), about, columns, sink -> {
            for (int page = 1;; page++) {
                Page<CampaignView> found = campaigns.list(listQuery(query, page, LIST_PAGE));
                for (CampaignView c : found.items()) {
                    sink.row(c.id().toString(), c.name(), c.type().wire(), c.status().wire(), c.startDate(), c.endDate(), c.budget(),
                            c.actualSpend(), c.currency(), c.timeZone(), String.join(", ", c.channels()), c.description(), c.createdAt(),
                            c.updatedAt());
                }
                if (page >= found.totalPages()) {
                    break;
                }
            }
        });
    }

    /** A campaign and the instants its report period covers, in its zone (or {@code tz}). */
    record EventWindow(UUID campaignId, ReportContext context, Instant from, Instant to) {
    }

    EventWindow eventWindow(ExportQuery query) {
        // the period only: a summary here would read every event and ledger entry of the period for nothing
        ReportContext context = analytics.context(query.campaignId(), query.request());
        ZoneId zone = ZoneId.of(context.timeZone());
        return new EventWindow(query.campaignId(), context, context.period().startDate().atStartOfDay(zone).toInstant(),
                context.period().endDate().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private ExportTable rawEvents(ExportQuery query) {
        EventWindow window = eventWindow(query);
        Campaign campaign = Campaign.require(query.campaignId());
        List<ExportColumn> columns = List.of(ExportColumn.text("Event ID"), new ExportColumn("Occurred At (UTC)", ExportColumn.Kind.TIMESTAMP),
                new ExportColumn("Received At (UTC)", ExportColumn.Kind.TIMESTAMP), ExportColumn.text("Event Type"),
                ExportColumn.text("Channel"), ExportColumn.text("Audience Segment"), ExportColumn.text("Device Type"),
                new ExportColumn("Value", ExportColumn.Kind.MONEY), ExportColumn.text("Order ID"), ExportColumn.text("Conversion Type"),
                ExportColumn.text("Session ID"), ExportColumn.text("User ID"), ExportColumn.text("UTM Source"),
                ExportColumn.text("UTM Medium"), ExportColumn.text("UTM Campaign"), ExportColumn.text("UTM Term"),
                ExportColumn.text("UTM Content"), ExportColumn.text("UTM ID"), ExportColumn.text("Referrer URL"),
                ExportColumn.text("Landing URL"), ExportColumn.text("Bot"));
        List<String[]> about = new ArrayList<>(about(window.context()));
        about.add(new String[] { "Campaign", campaign.name + " (" + campaign.id + ")" });
        about.add(new String[] { "Rows", "every event stored for the period, bots included (Bot = yes)" });
        return new ExportTable("Events: " + campaign.name, "campaign_events_" + campaign.id + "_" + window.context().period().startDate(),
                about, columns, sink -> {
                    try (Connection connection = dataSource.getConnection()) {
                        boolean autoCommit = connection.getAutoCommit();
                        // a cursor (fetch size) needs a transaction; rows then arrive in batches, never all at once
                        connection.setAutoCommit(false);
                        try (PreparedStatement select = connection.prepareStatement(EVENTS_SQL)) {
                            // prepared on the server at once, so timestamps, ids and amounts arrive in binary: no text to parse
                            select.unwrap(PGStatement.class).setPrepareThreshold(-1);
                            select.setFetchSize(FETCH_SIZE);
                            select.setObject(1, window.campaignId());
                            select.setTimestamp(2, Timestamp.from(window.from()));
                            select.setTimestamp(3, Timestamp.from(window.to()));
                            try (ResultSet rows = select.executeQuery()) {
                                while (rows.next()) {
                                    sink.row(rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getTimestamp(3).toInstant(),
                                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                                            rows.getBigDecimal(8), rows.getString(9), rows.getString(10), rows.getString(11),
                                            rows.getString(12), rows.getString(13), rows.getString(14), rows.getString(15),
                                            rows.getString(16), rows.getString(17), rows.getString(18), rows.getString(19),
                                            rows.getString(20), rows.getBoolean(21) ? "yes" : "no");
                                }
                            }
                        } finally {
                            connection.rollback();
                            connection.setAutoCommit(autoCommit);
                        }
                    }
                });
    }

    /** The facts stated above a workbook's table. */
    List<String[]> about(ReportContext context) {
        List<String[]> about = new ArrayList<>();
        about.add(new String[] { "Period", context.period().startDate() + " to " + context.period().endDate() + " ("
                + context.period().days() + " days)" });
        about.add(new String[] { "Time zone", ReportContext.PER_CAMPAIGN_ZONE.equals(context.timeZone())
                ? "each campaign's own: " + String.join(", ", context.timeZones()) : context.timeZone() });
        about.add(new String[] { "Currency", context.currency() == null ? "each campaign's own" : context.currency() });
        about.add(new String[] { "Grouped by", context.groupBy().wire() });
        if (!context.filters().isEmpty()) {
            about.add(new String[] { "Filters", context.filters().toString() });
        }
        about.add(new String[] { "Bots", context.includeBots() ? "included" : "excluded" });
        about.add(new String[] { "Generated", clock.instant().toString() });
        return about;
    }

    /** A metric's column: its export header, typed by its unit. */
    static ExportColumn column(Metric metric) {
        ExportColumn.Kind kind = switch (metric.unit()) {
            case COUNT -> ExportColumn.Kind.INTEGER;
            case CURRENCY -> ExportColumn.Kind.MONEY;
            case PERCENT -> ExportColumn.Kind.PERCENT;
            case RATIO -> ExportColumn.Kind.RATIO;
        };
        return new ExportColumn(metric.exportHeader(), kind);
    }

    private static String header(String wire) {
        String spaced = wire.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
