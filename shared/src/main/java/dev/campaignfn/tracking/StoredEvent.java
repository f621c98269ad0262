package dev.campaignfn.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An event as it is stored: checked, with its channel, device and bot flag settled and no raw IP.
 * {@code stamped} says the server chose occurred_at because the client sent none; {@code clientId}
 * that the event_id came from the client (so a copy may already be stored); {@code forwardable} false that
 * the sender withheld consent to forward it to the analytics integrations.
 */
public record StoredEvent(UUID eventId, UUID campaignId, EventType eventType, Instant occurredAt, String channel,
        String audienceSegment, DeviceType deviceType, String sessionId, String userId, BigDecimal value, String orderId,
        String conversionType, Utm utm, String referrerUrl, String landingUrl, String userAgent, String ipPrefix,
        UUID linkId, boolean bot, boolean forwardable, String eventDataJson, boolean clientId, boolean stamped) {

    /** The same event at another time: the occurrence an earlier copy was stored with. */
    public StoredEvent at(Instant storedOccurrence) {
        return new StoredEvent(eventId, campaignId, eventType, storedOccurrence, channel, audienceSegment, deviceType, sessionId,
                userId, value, orderId, conversionType, utm, referrerUrl, landingUrl, userAgent, ipPrefix, linkId, bot,
                forwardable, eventDataJson, clientId, false);
    }
}
