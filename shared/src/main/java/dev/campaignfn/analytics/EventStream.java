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
import dev.campaignfn.common.Rfc3339;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.WireEnum;
import dev.campaignfn.tracking.DeviceType;
import dev.campaignfn.tracking.EventFence;
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
            throw new IllegalStateException("could not read the event stream", e);
        }
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
