package dev.campaignfn.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An alert as the API answers it. */
public record AlertView(UUID id, UUID campaignId, String channelId, UUID ruleId, String kind, String severity, Integer threshold,
        String title, String message, Map<String, Object> details, Instant createdAt, Instant acknowledgedAt, String acknowledgedBy) {
}
