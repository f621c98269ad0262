package dev.campaignfn.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.alert.AlertDraft;
import dev.campaignfn.alert.AlertService;
import dev.campaignfn.analytics.CampaignAnalytics;
import dev.campaignfn.analytics.DashboardReport;
import dev.campaignfn.analytics.Grouping;
import dev.campaignfn.analytics.PeriodView;
import dev.campaignfn.analytics.ReportPeriod;
import dev.campaignfn.analytics.ReportRequest;
import dev.campaignfn.common.ApiJson;
import dev.campaignfn.common.DomainException;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.export.ExportFormat;
import dev.campaignfn.export.ExportJobs;
import dev.campaignfn.export.ExportQuery;
import dev.campaignfn.export.ExportReport;
import dev.campaignfn.export.ExportService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Delivers the scheduled reports, as part of the {@code exports} job (every minute in the cloud, every
 * few seconds in the launcher). For each enabled schedule, the last complete period in its zone (see
 * {@link ReportFrequency#lastComplete}) is delivered once:
 * <ol>
 * <li>{@link #queueDue}: a delivery row keyed by schedule and period (a second run, or the schedule
 * firing twice, finds the key taken), and an export job for its file, in one transaction;</li>
 * <li>the export worker writes the file;</li>
 * <li>{@link #deliverReady}: once the file is written (or failed), the report (its summary, change
 * against the period before, and the file's download URL) is announced to the schedule's webhooks
 * through the alert outbox, which signs, retries and records each delivery (JSON or Slack).</li>
 * </ol>
 */
@ApplicationScoped
public class ScheduledReports {

    private static final Logger LOG = Logger.getLogger(ScheduledReports.class);

    /** A download link in a report lasts as long as its file is kept, and never more than S3 allows a presigned URL. */
    static final Duration LINK_TTL = Duration.ofDays(7);
    static final int TOP_CAMPAIGNS = 5;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    ExportJobs exports;

    @Inject
    AlertService alerts;

    @Inject
    CampaignAnalytics analytics;

    @Inject
    DashboardReport dashboards;

    @Inject
    ReportsConfig config;

    @Inject
    ObjectMapper baseJson;

    ObjectMapper json;

    @PostConstruct
    void init() {
        json = ApiJson.from(baseJson);
    }

    /** Queues the due period of every enabled schedule that has not been queued yet; answers them as {@code schedule/period}. */
    @ActivateRequestContext
    public List<String> queueDue() {
        List<String> queued = new ArrayList<>();
        for (ReportSchedule schedule : ReportSchedule.<ReportSchedule>list("enabled = true")) {
            ReportPeriod period = schedule.frequency.lastComplete(LocalDate.ofInstant(clock.instant(), ZoneId.of(schedule.timeZone)));
            try {
                if (queue(schedule.id, period)) {
                    queued.add(schedule.id + "/" + period.startDate());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "report schedule %s could not be queued for %s; the next run tries again", schedule.id, period.startDate());
            }
        }
        return queued;
    }

    /** The delivery row, then the export: both or neither. False when this period was queued before. */
    @Transactional
    boolean queue(UUID scheduleId, ReportPeriod period) {
        ReportSchedule schedule = ReportSchedules.require(scheduleId);
        int inserted = Jdbc.update(dataSource, "queue report " + scheduleId, """
                insert into report_deliveries (schedule_id, period_start, period_end, status, created_at)
                values (?, ?, ?, 'exporting', ?) on conflict do nothing""", scheduleId, period.startDate(), period.endDate(),
                Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return false;
        }
        ReportRequest request = new ReportRequest(null, period.startDate(), period.endDate(), Grouping.DAY, ExportService.DEFAULT_METRICS,
                Map.of(), null, ZoneId.of(schedule.timeZone), false);
        boolean campaign = schedule.scope == ReportScope.CAMPAIGN;
        ExportQuery query = new ExportQuery(campaign ? ExportReport.CAMPAIGN : ExportReport.DASHBOARD, ExportFormat.parse(schedule.format),
                schedule.campaignId, schedule.campaignIds, request, null, null, null, null, null, false);
        UUID job = exports.create(query, "system:report:" + scheduleId).id();
        Jdbc.update(dataSource, "link report " + scheduleId + " to its export",
                "update report_deliveries set export_job_id = ? where schedule_id = ? and period_start = ?", job, scheduleId,
                period.startDate());
        return true;
    }

    /** Announces every delivery whose file is written or failed; answers them as {@code schedule/period}. */
    @ActivateRequestContext
    public List<String> deliverReady() {
        List<String> delivered = new ArrayList<>();
        for (Object[] waiting : waiting()) {
            UUID scheduleId = (UUID) waiting[0];
            LocalDate start = (LocalDate) waiting[1];
            try {
                if (deliver(scheduleId, start)) {
                    delivered.add(scheduleId + "/" + start);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "report %s of %s could not be delivered; the next run tries again", scheduleId, start);
            }
        }
        return delivered;
    }

    private List<Object[]> waiting() {
        List<Object[]> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select schedule_id, period_start from report_deliveries where status = 'exporting' order by created_at limit 100")) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Object[] { rows.getObject(1, UUID.class), rows.getObject(2, LocalDate.class) });
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("list the reports waiting for their files", e);
        }
        return found;
    }

    /** Announces one delivery if its file is done, under its row's lock; false when it is not done or was taken. */
    @Transactional
    boolean deliver(UUID scheduleId, LocalDate start) {
        Object[] row = lockWaiting(scheduleId, start);
        if (row == null) {
            return false;
        }
        UUID jobId = (UUID) row[1];
        ExportJobs.JobView job = jobId == null ? null : exports.get(jobId, LINK_TTL);
        if (job != null && !"succeeded".equals(job.status()) && !"failed".equals(job.status())) {
            return false; // still being written
        }
        ReportSchedule schedule = ReportSchedules.require(scheduleId);
        ReportPeriod period = new ReportPeriod(start, (LocalDate) row[0]);
        String error = job == null ? "the export job is gone" : "failed".equals(job.status()) ? "the export failed: " + job.error() : null;
        Map<String, Object> details;
        try {
            details = details(schedule, period, job);
        } catch (DomainException e) {
            // the report cannot be made as asked (its campaigns gone, too many of them): say so once, not every run
            Jdbc.update(dataSource, "record report " + scheduleId + " failed", """
                    update report_deliveries set status = 'failed', error = ?, delivered_at = ? where schedule_id = ? and period_start = ?""",
                    e.getMessage(), Timestamp.from(clock.instant()), scheduleId, start);
            return true;
        }
        String title = schedule.name + ": " + schedule.frequency.wire() + " report, " + period.startDate()
                + (period.days() > 1 ? " to " + period.endDate() : "");
        UUID alertId = alerts.raise(new AlertDraft(schedule.campaignId, null, null, AlertService.REPORT_KIND, "info", null, title,
                message(details, error), details, "report:" + scheduleId + ":" + start, schedule.webhookIds)).orElse(null);
        Jdbc.update(dataSource, "record report " + scheduleId + " delivered", """
                update report_deliveries set status = ?, alert_id = ?, error = ?, delivered_at = ?
                 where schedule_id = ? and period_start = ?""", error == null ? "delivered" : "failed", alertId, error,
                Timestamp.from(clock.instant()), scheduleId, start);
        return true;
    }

    private Object[] lockWaiting(UUID scheduleId, LocalDate start) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                select period_end, export_job_id from report_deliveries
                 where schedule_id = ? and period_start = ? and status = 'exporting' for update skip locked""")) {
            select.setObject(1, scheduleId);
            select.setObject(2, start);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Object[] { rows.getObject(1, LocalDate.class), rows.getObject(2, UUID.class) } : null;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("lock report " + scheduleId + " of " + start, e);
        }
    }

    /** The report as the webhooks receive it (the alert's details): what it covers, its figures and its file. */
    private Map<String, Object> details(ReportSchedule schedule, ReportPeriod period, ExportJobs.JobView job) {
        ZoneId zone = ZoneId.of(schedule.timeZone);
        ReportRequest request = new ReportRequest(null, period.startDate(), period.endDate(), Grouping.DAY, ReportRequest.ALL_METRICS,
                Map.of(), null, zone, false);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("schedule_id", schedule.id);
        report.put("schedule_name", schedule.name);
        report.put("scope", schedule.scope);
        report.put("frequency", schedule.frequency);
        report.put("period", PeriodView.of(period));
        report.put("time_zone", schedule.timeZone);
        if (schedule.scope == ReportScope.CAMPAIGN) {
            CampaignAnalytics.CampaignReport campaign = analytics.report(schedule.campaignId, request);
            report.put("campaign", Map.of("id", campaign.campaign().id(), "name", campaign.campaign().name()));
            report.put("currency", campaign.context().currency());
            report.put("summary", campaign.summary());
            report.put("period_change", campaign.periodChangeExact());
        } else {
            DashboardReport.Dashboard dashboard = dashboards.dashboard(new DashboardReport.Selection(schedule.campaignIds, Set.of(), null,
                    TOP_CAMPAIGNS, null), request);
            report.put("currency", dashboard.context().currency());
            report.put("summary", dashboard.summary());
            report.put("period_change", dashboard.periodChangeExact());
            report.put("top_campaigns", dashboard.topCampaigns());
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("export_job_id", job == null ? null : job.id());
        file.put("status", job == null ? null : job.status());
        file.put("file_name", job == null ? null : job.fileName());
        file.put("download_url", job == null ? null : absolute(job.downloadUrl()));
        file.put("download_url_expires_at", job == null ? null : job.downloadUrlExpiresAt());
        report.put("export", file);
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = json.convertValue(report, Map.class);
        return plain;
    }

    private String absolute(String url) {
        if (url == null || !url.startsWith("/")) {
            return url;
        }
        return config.publicBaseUrl().map(base -> base.replaceAll("/+$", "") + url).orElse(url);
    }

    /** One line a person reads (Slack shows it as the message): the period's main figures and the file. */
    @SuppressWarnings("unchecked")
    static String message(Map<String, Object> details, String error) {
        Map<String, Object> summary = (Map<String, Object>) details.get("summary");
        Map<String, Object> period = (Map<String, Object>) details.get("period");
        Map<String, Object> file = (Map<String, Object>) details.get("export");
        Object currency = details.get("currency");
        String figures = String.format("%s impressions, %s clicks, %s conversions, revenue %s %s, spend %s %s, ROAS %s",
                summary.get("total_impressions"), summary.get("total_clicks"), summary.get("total_conversions"),
                money(summary.get("total_revenue")), currency, money(summary.get("total_spend")), currency,
                summary.get("roas") == null ? "n/a" : summary.get("roas"));
        String where = error != null ? " The file could not be made: " + error + "."
                : file.get("download_url") == null ? "" : " File: " + file.get("download_url") + " (until " + file.get("download_url_expires_at") + ").";
        return period.get("start_date") + " to " + period.get("end_date") + " (" + details.get("time_zone") + "): " + figures + "." + where;
    }

    private static String money(Object value) {
        return value == null ? "n/a" : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
