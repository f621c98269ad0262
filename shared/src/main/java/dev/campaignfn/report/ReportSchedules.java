package dev.campaignfn.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.campaignfn.alert.AlertService;
import dev.campaignfn.alert.WebhookView;
import dev.campaignfn.analytics.PeriodView;
import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.PreconditionFailedException;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.Violations;
import dev.campaignfn.export.ExportFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Report schedules and their deliveries: who gets which report, how often (see {@link ScheduledReports}). */
@ApplicationScoped
@Transactional
public class ReportSchedules {

    public static final int MAX_SCHEDULES = 200;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    AlertService alerts;

    @Inject
    DataSource dataSource;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduleView> list() {
        return ReportSchedule.<ReportSchedule>list("order by createdAt, name").stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScheduleView get(UUID id) {
        return view(require(id));
    }

    public ScheduleView create(@Valid @NotNull ScheduleCommand command, Actor actor) {
        if (ReportSchedule.count() >= MAX_SCHEDULES) {
            throw ValidationException.of("name", "at most " + MAX_SCHEDULES + " report schedules");
        }
        ReportSchedule schedule = new ReportSchedule();
        schedule.id = UUID.randomUUID();
        schedule.createdBy = actor.name();
        schedule.createdAt = clock.instant();
        apply(schedule, command);
        schedule.persist();
        audit.record(actor, "report_schedule.created", "report_schedule", schedule.id, schedule.campaignId, Map.of("name", schedule.name));
        return view(schedule);
    }

    public ScheduleView update(UUID id, @Valid @NotNull ScheduleCommand command, Long expectedVersion, Actor actor) {
        ReportSchedule schedule = require(id);
        if (expectedVersion != null && expectedVersion != schedule.version) {
            throw new PreconditionFailedException("report schedule", expectedVersion, schedule.version);
        }
        apply(schedule, command);
        ReportSchedule.flush();
        audit.record(actor, "report_schedule.updated", "report_schedule", id, schedule.campaignId, Map.of("name", schedule.name));
        return view(schedule);
    }

    public void delete(UUID id, Actor actor) {
        ReportSchedule schedule = require(id);
        schedule.delete();
        audit.record(actor, "report_schedule.deleted", "report_schedule", id, schedule.campaignId, Map.of("name", schedule.name));
    }

    /** The schedule's deliveries, newest period first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> deliveries(UUID id, int limit) {
        require(id);
        List<DeliveryView> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                select schedule_id, period_start, period_end, status, export_job_id, alert_id, error, created_at, delivered_at
                  from report_deliveries where schedule_id = ? order by period_start desc limit ?""")) {
            select.setObject(1, id);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp delivered = rows.getTimestamp(9);
                    found.add(new DeliveryView(rows.getObject(1, UUID.class), rows.getObject(2, LocalDate.class),
                            rows.getObject(3, LocalDate.class), rows.getString(4), rows.getObject(5, UUID.class), rows.getObject(6, UUID.class),
                            rows.getString(7), rows.getTimestamp(8).toInstant(), delivered == null ? null : delivered.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read the deliveries of report schedule " + id, e);
        }
        return found;
    }

    private void apply(ReportSchedule schedule, ScheduleCommand command) {
        Violations violations = new Violations();
        Campaign campaign = null;
        if (command.scope() == ReportScope.CAMPAIGN) {
            violations.check(command.campaignId() != null, "campaign_id", "is required for a campaign report");
            campaign = command.campaignId() == null ? null : Campaign.findById(command.campaignId());
            violations.check(command.campaignId() == null || campaign != null, "campaign_id", "no campaign " + command.campaignId());
            violations.check(command.campaignIds() == null || command.campaignIds().isEmpty(), "campaign_ids",
                    "only for the dashboard; a campaign report names its campaign_id");
        } else {
            violations.check(command.campaignId() == null, "campaign_id", "only for a campaign report; the dashboard takes campaign_ids");
            List<UUID> ids = command.campaignIds() == null ? List.of() : command.campaignIds();
            Set<UUID> known = ids.isEmpty() ? Set.of() : Campaign.<Campaign>list("id in ?1", ids).stream().map(c -> c.id)
                    .collect(Collectors.toSet());
            ids.stream().filter(id -> !known.contains(id)).findFirst()
                    .ifPresent(missing -> violations.add("campaign_ids", "no campaign " + missing));
        }
        String zone = command.timeZone() != null ? command.timeZone() : campaign != null ? campaign.timeZone : "UTC";
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            violations.add("time_zone", "'" + zone + "' is not an IANA time zone");
        }
        String format = null;
        try {
            format = ExportFormat.parse(command.format()).extension();
        } catch (ValidationException e) {
            e.errors().forEach(err -> violations.add(err.field(), err.message()));
        }
        List<UUID> webhooks = command.webhookIds() == null ? List.of() : command.webhookIds();
        if (!webhooks.isEmpty()) {
            Set<UUID> known = alerts.webhooks().stream().map(WebhookView::id).collect(Collectors.toSet());
            webhooks.stream().filter(id -> !known.contains(id)).findFirst()
                    .ifPresent(missing -> violations.add("webhook_ids", "no webhook " + missing));
        }
        violations.throwIfAny();
        schedule.name = command.name().strip();
        schedule.scope = command.scope();
        schedule.campaignId = command.campaignId();
        schedule.campaignIds = command.campaignIds() == null ? List.of() : List.copyOf(command.campaignIds());
        schedule.frequency = command.frequency();
        schedule.timeZone = zone;
        schedule.format = format;
        schedule.webhookIds = List.copyOf(webhooks);
        schedule.enabled = command.enabled() == null || command.enabled();
        schedule.updatedAt = clock.instant();
    }

    private ScheduleView view(ReportSchedule s) {
        Instant now = clock.instant();
        PeriodView due = PeriodView.of(s.frequency.lastComplete(LocalDate.ofInstant(now, ZoneId.of(s.timeZone))));
        return new ScheduleView(s.id, s.name, s.scope, s.campaignId, s.campaignIds, s.frequency, s.timeZone, s.format, s.webhookIds,
                s.enabled, due, s.createdBy, s.createdAt, s.updatedAt, s.version);
    }

    static ReportSchedule require(UUID id) {
        ReportSchedule schedule = ReportSchedule.findById(id);
        if (schedule == null) {
            throw new NotFoundException("report schedule", id);
        }
        return schedule;
    }
}
