package dev.campaignfn.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An event as it is stored: checked, with its channel, device and bot flag settled and no raw IP. */
public record StoredEvent(UUID eventId, UUID campaignId, EventType eventType, Instant occurredAt, String channel,
        String audienceSegment, DeviceType deviceType, String sessionId, String userId, BigDecimal value, String orderId,
        String conversionType, Utm utm, String referrerUrl, String landingUrl, String userAgent, String ipPrefix,
        UUID linkId, boolean bot, String eventDataJson) {
}
