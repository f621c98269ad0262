package dev.campaignfn.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.campaignfn.common.EventFence;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.SqlArrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes events: one multi-row statement for a whole batch, one transaction, one round trip. An event
 * is (event_id, occurred_at): a retry or a concurrent copy meets the unique index and is skipped;
 * conversions first claim their order id per campaign, and only those that won it are inserted. The
 * insert takes the shared side of the {@link EventFence} before it draws any id from the sequence.
 */
@ApplicationScoped
public class EventStore {

    public static final String ACCEPTED = "accepted";

    /**
     * Groups up to this size bind one parameter per value; larger ones bind one array per column,
     * because the driver's cost grows with the number of parameters (12,500 for 500 events).
     */
    static final int MAX_ROWS_AS_VALUES = 16;

    /** One row of the input: the parameters bind in this order (see {@link #bind}). */
    static final String ROW = "(?::uuid, ?::uuid, ?, ?::timestamptz, ?, ?, ?, ?, ?, ?::numeric, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?::uuid, ?::boolean, ?::boolean, ?::jsonb)";

    static final String COLUMNS = """
            event_id, campaign_id, event_type, occurred_at, channel, audience_segment, device_type, session_id, user_id,
            value, order_id, conversion_type, utm_source, utm_medium, utm_campaign, utm_term, utm_content, utm_id,
            referrer_url, landing_url, user_agent, ip_prefix, link_id, is_bot, forwardable, event_data""";

    /** The same columns as arrays: one parameter each, whatever the number of rows. */
    static final String ARRAYS = """
            select u.event_id, u.campaign_id, u.event_type, u.occurred_at::timestamptz, u.channel, u.audience_segment,
                   u.device_type, u.session_id, u.user_id, u.value::numeric, u.order_id, u.conversion_type, u.utm_source,
                   u.utm_medium, u.utm_campaign, u.utm_term, u.utm_content, u.utm_id, u.referrer_url, u.landing_url,
                   u.user_agent, u.ip_prefix, u.link_id, u.is_bot, u.forwardable, u.event_data::jsonb
              from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::boolean[], ?::boolean[], ?::text[])
                as u(%s)""".formatted(COLUMNS);

    static final String INPUT = """
            input (%s) as (%s)""";

    /** Only groups with an order id carry the order claim; the rest skip it. */
    static final String ORDERS = """
            ,
            orders as (
              insert into conversion_orders (campaign_id, order_id, event_id, recorded_at)
              select campaign_id, order_id, event_id, ?::timestamptz from input
               where order_id is not null and event_type = 'conversion'
              on conflict do nothing
              returning event_id
            )""";

    /** %1$s: the fence key; %2$s: the order condition (or nothing); %3$s: the order claims answered (or nothing). */
    static final String STORED = """
            ,
            stored as (
              insert into campaign_events (event_id, campaign_id, event_type, occurred_at, received_at, channel,
                                           audience_segment, device_type, session_id, user_id, value, order_id,
                                           conversion_type, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
                                           utm_id, referrer_url, landing_url, user_agent, ip_prefix, link_id, is_bot, forwardable,
                                           event_data)
              select i.event_id, i.campaign_id, i.event_type, i.occurred_at, ?::timestamptz, i.channel, i.audience_segment,
                     i.device_type, i.session_id, i.user_id, i.value, i.order_id, i.conversion_type, i.utm_source,
                     i.utm_medium, i.utm_campaign, i.utm_term, i.utm_content, i.utm_id, i.referrer_url, i.landing_url,
                     i.user_agent, i.ip_prefix, i.link_id, i.is_bot, i.forwardable, i.event_data
                from input i
               where pg_advisory_xact_lock_shared(%1$d) is not null %2$s
              on conflict (event_id, occurred_at) do nothing
              returning event_id
            )
            select event_id, true from stored %3$s
            """;

    /** Events sent with an id but no time: one lock per id, then the times earlier copies were stored with. */
    static final String LOCK_IDS = "select pg_advisory_xact_lock(hashtextextended(id::text, 0)) from unnest(?::uuid[]) id order by id";
    static final String EARLIER_COPIES = """
            select event_id, min(occurred_at) from campaign_events
             where event_id = any(?::uuid[]) and occurred_at >= ? group by event_id
            """;

    /** The statement text per batch size (and order claim): built once, so the driver reuses its plan. */
    private final Map<Integer, String> statements = new ConcurrentHashMap<>();

    @Inject
    DataSource dataSource;

    @Inject
    TrackingConfig config;

    /**
     * Stores events with distinct event ids; answers, per event id, accepted or the duplicate reason.
     * An event sent with an id but without a time cannot be found by (event_id, occurred_at): it is
     * first matched to an earlier copy by id (under a lock on the id, so two copies sent at once meet)
     * and takes that copy's time, which makes it the duplicate it is.
     */
    public Map<UUID, String> store(List<StoredEvent> events, Instant receivedAt) {
        if (events.isEmpty()) {
            return new HashMap<>();
        }
        List<UUID> unplaced = events.stream().filter(e -> e.clientId() && e.stamped()).map(StoredEvent::eventId).toList();
        try (Connection connection = dataSource.getConnection()) {
            if (unplaced.isEmpty()) {
                return insert(connection, events, receivedAt);
            }
            connection.setAutoCommit(false);
            try {
                Map<UUID, String> outcomes = insert(connection, placed(connection, events, unplaced, receivedAt), receivedAt);
                connection.commit();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("store " + events.size() + " events", e);
        }
    }

    /** The events, those that were sent before taking the time of their earlier copy. */
    private List<StoredEvent> placed(Connection connection, List<StoredEvent> events, List<UUID> unplaced, Instant receivedAt)
            throws SQLException {
        String ids = SqlArrays.literal(unplaced.toArray());
        try (PreparedStatement lock = connection.prepareStatement(LOCK_IDS)) {
            lock.setString(1, ids);
            lock.execute();
        }
        Map<UUID, Instant> earlier = new HashMap<>();
        try (PreparedStatement find = connection.prepareStatement(EARLIER_COPIES)) {
            find.setString(1, ids);
            find.setTimestamp(2, Timestamp.from(receivedAt.minus(config.maxEventAge()).minus(config.futureSkew())));
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    earlier.put(rows.getObject(1, UUID.class), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return events.stream().map(e -> e.stamped() && earlier.containsKey(e.eventId()) ? e.at(earlier.get(e.eventId())) : e)
                .toList();
    }

    private Map<UUID, String> insert(Connection connection, List<StoredEvent> events, Instant receivedAt) throws SQLException {
        boolean orders = events.stream().anyMatch(e -> e.orderId() != null && e.eventType() == EventType.CONVERSION);
        boolean asArrays = events.size() > MAX_ROWS_AS_VALUES;
        int shape = asArrays ? Integer.MAX_VALUE : events.size();
        String sql = statements.computeIfAbsent(orders ? -shape : shape, key -> {
            String input = ARRAYS;
            if (!asArrays) {
                StringJoiner rows = new StringJoiner(", ", "values ", "");
                for (int i = 0; i < events.size(); i++) {
                    rows.add(ROW);
                }
                input = rows.toString();
            }
            return "with " + INPUT.formatted(COLUMNS, input) + (orders ? ORDERS : "") + STORED.formatted(EventFence.KEY,
                    orders ? "and (i.order_id is null or i.event_type <> 'conversion' or i.event_id in (select event_id from orders))"
                            : "",
                    orders ? "union all select event_id, false from orders" : "");
        });
        Timestamp at = Timestamp.from(receivedAt);
        Map<UUID, String> outcomes = new HashMap<>();
        Set<UUID> claimed = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int p = asArrays ? bindArrays(insert, events) : 1;
            if (!asArrays) {
                for (StoredEvent event : events) {
                    p = bind(insert, p, event);
                }
            }
            if (orders) {
                insert.setTimestamp(p++, at);
            }
            insert.setTimestamp(p, at);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    if (rows.getBoolean(2)) {
                        outcomes.put(id, ACCEPTED);
                    } else {
                        claimed.add(id);
                    }
                }
            }
        }
        for (StoredEvent event : events) {
            boolean lostOrder = event.orderId() != null && event.eventType() == EventType.CONVERSION && !claimed.contains(event.eventId());
            outcomes.putIfAbsent(event.eventId(), lostOrder ? EventOutcome.DUPLICATE_ORDER_ID : EventOutcome.DUPLICATE_EVENT_ID);
        }
        return outcomes;
    }

    /** Binds the 26 column arrays; answers the next parameter index. */
    private static int bindArrays(PreparedStatement insert, List<StoredEvent> events) throws SQLException {
        int n = events.size();
        UUID[] eventIds = new UUID[n];
        UUID[] campaignIds = new UUID[n];
        UUID[] linkIds = new UUID[n];
        Boolean[] bots = new Boolean[n];
        Boolean[] forwardable = new Boolean[n];
        String[][] text = new String[21][n];
        for (int i = 0; i < n; i++) {
            StoredEvent e = events.get(i);
            eventIds[i] = e.eventId();
            campaignIds[i] = e.campaignId();
            linkIds[i] = e.linkId();
            bots[i] = e.bot();
            forwardable[i] = e.forwardable();
            String[] row = texts(e);
            for (int c = 0; c < row.length; c++) {
                text[c][i] = row[c];
            }
        }
        int p = 1;
        insert.setString(p++, SqlArrays.literal(eventIds));
        insert.setString(p++, SqlArrays.literal(campaignIds));
        for (int c = 0; c < 20; c++) {
            insert.setString(p++, SqlArrays.literal(text[c]));
        }
        insert.setString(p++, SqlArrays.literal(linkIds));
        insert.setString(p++, SqlArrays.literal(bots));
        insert.setString(p++, SqlArrays.literal(forwardable));
        insert.setString(p++, SqlArrays.literal(text[20]));
        return p;
    }

    /** The text columns of an event, in column order from event_type to ip_prefix, then event_data. */
    private static String[] texts(StoredEvent e) {
        return new String[] { e.eventType().wire(), e.occurredAt().toString(), e.channel(), e.audienceSegment(),
                e.deviceType() == null ? null : e.deviceType().wire(), e.sessionId(), e.userId(),
                e.value() == null ? null : e.value().toPlainString(), e.orderId(), e.conversionType(), e.utm().source(),
                e.utm().medium(), e.utm().campaign(), e.utm().term(), e.utm().content(), e.utm().id(), e.referrerUrl(),
                e.landingUrl(), e.userAgent(), e.ipPrefix(), e.eventDataJson() };
    }

    private static int bind(PreparedStatement insert, int p, StoredEvent e) throws SQLException {
        insert.setObject(p++, e.eventId());
        insert.setObject(p++, e.campaignId());
        String[] text = texts(e);
        for (int c = 0; c < 20; c++) {
            insert.setString(p++, text[c]);
        }
        if (e.linkId() == null) {
            insert.setNull(p++, Types.OTHER);
        } else {
            insert.setObject(p++, e.linkId());
        }
        insert.setBoolean(p++, e.bot());
        insert.setBoolean(p++, e.forwardable());
        insert.setString(p++, text[20]);
        return p;
    }

}
