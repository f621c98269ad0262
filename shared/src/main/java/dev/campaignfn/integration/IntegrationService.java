package dev.campaignfn.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The destinations (seed 000's {@code addIntegration}): created with their secrets sealed, replaced, removed, and read
 * with what their outbox holds; a failed or dead-lettered batch is sent again by {@link #replay}.
 */
@ApplicationScoped
public class IntegrationService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    IntegrationSecrets sealing;

    @Inject
    AuditLog audit;

    public List<IntegrationView> list() {
        Map<UUID, IntegrationView.Deliveries> deliveries = deliveries(null);
        return Integration.<Integration>list("order by createdAt").stream()
                .map(i -> i.view(deliveries.getOrDefault(i.id, empty()))).toList();
    }

    public IntegrationView get(UUID id) {
        return require(id).view(deliveries(id).getOrDefault(id, empty()));
    }

    @Transactional
    public IntegrationView create(@Valid @NotNull IntegrationCommand command, Actor actor) {
        Map<String, String> secrets = command.secrets() == null ? Map.of() : command.secrets();
        check(command, secrets);
        Integration integration = new Integration();
        integration.id = UUID.randomUUID();
        integration.secrets = sealing.seal(secrets);
        integration.createdBy = actor.name();
        integration.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // forwarding starts with the events accepted from now on; history is not sent
        integration.cursorEventId = ((Number) em.createNativeQuery(
                "select case when is_called then last_value else 0 end from campaign_events_id_seq").getSingleResult()).longValue();
        apply(integration, command, integration.createdAt);
        integration.persistAndFlush();
        audit.record(actor, "integration.created", "integration", integration.id, null, Map.of("platform", command.platform().wire()));
        return integration.view(empty());
    }

    @Transactional
    public IntegrationView update(UUID id, @Valid @NotNull IntegrationCommand command, Actor actor) {
        Integration integration = require(id);
        Violations violations = new Violations();
        violations.check(command.platform() == integration.platform, "platform", "cannot change (create another integration)");
        violations.throwIfAny();
        Map<String, String> secrets = command.secrets() == null ? sealing.open(integration.secrets) : command.secrets();
        check(command, secrets);
        if (command.secrets() != null) {
            integration.secrets = sealing.seal(secrets);
        }
        apply(integration, command, clock.instant().truncatedTo(ChronoUnit.MICROS));
        Integration.flush();
        audit.record(actor, "integration.updated", "integration", id, null, Map.of("platform", command.platform().wire()));
        return get(id);
    }

    @Transactional
    public void delete(UUID id, Actor actor) {
        // its outbox goes with it (on delete cascade)
        if (!Integration.deleteById(id)) {
            throw new NotFoundException("integration", id);
        }
        audit.record(actor, "integration.deleted", "integration", id, null, Map.of());
    }

    /** The batches of one destination, newest first, optionally of one status. */
    public List<IntegrationView.Batch> batches(UUID id, String status, int limit) {
        require(id);
        List<IntegrationView.Batch> batches = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                select id, status, event_count, attempts, last_status, last_error, created_at, last_attempt_at, next_attempt_at, sent_at
                  from forward_batches where integration_id = ? and (?::text is null or status = ?::text)
                 order by id desc limit ?""")) {
            select.setObject(1, id);
            select.setString(2, status);
            select.setString(3, status);
            select.setInt(4, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    batches.add(new IntegrationView.Batch(row.getLong(1), row.getString(2), row.getInt(3), row.getInt(4),
                            (Integer) row.getObject(5), row.getString(6), Jdbc.instant(row.getTimestamp(7)), Jdbc.instant(row.getTimestamp(8)),
                            "pending".equals(row.getString(2)) ? Jdbc.instant(row.getTimestamp(9)) : null, Jdbc.instant(row.getTimestamp(10))));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read the forwarding outbox", e);
        }
        return batches;
    }

    /** Sends the failed and dead-lettered batches again (their bodies, so their de-duplication keys, unchanged). */
    @Transactional
    public int replay(UUID id, Actor actor) {
        require(id);
        int replayed = Jdbc.update(dataSource, "replay forwarded batches", """
                update forward_batches set status = 'pending', attempts = 0, next_attempt_at = ?
                 where integration_id = ? and status in ('failed', 'dead')""", Timestamp.from(clock.instant()), id);
        audit.record(actor, "integration.replayed", "integration", id, null, Map.of("batches", replayed));
        return replayed;
    }

    private static Integration require(UUID id) {
        Integration integration = Integration.findById(id);
        if (integration == null) {
            throw new NotFoundException("integration", id);
        }
        return integration;
    }

    private static void check(IntegrationCommand command, Map<String, String> secrets) {
        Violations violations = new Violations();
        Map<String, String> settings = command.settings() == null ? Map.of() : command.settings();
        Destination destination = Destinations.of(command.platform());
        Destination.checkNames(destination, settings, secrets, violations);
        destination.check(settings, secrets, violations);
        if (command.campaignIds() != null) {
            for (UUID campaignId : command.campaignIds()) {
                violations.check(Campaign.findById(campaignId) != null, "campaign_ids", "no campaign " + campaignId);
            }
        }
        violations.throwIfAny();
    }

    private static void apply(Integration integration, IntegrationCommand command, Instant now) {
        integration.name = command.name();
        integration.platform = command.platform();
        integration.settings = command.settings() == null ? Map.of() : new LinkedHashMap<>(command.settings());
        integration.campaignIds = command.campaignIds() == null ? List.of() : List.copyOf(command.campaignIds());
        integration.includeBots = Boolean.TRUE.equals(command.includeBots());
        integration.enabled = command.enabled() == null || command.enabled();
        integration.updatedAt = now;
    }

    private static IntegrationView.Deliveries empty() {
        return new IntegrationView.Deliveries(0, 0, 0, 0, 0, 0, 0, 0, null, null, null);
    }

    /** The outbox figures per destination (of one, or of all when {@code id} is null), in one pass over its batches. */
    private Map<UUID, IntegrationView.Deliveries> deliveries(UUID id) {
        Map<UUID, IntegrationView.Deliveries> figures = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                select integration_id,
                       coalesce(sum(event_count) filter (where status = 'sent'), 0),
                       coalesce(sum(event_count) filter (where status = 'pending'), 0),
                       coalesce(sum(event_count) filter (where status = 'failed'), 0),
                       coalesce(sum(event_count) filter (where status = 'dead'), 0),
                       count(*) filter (where status = 'sent'), count(*) filter (where status = 'pending'),
                       count(*) filter (where status = 'failed'), count(*) filter (where status = 'dead'),
                       (array_agg(last_error order by last_attempt_at desc) filter (where last_error is not null))[1],
                       max(last_attempt_at) filter (where last_error is not null), max(sent_at)
                  from forward_batches where (?::uuid is null or integration_id = ?::uuid) group by integration_id""")) {
            select.setObject(1, id);
            select.setObject(2, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    figures.put(row.getObject(1, UUID.class), new IntegrationView.Deliveries(row.getLong(2), row.getLong(3), row.getLong(4),
                            row.getLong(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9), row.getString(10),
                            Jdbc.instant(row.getTimestamp(11)), Jdbc.instant(row.getTimestamp(12))));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read the forwarding figures", e);
        }
        return figures;
    }
}
