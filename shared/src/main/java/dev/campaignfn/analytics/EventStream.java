package dev.campaignfn.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.common.EventFence;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.Rfc3339;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.WireEnum;
import dev.campaignfn.tracking.DeviceType;
import dev.campaignfn.tracking.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Seed 004's live event stream, with a cursor that never skips or repeats an event. Events get
 * increasing sequence numbers as they are inserted, but commit out of order; a page therefore only
 * reaches up to the last settled number (see {@link EventFence}), and the cursor it answers
 * ({@code last_updated}) is where the next page starts. The first page (no cursor, or seed 004's
 * timestamp) holds the newest events.
 */
@ApplicationScoped
public class EventStream {

    public record StreamPage(List<StreamEvent> events, String lastUpdated, boolean hasMore) {
    }

    /**
     * An event as the stream shows it: seed 004's fields, the campaign's name (flat, and as the seed's
     * join nests it: {@code marketing_campaigns.campaign_name}) and currency, and its sequence number.
     */
    public record StreamEvent(long sequence, UUID id, UUID campaignId, String campaignName, EventType eventType, JsonNode eventData,
            String audienceSegment, String channel, DeviceType deviceType, BigDecimal value, String currency, Instant occurredAt,
            Instant createdAt, boolean isBot, JoinedCampaign marketingCampaigns) {
    }

    /** The campaign columns seed 004's stream query joins in. */
    public record JoinedCampaign(String campaignName) {
    }

    public static final int DEFAULT_LIMIT = 50;

    static final String COLUMNS = """
            select e.id, e.event_id, e.campaign_id, c.name, e.event_type, e.event_data::text, e.audience_segment, e.channel,
                   e.device_type, e.value, c.currency, e.occurred_at, e.received_at, e.is_bot
              from campaign_events e join campaigns c on c.id = e.campaign_id
            """;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    AnalyticsConfig config;

    /**
     * @param campaignId only this campaign's events, or null for all
     * @param lastUpdated the cursor of the previous page, an ISO instant (events received after it), or null
     */
    public StreamPage page(UUID campaignId, String lastUpdated, Integer limit, boolean includeBots) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > config.maxStreamPage()) {
            throw ValidationException.of("limit", "must be between 1 and " + config.maxStreamPage());
        }
        Long cursor = null;
        Instant since = null;
        if (lastUpdated != null && !lastUpdated.isBlank()) {
            String value = lastUpdated.strip();
            if (value.chars().allMatch(Character::isDigit) && value.length() <= 18) {
                cursor = Long.parseLong(value);
            } else {
                since = Rfc3339.instant(value);
                if (since == null) {
                    throw ValidationException.of("last_updated", "must be the last_updated of a previous page or " + Rfc3339.EXPECTED);
                }
            }
        }
        if (campaignId != null) {
            Campaign.require(campaignId);
        }
        String filter = (campaignId == null ? "" : " and e.campaign_id = ?") + (includeBots ? "" : " and not e.is_bot");
        try (Connection connection = dataSource.getConnection()) {
            long settled = EventFence.settledId(connection);
            List<StreamEvent> events = new ArrayList<>();
            if (cursor != null) {
                String sql = COLUMNS + " where e.id > ? and e.id <= ?" + filter + " order by e.id limit ?";
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    int p = 1;
                    select.setLong(p++, cursor);
                    select.setLong(p++, settled);
                    if (campaignId != null) {
                        select.setObject(p++, campaignId);
                    }
                    select.setInt(p, size);
                    read(select, events);
                }
                boolean full = events.size() == size;
                long next = full ? events.get(events.size() - 1).sequence() : Math.max(cursor, settled);
                Collections.reverse(events);
                return new StreamPage(events, String.valueOf(next), full);
            }
            // the first page: the newest events up to the settled point; what follows starts after it
            String order = campaignId == null ? " order by e.id desc" : " order by e.occurred_at desc, e.id desc";
            String sql = COLUMNS + " where e.id <= ?" + (since == null ? "" : " and e.received_at > ?") + filter + order + " limit ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int p = 1;
                select.setLong(p++, settled);
                if (since != null) {
                    select.setTimestamp(p++, Timestamp.from(since));
                }
                if (campaignId != null) {
                    select.setObject(p++, campaignId);
                }
                select.setInt(p, size);
                read(select, events);
            }
            return new StreamPage(events, String.valueOf(settled), false);
        } catch (SQLException e) {
            throw Jdbc.failure("read the event stream", e);
        }
    }

    /** A page of a campaign's events, newest first, and where the next (older) page starts. */
    public record EventPage(List<StreamEvent> events, String nextCursor, boolean hasMore) {
    }

    /**
     * What {@link #list} selects: seed 000's getEvents filters (event types, channel, an occurred_at range
     * {@code [from, to)}), bots in or out.
     */
    public record EventFilter(List<EventType> eventTypes, String channel, Instant from, Instant to, boolean includeBots) {
    }

    /**
     * Seed 000's getEvents: a campaign's events, newest first (by occurred_at, then sequence), a page at a
     * time. The cursor names the last event answered ({@code <occurred_at in microseconds>.<sequence>}); the
     * next page holds the events strictly before it, so an event stored meanwhile never shifts a page.
     */
    public EventPage list(UUID campaignId, EventFilter filter, Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > config.maxStreamPage()) {
            throw ValidationException.of("limit", "must be between 1 and " + config.maxStreamPage());
        }
        if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
            throw ValidationException.of("end_date", "must not be before start_date");
        }
        long[] after = cursor == null || cursor.isBlank() ? null : cursor(cursor.strip());
        Campaign.require(campaignId);
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where e.campaign_id = ?");
        List<Object> values = new ArrayList<>(List.of(campaignId));
        if (!filter.eventTypes().isEmpty()) {
            sql.append(" and e.event_type = any(?)");
            values.add(filter.eventTypes().stream().map(EventType::wire).toArray(String[]::new));
        }
        if (filter.channel() != null) {
            sql.append(" and e.channel = ?");
            values.add(filter.channel());
        }
        if (filter.from() != null) {
            sql.append(" and e.occurred_at >= ?");
            values.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and e.occurred_at < ?");
            values.add(Timestamp.from(filter.to()));
        }
        if (!filter.includeBots()) {
            sql.append(" and not e.is_bot");
        }
        if (after != null) {
            sql.append(" and (e.occurred_at, e.id) < (?, ?)");
            values.add(Timestamp.from(Instant.EPOCH.plus(after[0], java.time.temporal.ChronoUnit.MICROS)));
            values.add(after[1]);
        }
        sql.append(" order by e.occurred_at desc, e.id desc limit ?");
        values.add(size + 1);
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof String[] array) {
                    select.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    select.setObject(i + 1, value);
                }
            }
            List<StreamEvent> events = new ArrayList<>();
            read(select, events);
            boolean more = events.size() > size;
            if (more) {
                events.remove(size);
            }
            String next = null;
            if (more) {
                StreamEvent last = events.get(events.size() - 1);
                next = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, last.occurredAt()) + "." + last.sequence();
            }
            return new EventPage(events, next, more);
        } catch (SQLException e) {
            throw Jdbc.failure("list the campaign's events", e);
        }
    }

    private static long[] cursor(String text) {
        String[] parts = text.split("\\.", -1);
        try {
            // micros since the epoch, kept inside timestamptz's years 1 to 9999
            if (parts.length == 2 && parts[0].length() <= 18) {
                long micros = Long.parseLong(parts[0]);
                if (micros >= -62_135_596_800_000_000L && micros <= 253_402_300_799_999_999L) {
                    return new long[] { micros, Long.parseLong(parts[1]) };
                }
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ValidationException.of("cursor", "must be the next_cursor of a previous page");
    }

    private void read(PreparedStatement select, List<StreamEvent> events) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String device = rows.getString(9);
                events.add(new StreamEvent(rows.getLong(1), rows.getObject(2, UUID.class), rows.getObject(3, UUID.class),
                        rows.getString(4), WireEnum.parse(EventType.class, rows.getString(5), "event_type"), eventData(rows.getString(6)),
                        rows.getString(7), rows.getString(8), device == null ? null : WireEnum.parse(DeviceType.class, device, "device_type"),
                        rows.getBigDecimal(10), rows.getString(11), rows.getTimestamp(12).toInstant(), rows.getTimestamp(13).toInstant(),
                        rows.getBoolean(14), new JoinedCampaign(rows.getString(4))));
            }
        }
    }

    private JsonNode eventData(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event_data is not JSON", e);
        }
    }
}
