package dev.campaignfn.alert;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An alert to raise. {@code dedupKey} names the occurrence: raising the same key again (a repeated or
 * concurrent job) finds it taken and raises nothing. {@code webhookIds} narrows its delivery to those
 * webhooks (still only the enabled ones); empty, every enabled webhook gets it.
 */
public record AlertDraft(UUID campaignId, String channelId, UUID ruleId, String kind, String severity, Integer threshold, String title,
        String message, Map<String, Object> details, String dedupKey, List<UUID> webhookIds) {

    /** An alert for every enabled webhook. */
    public AlertDraft(UUID campaignId, String channelId, UUID ruleId, String kind, String severity, Integer threshold, String title,
            String message, Map<String, Object> details, String dedupKey) {
        this(campaignId, channelId, ruleId, kind, severity, threshold, title, message, details, dedupKey, List.of());
    }
}
