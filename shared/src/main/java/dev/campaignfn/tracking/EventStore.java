package dev.campaignfn.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes events: one statement for a whole batch (arrays unnested into one multi-row insert), one
 * transaction, one round trip. In that statement the event ids are claimed in {@code event_keys}
 * (a retry or a concurrent copy finds its id taken), conversions claim their order id per campaign,
 * and only events that won both are inserted, behind the shared side of the {@link EventFence}.
 */
@ApplicationScoped
public class EventStore {

    public static final String ACCEPTED = "accepted";

    static final String INSERT = """
            with fence as (select pg_advisory_xact_lock_shared(%d) as held),
            input as (
              select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                   ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                   ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::boolean[],
                                   ?::text[])
                as t(event_id, campaign_id, event_type, occurred_at, channel, audience_segment, device_type, session_id,
                     user_id, value, order_id, conversion_type, utm_source, utm_medium, utm_campaign, utm_term,
                     utm_content, utm_id, referrer_url, landing_url, user_agent, ip_prefix, link_id, is_bot, event_data)
            ),
            received as (select ?::timestamptz as at),
            keys as (
              insert into event_keys (event_id, received_at)
              select i.event_id, r.at from input i cross join received r cross join fence
              on conflict do nothing
              returning event_id
            ),
            orders as (
              insert into conversion_orders (campaign_id, order_id, event_id, recorded_at)
              select i.campaign_id, i.order_id, i.event_id, r.at from input i join keys k using (event_id) cross join received r
               where i.order_id is not null and i.event_type = 'conversion'
              on conflict do nothing
              returning event_id
            ),
            stored as (
              insert into campaign_events (event_id, campaign_id, event_type, occurred_at, received_at, channel,
                                           audience_segment, device_type, session_id, user_id, value, order_id,
                                           conversion_type, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
                                           utm_id, referrer_url, landing_url, user_agent, ip_prefix, link_id, is_bot, event_data)
              select i.event_id, i.campaign_id, i.event_type, i.occurred_at::timestamptz, r.at, i.channel, i.audience_segment,
                     i.device_type, i.session_id, i.user_id, i.value::numeric, i.order_id, i.conversion_type, i.utm_source,
                     i.utm_medium, i.utm_campaign, i.utm_term, i.utm_content, i.utm_id, i.referrer_url, i.landing_url,
                     i.user_agent, i.ip_prefix, i.link_id, i.is_bot, i.event_data::jsonb
                from input i join keys k using (event_id) cross join received r cross join fence
               where i.order_id is null or i.event_type <> 'conversion' or i.event_id in (select event_id from orders)
              returning event_id
            )
            select i.event_id,
                   case when s.event_id is not null then 'accepted'
                        when k.event_id is null then 'duplicate_event_id'
                        else 'duplicate_order_id' end
              from input i left join keys k using (event_id) left join stored s using (event_id)
            """.formatted(EventFence.KEY);

    @Inject
    DataSource dataSource;

    /** Stores events with distinct event ids; answers, per event id, accepted or the duplicate reason. */
    public Map<UUID, String> store(List<StoredEvent> events, Instant receivedAt) {
        Map<UUID, String> outcomes = new HashMap<>();
        if (events.isEmpty()) {
            return outcomes;
        }
        int n = events.size();
        UUID[] eventIds = new UUID[n];
        UUID[] campaignIds = new UUID[n];
        UUID[] linkIds = new UUID[n];
        Boolean[] bots = new Boolean[n];
        String[][] text = new String[21][n];
        for (int i = 0; i < n; i++) {
            StoredEvent e = events.get(i);
            eventIds[i] = e.eventId();
            campaignIds[i] = e.campaignId();
            linkIds[i] = e.linkId();
            bots[i] = e.bot();
            String[] row = { e.eventType().wire(), e.occurredAt().toString(), e.channel(), e.audienceSegment(),
                    e.deviceType() == null ? null : e.deviceType().wire(), e.sessionId(), e.userId(),
                    e.value() == null ? null : e.value().toPlainString(), e.orderId(), e.conversionType(), e.utm().source(),
                    e.utm().medium(), e.utm().campaign(), e.utm().term(), e.utm().content(), e.utm().id(), e.referrerUrl(),
                    e.landingUrl(), e.userAgent(), e.ipPrefix(), e.eventDataJson() };
            for (int c = 0; c < row.length; c++) {
                text[c][i] = row[c];
            }
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int p = 1;
            insert.setArray(p++, connection.createArrayOf("uuid", eventIds));
            insert.setArray(p++, connection.createArrayOf("uuid", campaignIds));
            for (int c = 0; c < 20; c++) {
                insert.setArray(p++, connection.createArrayOf("text", text[c]));
            }
            insert.setArray(p++, connection.createArrayOf("uuid", linkIds));
            insert.setArray(p++, connection.createArrayOf("boolean", bots));
            insert.setArray(p++, connection.createArrayOf("text", text[20]));
            insert.setTimestamp(p, Timestamp.from(receivedAt));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    outcomes.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store " + n + " events", e);
        }
        return outcomes;
    }
}
