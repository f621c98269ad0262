package dev.campaignfn.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One event as a site, an e-mail or a server sends it: seed 004's track_campaign_event fields plus
 * {@code event_id} (the client's UUID, for idempotency), {@code occurred_at}, conversion fields and UTM, and
 * {@code forwarding_consent} (false: store and count it, never forward it to the analytics integrations).
 * Nothing here is trusted: {@link EventNormalizer} checks every field.
 */
// read by reflection outside the REST layer too: the imports job binds imported lines to it
@RegisterForReflection
public record TrackEvent(
        UUID eventId,
        UUID campaignId,
        EventType eventType,
        Instant occurredAt,
        Map<String, Object> eventData,
        String audienceSegment,
        String channel,
        DeviceType deviceType,
        String userAgent,
        String ipAddress,
        String referrerUrl,
        String landingUrl,
        String sessionId,
        String userId,
        BigDecimal value,
        String currency,
        String orderId,
        String conversionType,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmTerm,
        String utmContent,
        String utmId,
        Boolean forwardingConsent) {

    /** An event that says nothing about forwarding consent (forwarded, as the default is). */
    public TrackEvent(UUID eventId, UUID campaignId, EventType eventType, Instant occurredAt, Map<String, Object> eventData,
            String audienceSegment, String channel, DeviceType deviceType, String userAgent, String ipAddress,
            String referrerUrl, String landingUrl, String sessionId, String userId, BigDecimal value, String currency,
            String orderId, String conversionType, String utmSource, String utmMedium, String utmCampaign, String utmTerm,
            String utmContent, String utmId) {
        this(eventId, campaignId, eventType, occurredAt, eventData, audienceSegment, channel, deviceType, userAgent, ipAddress,
                referrerUrl, landingUrl, sessionId, userId, value, currency, orderId, conversionType, utmSource, utmMedium,
                utmCampaign, utmTerm, utmContent, utmId, null);
    }
}
