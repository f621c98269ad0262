package dev.campaignfn.tracking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.Channels;
import dev.campaignfn.common.StorableText;
import dev.campaignfn.tracking.CampaignDirectory.CampaignInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks one event against every ingestion rule and settles what gets stored: the event time, the
 * channel (sent, or derived by {@link ChannelGrouping}), the device and bot flag (from the user
 * agent), the UTM values and the address prefix. Identifiers that are too long are refused; free text
 * (user agent, URLs) is cut to its column.
 */
@ApplicationScoped
public class EventNormalizer {

    private static final Pattern CHANNEL = Pattern.compile(Channels.ID_PATTERN);
    private static final int USER_AGENT_LENGTH = 512;
    private static final int URL_LENGTH = 2048;

    /** The result: the event to store, or why not. */
    public record Checked(StoredEvent event, Rejection rejection) {
        static Checked reject(String reason, String field, String message) {
            return new Checked(null, new Rejection(reason, field, message));
        }
    }

    @Inject
    TrackingConfig config;

    @Inject
    ObjectMapper json;

    /** The rules in the order their rejections win; then what is stored. */
    public Checked check(TrackEvent e, CampaignInfo campaign, ClientContext client, Instant now) {
        Checked refused = identity(e, campaign);
        if (refused == null && client.backfill() && e.occurredAt() == null) {
            refused = Checked.reject(Rejection.MISSING_FIELD, "occurred_at", "an imported event must say when it occurred");
        }
        if (refused == null && !client.backfill()) {
            refused = acceptance(campaign, now);
        }
        Instant occurredAt = e.occurredAt() == null ? now : e.occurredAt();
        if (refused == null) {
            refused = timing(occurredAt, now, client.backfill());
        }
        if (refused == null) {
            refused = conversionOnly(e);
        }
        if (refused == null) {
            refused = valueAndCurrency(e, campaign);
        }
        if (refused == null) {
            refused = firstTooLong(e);
        }
        if (refused == null) {
            refused = firstUnstorable(e);
        }
        String channel = e.channel() == null || e.channel().isBlank() ? null : e.channel().strip().toLowerCase(Locale.ROOT);
        if (refused == null && channel != null && !CHANNEL.matcher(channel).matches()) {
            refused = Checked.reject(Rejection.INVALID_FIELD, "channel", "channel " + Channels.ID_RULE);
        }
        if (refused != null) {
            return refused;
        }
        String eventData = null;
        if (e.eventData() != null) {
            try {
                eventData = json.writeValueAsString(e.eventData());
            } catch (JsonProcessingException ex) {
                return Checked.reject(Rejection.INVALID_FIELD, "event_data", "event_data is not serializable JSON");
            }
            if (eventData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > config.maxEventDataBytes()) {
                return Checked.reject(Rejection.EVENT_DATA_TOO_LARGE, "event_data", "event_data is larger than "
                        + config.maxEventDataBytes() + " bytes");
            }
        }
        if (e.ipAddress() != null && !IpAddresses.isLiteral(e.ipAddress())) {
            return Checked.reject(Rejection.INVALID_FIELD, "ip_address", "ip_address must be an IPv4 or IPv6 address");
        }
        return new Checked(stored(e, occurredAt, channel, eventData, client), null);
    }

    /** What is stored of an event that passed every rule: text trimmed and cut, derived fields settled. */
    private static StoredEvent stored(TrackEvent e, Instant occurredAt, String channel, String eventData, ClientContext client) {
        String ip = e.ipAddress() == null && client.browserHit() ? client.sourceIp() : e.ipAddress();
        String userAgent = blankToNull(e.userAgent() != null ? e.userAgent() : client.userAgent());
        String referrer = blankToNull(e.referrerUrl() != null ? e.referrerUrl() : client.referrer());
        String landing = blankToNull(e.landingUrl());
        Utm utm = new Utm(blankToNull(e.utmSource()), blankToNull(e.utmMedium()), blankToNull(e.utmCampaign()),
                blankToNull(e.utmTerm()), blankToNull(e.utmContent()), blankToNull(e.utmId())).orFrom(landing);
        if (channel == null) {
            channel = ChannelGrouping.channelOf(utm, referrer);
        }
        UserAgents.Reading agent = UserAgents.read(userAgent);
        boolean bot = agent.bot() || (client.browserHit() && userAgent == null);
        DeviceType device = e.deviceType() != null ? e.deviceType() : agent.device();
        BigDecimal value = e.value() == null ? null : e.value().setScale(2, java.math.RoundingMode.UNNECESSARY);
        return new StoredEvent(e.eventId() != null ? e.eventId() : UUID.randomUUID(), e.campaignId(), e.eventType(),
                occurredAt, channel, blankToNull(e.audienceSegment()), device, blankToNull(e.sessionId()),
                blankToNull(e.userId()), value, blankToNull(e.orderId()), blankToNull(e.conversionType()), utm,
                cut(referrer, URL_LENGTH), cut(landing, URL_LENGTH), cut(userAgent, USER_AGENT_LENGTH), IpAddresses.prefix(ip),
                client.linkId(), bot, !Boolean.FALSE.equals(e.forwardingConsent()), eventData, e.eventId() != null, e.occurredAt() == null);
    }

    /** The campaign and the event type are given, and the campaign exists. */
    private static Checked identity(TrackEvent e, CampaignInfo campaign) {
        if (e.campaignId() == null) {
            return Checked.reject(Rejection.MISSING_FIELD, "campaign_id", "campaign_id is required");
        }
        if (e.eventType() == null) {
            return Checked.reject(Rejection.MISSING_FIELD, "event_type", "event_type is required (impression, view, click, conversion)");
        }
        if (campaign == null) {
            return Checked.reject(Rejection.UNKNOWN_CAMPAIGN, "campaign_id", "no campaign " + e.campaignId());
        }
        return null;
    }

    /** The event time is neither ahead of the clock (past the allowed skew) nor older than the oldest accepted (but in an import). */
    private Checked timing(Instant occurredAt, Instant now, boolean backfill) {
        if (occurredAt.isAfter(now.plus(config.futureSkew()))) {
            return Checked.reject(Rejection.OCCURRED_IN_FUTURE, "occurred_at", "occurred_at is ahead of the server clock by more than "
                    + config.futureSkew());
        }
        if (!backfill && occurredAt.isBefore(now.minus(config.maxEventAge()))) {
            return Checked.reject(Rejection.OCCURRED_TOO_OLD, "occurred_at", "events older than " + config.maxEventAge()
                    + " are not accepted");
        }
        return null;
    }

    /** Only conversions carry a value, an order id, a conversion type or a currency. */
    private static Checked conversionOnly(TrackEvent e) {
        if (e.eventType() == EventType.CONVERSION) {
            return null;
        }
        if (e.value() != null) {
            return Checked.reject(Rejection.VALUE_NOT_ALLOWED, "value", "only conversions carry a value");
        }
        for (String[] field : new String[][] { { "order_id", e.orderId() }, { "conversion_type", e.conversionType() },
                { "currency", e.currency() } }) {
            if (field[1] != null) {
                return Checked.reject(Rejection.FIELD_NOT_ALLOWED, field[0], field[0] + " is for conversions only");
            }
        }
        return null;
    }

    /** A value is money: 0 up to the maximum, at most 2 decimals, in the campaign's currency. */
    private Checked valueAndCurrency(TrackEvent e, CampaignInfo campaign) {
        BigDecimal value = e.value();
        if (value != null) {
            if (value.signum() < 0 || value.compareTo(config.maxValue()) > 0) {
                return Checked.reject(Rejection.INVALID_VALUE, "value", "value must be between 0 and " + config.maxValue());
            }
            if (value.stripTrailingZeros().scale() > 2) {
                return Checked.reject(Rejection.INVALID_VALUE, "value", "value has more than 2 decimals");
            }
        }
        if (e.currency() != null && !e.currency().equals(campaign.currency())) {
            return Checked.reject(Rejection.CURRENCY_MISMATCH, "currency", "the campaign reports in " + campaign.currency()
                    + ", not " + e.currency());
        }
        return null;
    }

    /** Active campaigns accept events; paused and completed ones for a grace period; the rest none. */
    private Checked acceptance(CampaignInfo campaign, Instant now) {
        CampaignStatus status = campaign.status();
        boolean accepting = switch (status) {
            case ACTIVE -> true;
            case PAUSED -> campaign.pausedAt() != null && !now.isAfter(campaign.pausedAt().plus(config.pausedGrace()));
            case COMPLETED -> campaign.completedAt() != null
                    && !now.isAfter(campaign.completedAt().plus(config.completedGrace()));
            default -> false;
        };
        if (accepting) {
            return null;
        }
        if (status == CampaignStatus.SCHEDULED) {
            return Checked.reject(Rejection.CAMPAIGN_NOT_STARTED, "campaign_id", "the campaign has not started yet");
        }
        return Checked.reject(Rejection.CAMPAIGN_NOT_ACCEPTING, "campaign_id", "the campaign is " + status.wire()
                + " and does not accept events");
    }

    private static Checked firstTooLong(TrackEvent e) {
        Object[][] limits = { { "audience_segment", e.audienceSegment(), 100 }, { "channel", e.channel(), 64 },
                { "session_id", e.sessionId(), 255 }, { "user_id", e.userId(), 255 }, { "order_id", e.orderId(), 255 },
                { "conversion_type", e.conversionType(), 64 }, { "utm_source", e.utmSource(), 255 },
                { "utm_medium", e.utmMedium(), 255 }, { "utm_campaign", e.utmCampaign(), 255 },
                { "utm_term", e.utmTerm(), 255 }, { "utm_content", e.utmContent(), 255 }, { "utm_id", e.utmId(), 255 },
                { "currency", e.currency(), 3 }, { "ip_address", e.ipAddress(), 45 } };
        for (Object[] limit : limits) {
            String value = (String) limit[1];
            if (value != null && value.length() > (int) limit[2]) {
                return Checked.reject(Rejection.FIELD_TOO_LONG, (String) limit[0], limit[0] + " is longer than " + limit[2]
                        + " characters");
            }
        }
        return null;
    }

    /**
     * Text {@link StorableText} refuses (a NUL, which PostgreSQL's text and jsonb cannot hold; a lone surrogate; a
     * control character) is refused here for the pixel's query parameters, which no JSON parser has checked, or it
     * would fail the statement that stores the other events of its group.
     */
    private static Checked firstUnstorable(TrackEvent e) {
        String[][] fields = { { "audience_segment", e.audienceSegment() }, { "channel", e.channel() },
                { "user_agent", e.userAgent() }, { "ip_address", e.ipAddress() }, { "referrer_url", e.referrerUrl() },
                { "landing_url", e.landingUrl() }, { "session_id", e.sessionId() }, { "user_id", e.userId() },
                { "currency", e.currency() }, { "order_id", e.orderId() }, { "conversion_type", e.conversionType() },
                { "utm_source", e.utmSource() }, { "utm_medium", e.utmMedium() }, { "utm_campaign", e.utmCampaign() },
                { "utm_term", e.utmTerm() }, { "utm_content", e.utmContent() }, { "utm_id", e.utmId() } };
        for (String[] field : fields) {
            String problem = StorableText.problem(field[1]);
            if (problem != null) {
                return Checked.reject(Rejection.INVALID_FIELD, field[0], field[0] + " " + problem);
            }
        }
        String problem = e.eventData() == null ? null : unstorable(e.eventData());
        if (problem != null) {
            return Checked.reject(Rejection.INVALID_FIELD, "event_data", "event_data " + problem);
        }
        return null;
    }

    private static String unstorable(Object json) {
        if (json instanceof String text) {
            return StorableText.problem(text);
        }
        if (json instanceof java.util.Map<?, ?> object) {
            for (var entry : object.entrySet()) {
                String problem = entry.getKey() instanceof String key ? StorableText.problem(key) : null;
                problem = problem != null ? problem : unstorable(entry.getValue());
                if (problem != null) {
                    return problem;
                }
            }
        } else if (json instanceof Iterable<?> array) {
            for (Object item : array) {
                String problem = unstorable(item);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Cuts free text to its column, never between the two halves of a surrogate pair. */
    private static String cut(String value, int length) {
        if (value == null || value.length() <= length) {
            return value;
        }
        return value.substring(0, Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length);
    }
}
