package dev.campaignfn.adplatform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A channel's connection as the API answers it: never its secrets. {@code state} ok, unchecked or failing (a failing
 * connection blocks the campaign's launch; {@code state_reason} says why); what was last queued for the platform; the
 * outbox's figures; the last spend pull.
 */
public record ConnectionView(UUID campaignId, String channelId, AdPlatform platform, Map<String, String> settings, String state,
        String stateReason, Instant checkedAt, String accountCurrency, String accountTimeZone, String queuedStatus, BigDecimal queuedBudget,
        Map<String, Long> pushes, Instant spendPulledAt, String spendPullError, String createdBy, Instant createdAt, Instant updatedAt,
        long version) {
}
