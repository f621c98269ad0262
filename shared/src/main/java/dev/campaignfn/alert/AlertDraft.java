package dev.campaignfn.alert;

import java.util.Map;
import java.util.UUID;

/**
 * An alert to raise. {@code dedupKey} names the occurrence: raising the same key again (a repeated or
 * concurrent job) finds it taken and raises nothing.
 */
public record AlertDraft(UUID campaignId, String channelId, UUID ruleId, String kind, String severity, Integer threshold, String title,
        String message, Map<String, Object> details, String dedupKey) {
}
