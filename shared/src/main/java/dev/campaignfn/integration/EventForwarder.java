package dev.campaignfn.integration;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.campaignfn.common.EventFence;
import dev.campaignfn.common.Backoff;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.JobReport;
import dev.campaignfn.common.WireEnum;
import dev.campaignfn.tracking.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@code integrations} job: forwards accepted events to the destinations through the outbox.
 * <p>
 * <b>Queue.</b> The events table is the source: each destination has a cursor (the last event id it was handed), and
 * events up to the {@link EventFence settled} id are read after it, filtered (its campaigns, consent, bots), turned
 * into the platform's request bodies and inserted as {@code forward_batches} in the same transaction that moves the
 * cursor. So an event is queued once per destination, and ingestion does no extra work at all.
 * <p>
 * <b>Send.</b> Due batches are claimed with a lease (a second worker skips them, a dead one leaves them to be retried)
 * and sent outside any transaction. 2xx: sent. 429: retried when {@code Retry-After} says. 408, 5xx, timeouts: retried
 * with exponential backoff. Any other 4xx is permanent: failed, with the platform's answer kept. Out of attempts:
 * dead. A destination that fails once in a run is not tried again in that run (its other claimed batches wait for
 * its retry time, their attempt not counted), so a dead platform costs one timeout per run and never holds back the
 * others.
 */
@ApplicationScoped
public class EventForwarder {

    private static final Logger LOG = Logger.getLogger(EventForwarder.class);

    /** Events read per query (and transaction) while queueing. */
    static final int CHUNK = 5000;
    /** Chunks one destination queues per run: 100,000 events. */
    static final int CHUNKS_PER_RUN = 20;
    /** How long a run keeps sending due batches before it leaves the rest to the next. */
    static final Duration SENDING_TIME = Duration.ofSeconds(60);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int ERROR_TEXT = 1000;
    /** Batches claimed at once. */
    static final int CLAIM_SIZE = 500;

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    IntegrationSecrets sealing;

    @Inject
    IntegrationsConfig config;

    private volatile HttpClient http;

    public JobReport run() {
        Instant started = clock.instant();
        Map<String, Object> outcome = new LinkedHashMap<>();
        Queued queued = queue();
        outcome.put("events_queued", queued.events());
        outcome.put("batches_queued", queued.batches());
        outcome.put("events_skipped", queued.skipped());
        // rounds of claims until nothing is due or the run's sending time is up (a dead platform's batches wait for their
        // retry time, so they are not claimed again in the same run)
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int dead = 0;
        Instant until = clock.instant().plus(SENDING_TIME);
        Sent round;
        do {
            round = deliverDue(CLAIM_SIZE);
            sent += round.sent();
            retrying += round.retrying();
            failed += round.failed();
            dead += round.dead();
        } while (round.sent() + round.retrying() + round.failed() + round.dead() == CLAIM_SIZE && clock.instant().isBefore(until));
        outcome.put("batches_sent", sent);
        outcome.put("batches_retrying", retrying);
        outcome.put("batches_failed", failed);
        outcome.put("batches_dead", dead);
        return new JobReport("integrations", started, clock.instant(), outcome);
    }

    /** What one queueing pass did. */
    public record Queued(int events, int batches, int skipped) {
    }

    /** What one sending pass did. */
    public record Sent(int sent, int retrying, int failed, int dead) {
    }

    // ------------------------------------------------------------------------------------------ queue

    /** Hands every enabled destination the events settled since its cursor. */
    public Queued queue() {
        int events = 0;
        int batches = 0;
        int skipped = 0;
        try (Connection connection = dataSource.getConnection()) {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select id from integrations where enabled order by created_at");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getObject(1, UUID.class));
                }
            }
            // the fence is taken only when there is somewhere to forward to
            long settled = ids.isEmpty() ? 0 : EventFence.settledId(connection);
            for (UUID id : ids) {
                Queued q = queue(connection, id, settled);
                events += q.events();
                batches += q.batches();
                skipped += q.skipped();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("queue events for the integrations", e);
        }
        return new Queued(events, batches, skipped);
    }

    /**
     * Queues one destination's settled events, a chunk per transaction (the destination's row locked, the batches
     * inserted, the cursor moved, committed), at most {@link #CHUNKS_PER_RUN} chunks: a backlog is worked off over
     * several runs in short transactions and bounded memory.
     */
    private Queued queue(Connection connection, UUID id, long settled) throws SQLException {
        int events = 0;
        int batches = 0;
        int skipped = 0;
        for (int chunk = 0; chunk < CHUNKS_PER_RUN; chunk++) {
            Queued q = queueChunk(connection, id, settled);
            if (q == null) {
                break;
            }
            events += q.events();
            batches += q.batches();
            skipped += q.skipped();
        }
        return new Queued(events, batches, skipped);
    }

    /** One chunk of one destination's events queued and its cursor moved, in one transaction; null when nothing was left. */
    private Queued queueChunk(Connection connection, UUID id, long settled) throws SQLException {
        connection.setAutoCommit(false);
        try {
            Destination destination;
            long cursor;
            UUID[] campaigns;
            boolean bots;
            try (PreparedStatement lock = connection.prepareStatement("""
                    select platform, cursor_event_id, campaign_ids, include_bots from integrations
                     where id = ? and enabled for update skip locked""")) {
                lock.setObject(1, id);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next() || row.getLong(2) >= settled) {
                        connection.rollback();
                        return null;
                    }
                    destination = Destinations.of(WireEnum.parse(IntegrationPlatform.class, row.getString(1), "platform"));
                    cursor = row.getLong(2);
                    campaigns = (UUID[]) row.getArray(3).getArray();
                    bots = row.getBoolean(4);
                }
            }
            Instant now = clock.instant();
            List<ForwardEvent> read = read(connection, cursor, settled, campaigns, bots);
            List<Destination.Batch> batches = destination.batches(read, now);
            int forwarded = batches.stream().mapToInt(Destination.Batch::events).sum();
            for (Destination.Batch batch : batches) {
                insert(connection, id, batch, now);
            }
            try (PreparedStatement move = connection.prepareStatement("update integrations set cursor_event_id = ? where id = ?")) {
                move.setLong(1, read.size() == CHUNK ? read.get(read.size() - 1).id() : settled);
                move.setObject(2, id);
                move.executeUpdate();
            }
            connection.commit();
            return new Queued(forwarded, batches.size(), read.size() - forwarded);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static final String EVENTS = """
            select e.id, e.event_id, e.campaign_id, c.name, c.currency, e.event_type, e.occurred_at, e.channel, e.audience_segment,
                   e.device_type, e.session_id, e.user_id, e.value, e.order_id, e.conversion_type, e.utm_source, e.utm_medium,
                   e.utm_campaign, e.utm_term, e.utm_content, e.referrer_url, e.landing_url, e.user_agent, e.ip_prefix,
                   e.event_data::text
              from campaign_events e join campaigns c on c.id = e.campaign_id
             where e.id > ? and e.id <= ? and e.forwardable and (? or not e.is_bot)
               and (cardinality(?::uuid[]) = 0 or e.campaign_id = any(?::uuid[]))
             order by e.id limit ?""";

    private static List<ForwardEvent> read(Connection connection, long after, long upTo, UUID[] campaigns, boolean bots) throws SQLException {
        List<ForwardEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(EVENTS)) {
            Array scope = connection.createArrayOf("uuid", campaigns);
            select.setLong(1, after);
            select.setLong(2, upTo);
            select.setBoolean(3, bots);
            select.setArray(4, scope);
            select.setArray(5, scope);
            select.setInt(6, CHUNK);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    events.add(new ForwardEvent(r.getLong(1), r.getObject(2, UUID.class), r.getObject(3, UUID.class), r.getString(4),
                            r.getString(5), WireEnum.parse(EventType.class, r.getString(6), "event_type"),
                            r.getTimestamp(7).toInstant(), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                            r.getString(12), r.getBigDecimal(13), r.getString(14), r.getString(15), r.getString(16), r.getString(17),
                            r.getString(18), r.getString(19), r.getString(20), r.getString(21), r.getString(22), r.getString(23),
                            r.getString(24), data(r.getString(25))));
                }
            }
        }
        return events;
    }

    private static Map<String, Object> data(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Destination.JSON.readValue(json, OBJECT);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable stored event_data", e);
        }
    }

    private static void insert(Connection connection, UUID integration, Destination.Batch batch, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into forward_batches (integration_id, body, event_count, next_attempt_at, created_at) values (?, ?, ?, ?, ?)""")) {
            insert.setObject(1, integration);
            insert.setString(2, batch.body());
            insert.setInt(3, batch.events());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------------ send

    /** A claimed batch and where it goes. */
    record Due(long id, UUID integration, int attempts, IntegrationPlatform platform, Map<String, String> settings, String secrets,
            String body) {
    }

    /** A platform's answer to one request, sorted. */
    record Answer(String status, Integer httpStatus, String error, Instant retryAt) {
    }

    public Sent deliverDue(int max) {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int dead = 0;
        Map<UUID, Instant> resting = new HashMap<>();
        Map<UUID, Map<String, String>> secrets = new HashMap<>();
        for (Due due : claim(max)) {
            Instant rest = resting.get(due.integration());
            if (rest != null) {
                update("update forward_batches set attempts = attempts - 1, next_attempt_at = ? where id = ?", Timestamp.from(rest), due.id());
                retrying++;
                continue;
            }
            Answer answer = send(due, secrets.computeIfAbsent(due.integration(), k -> sealing.open(due.secrets())));
            Instant now = clock.instant();
            switch (answer.status()) {
                case "sent" -> {
                    update("update forward_batches set status = 'sent', sent_at = ?, last_status = ?, last_error = null where id = ?",
                            Timestamp.from(now), answer.httpStatus(), due.id());
                    sent++;
                }
                case "failed" -> {
                    update("update forward_batches set status = 'failed', last_status = ?, last_error = ? where id = ?", answer.httpStatus(),
                            answer.error(), due.id());
                    LOG.warnf("integration %s refused batch %d (%s): %s", due.integration(), due.id(), answer.httpStatus(), answer.error());
                    failed++;
                }
                default -> {
                    if (due.attempts() >= config.maxAttempts()) {
                        update("update forward_batches set status = 'dead', last_status = ?, last_error = ? where id = ?", answer.httpStatus(),
                                answer.error(), due.id());
                        LOG.warnf("integration %s: batch %d dead-lettered after %d attempts: %s", due.integration(), due.id(), due.attempts(),
                                answer.error());
                        dead++;
                    } else {
                        Instant retryAt = answer.retryAt() != null ? answer.retryAt() : now.plus(Backoff.after(due.attempts()));
                        update("update forward_batches set next_attempt_at = ?, last_status = ?, last_error = ? where id = ?",
                                Timestamp.from(retryAt), answer.httpStatus(), answer.error(), due.id());
                        resting.put(due.integration(), retryAt);
                        retrying++;
                    }
                }
            }
        }
        return new Sent(sent, retrying, failed, dead);
    }


    private List<Due> claim(int max) {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement claim = connection.prepareStatement("""
                update forward_batches b set attempts = b.attempts + 1, last_attempt_at = ?, next_attempt_at = ?
                  from integrations i
                 where b.id in (select id from forward_batches where status = 'pending' and next_attempt_at <= ?
                                 order by next_attempt_at, id for update skip locked limit ?)
                   and i.id = b.integration_id
                returning b.id, b.integration_id, b.attempts, i.platform, i.settings::text, i.secrets, b.body""")) {
            claim.setTimestamp(1, Timestamp.from(now));
            claim.setTimestamp(2, Timestamp.from(now.plus(LEASE)));
            claim.setTimestamp(3, Timestamp.from(now));
            claim.setInt(4, max);
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    due.add(new Due(row.getLong(1), row.getObject(2, UUID.class), row.getInt(3),
                            WireEnum.parse(IntegrationPlatform.class, row.getString(4), "platform"),
                            Destination.JSON.readValue(row.getString(5), STRINGS), row.getString(6), row.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("claim forwarded batches", e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable integration settings", e);
        }
        due.sort(java.util.Comparator.comparingLong(Due::id));
        return due;
    }

    Answer send(Due due, Map<String, String> secrets) {
        try {
            var request = Destinations.of(due.platform()).request(due.body(), due.settings(), secrets, config)
                    .timeout(config.timeout()).header("User-Agent", "campaign-functions-integrations/1").build();
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String answer = cut("the platform answered " + status + (response.body() == null || response.body().isBlank() ? ""
                    : ": " + response.body()));
            if (status / 100 == 2) {
                return new Answer("sent", status, null, null);
            }
            if (status == 429) {
                return new Answer("retry", status, answer, retryAfter(response.headers()));
            }
            if (status == 408 || status / 100 == 5) {
                return new Answer("retry", status, answer, null);
            }
            return new Answer("failed", status, answer, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer("retry", null, "interrupted", null);
        } catch (Exception e) {
            return new Answer("retry", null, cut(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())), null);
        }
    }

    Instant retryAfter(HttpHeaders headers) {
        return Backoff.retryAfter(headers.firstValue("Retry-After").orElse(null), clock.instant());
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    private static String cut(String text) {
        return text.length() > ERROR_TEXT ? text.substring(0, ERROR_TEXT) : text;
    }

    private void update(String sql, Object... values) {
        Jdbc.update(dataSource, "record a forwarded batch", sql, values);
    }

}
