package dev.campaignfn.alert;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.DatabaseJson;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Alerts and the webhooks they go to. Raising an alert writes it and one outbox row per enabled
 * webhook in one transaction, so an alert is never lost and never delivered before it exists;
 * {@link AlertDelivery} sends the outbox. An alert's dedup key makes raising it idempotent.
 */
@ApplicationScoped
public class AlertService {

    /** jsonb columns (details, observed values) are read and written as every jsonb column is. */
    static final ObjectMapper JSON = DatabaseJson.MAPPER;
    // per bean, not static: a native build initialises this class at build time, and a Random may not be in the image heap
    private final SecureRandom random = new SecureRandom();

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** Raises the alert unless its dedup key was raised before; answers its id when it was new. Joins the caller's transaction. */
    @Transactional
    public Optional<UUID> raise(AlertDraft draft) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            boolean inserted;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into alerts (id, campaign_id, channel_id, rule_id, kind, severity, threshold, title, message, details,
                                        dedup_key, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (dedup_key) do nothing
                    """)) {
                insert.setObject(1, id);
                insert.setObject(2, draft.campaignId());
                insert.setString(3, draft.channelId());
                insert.setObject(4, draft.ruleId());
                insert.setString(5, draft.kind());
                insert.setString(6, draft.severity());
                insert.setObject(7, draft.threshold());
                insert.setString(8, draft.title());
                insert.setString(9, draft.message());
                insert.setString(10, JSON.writeValueAsString(draft.details() == null ? Map.of() : draft.details()));
                insert.setString(11, draft.dedupKey());
                insert.setTimestamp(12, Timestamp.from(now));
                inserted = insert.executeUpdate() == 1;
            }
            if (inserted) {
                try (PreparedStatement outbox = connection.prepareStatement(
                        "insert into alert_deliveries (alert_id, webhook_id, next_attempt_at) select ?, id, ? from webhooks where enabled"
                                + " and (cardinality(?::uuid[]) = 0 or id = any(?::uuid[]))")) {
                    outbox.setObject(1, id);
                    outbox.setTimestamp(2, Timestamp.from(now));
                    Array only = connection.createArrayOf("uuid", draft.webhookIds().toArray());
                    outbox.setArray(3, only);
                    outbox.setArray(4, only);
                    outbox.executeUpdate();
                }
            }
            return inserted ? Optional.of(id) : Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("could not raise the alert " + draft.dedupKey(), e);
        }
    }

    /** The kind of a scheduled report's announcement (raised by the report package, a layer above). */
    public static final String REPORT_KIND = "scheduled_report";

    static final String ALERT_COLUMNS = "id, campaign_id, channel_id, rule_id, kind, severity, threshold, title, message, details::text,"
            + " created_at, acknowledged_at, acknowledged_by";

    /** Newest first; {@code campaignId} null for every campaign, {@code open} for the unacknowledged only. */
    public List<AlertView> list(UUID campaignId, boolean open, int limit) {
        // scheduled reports travel through the same outbox but are not alerts: their schedule lists them
        String sql = "select " + ALERT_COLUMNS + " from alerts where (?::uuid is null or campaign_id = ?::uuid) and kind <> '"
                + REPORT_KIND + "'"
                + (open ? " and acknowledged_at is null" : "") + " order by created_at desc, id limit ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, campaignId);
            select.setObject(2, campaignId);
            select.setInt(3, limit);
            List<AlertView> alerts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    alerts.add(alert(rows));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw Jdbc.failure("read alerts", e);
        }
    }

    @Transactional
    public AlertView acknowledge(UUID alertId, Actor actor) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "update alerts set acknowledged_at = coalesce(acknowledged_at, ?), acknowledged_by = coalesce(acknowledged_by, ?)"
                        + " where id = ? returning " + ALERT_COLUMNS)) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, actor.name());
            update.setObject(3, alertId);
            try (ResultSet row = update.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException("alert", alertId);
                }
                return alert(row);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("acknowledge the alert", e);
        }
    }

    /** A row of {@link #ALERT_COLUMNS}. */
    static AlertView alert(ResultSet row) throws SQLException {
        Map<String, Object> details;
        try {
            details = JSON.readValue(row.getString(10), new TypeReference<Map<String, Object>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("unreadable alert details", e);
        }
        Timestamp acknowledged = row.getTimestamp(12);
        return new AlertView(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3), row.getObject(4, UUID.class),
                row.getString(5), row.getString(6), (Integer) row.getObject(7), row.getString(8), row.getString(9), details,
                row.getTimestamp(11).toInstant(), acknowledged == null ? null : acknowledged.toInstant(), row.getString(13));
    }

    // ------------------------------------------------------------------------------------------ webhooks

    public List<WebhookView> webhooks() {
        return Webhook.<Webhook>list("order by createdAt").stream().map(w -> w.view(null)).toList();
    }

    @Transactional
    public WebhookView createWebhook(@Valid @NotNull WebhookCommand command, Actor actor) {
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.secret = command.secret() != null ? command.secret() : newSecret();
        webhook.createdBy = actor.name();
        webhook.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        apply(webhook, command, webhook.createdAt);
        webhook.persistAndFlush();
        audit.record(actor, "webhook.created", "webhook", webhook.id, null, Map.of("url", command.url()));
        return webhook.view(webhook.secret);
    }

    @Transactional
    public WebhookView updateWebhook(UUID id, @Valid @NotNull WebhookCommand command, Actor actor) {
        Webhook webhook = Webhook.findById(id);
        if (webhook == null) {
            throw new NotFoundException("webhook", id);
        }
        if (command.secret() != null) {
            webhook.secret = command.secret();
        }
        apply(webhook, command, clock.instant().truncatedTo(ChronoUnit.MICROS));
        Webhook.flush();
        audit.record(actor, "webhook.updated", "webhook", id, null, Map.of("url", command.url()));
        return webhook.view(null);
    }

    /** What a create and a replace both set (a replace keeps the secret unless it gives one). */
    private static void apply(Webhook webhook, WebhookCommand command, Instant now) {
        webhook.name = command.name();
        webhook.url = command.url();
        webhook.format = command.format() == null ? "json" : command.format();
        webhook.enabled = command.enabled() == null || command.enabled();
        webhook.updatedAt = now;
    }

    @Transactional
    public void deleteWebhook(UUID id, Actor actor) {
        // the pending deliveries go with it (on delete cascade)
        if (!Webhook.deleteById(id)) {
            throw new NotFoundException("webhook", id);
        }
        audit.record(actor, "webhook.deleted", "webhook", id, null, Map.of());
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
