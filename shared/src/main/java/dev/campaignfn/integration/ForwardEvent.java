package dev.campaignfn.integration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.tracking.EventType;

/**
 * A stored event as the destinations see it: with its campaign's name and currency, its network prefix (never an
 * address) and its custom data.
 */
public record ForwardEvent(long id, UUID eventId, UUID campaignId, String campaignName, String currency, EventType eventType,
        Instant occurredAt, String channel, String audienceSegment, String deviceType, String sessionId, String userId,
        BigDecimal value, String orderId, String conversionType, String utmSource, String utmMedium, String utmCampaign,
        String utmTerm, String utmContent, String referrerUrl, String landingUrl, String userAgent, String ipPrefix,
        Map<String, Object> eventData) {

    /** The campaign as the platforms' campaign fields name it: the UTM campaign when the link had one, else our name. */
    public String campaignLabel() {
        return utmCampaign != null ? utmCampaign : campaignName;
    }

    /** "Campaign Click": the event name where a platform takes free text (Mixpanel, Amplitude, Segment). */
    public String displayName() {
        String type = eventType.wire();
        return "Campaign " + Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }

    /**
     * The network address of the stored prefix ({@code 203.0.113.0} of {@code 203.0.113.0/24}): what a platform that
     * geolocates by IP is given, at most. The raw address was never stored.
     */
    public String networkAddress() {
        if (ipPrefix == null) {
            return null;
        }
        int slash = ipPrefix.indexOf('/');
        return slash < 0 ? ipPrefix : ipPrefix.substring(0, slash);
    }

    /** An id that follows one visitor: the user, else the session, else (a visitor we know nothing of) the event. */
    public String visitorId() {
        return userId != null ? userId : sessionId != null ? sessionId : eventId.toString();
    }

    /** Our fields every free-form destination receives as event properties (nulls left out). */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "campaign_id", campaignId.toString());
        put(p, "campaign_name", campaignName);
        put(p, "channel", channel);
        put(p, "audience_segment", audienceSegment);
        put(p, "device_type", deviceType);
        put(p, "utm_source", utmSource);
        put(p, "utm_medium", utmMedium);
        put(p, "utm_campaign", utmCampaign);
        put(p, "utm_term", utmTerm);
        put(p, "utm_content", utmContent);
        put(p, "value", value);
        put(p, "currency", value == null ? null : currency);
        put(p, "order_id", orderId);
        put(p, "conversion_type", conversionType);
        put(p, "event_id", eventId.toString());
        if (eventData != null && !eventData.isEmpty()) {
            p.put("event_data", eventData);
        }
        return p;
    }

    static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
