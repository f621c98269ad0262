package dev.campaignfn.integration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A destination as answered: never its secrets. */
public record IntegrationView(UUID id, String name, IntegrationPlatform platform, Map<String, String> settings,
        List<UUID> campaignIds, boolean includeBots, boolean enabled, Deliveries deliveries, Instant createdAt, Instant updatedAt,
        long version) {

    /**
     * What the outbox holds for it: events sent, waiting (pending, including retries), failed for good (a permanent
     * refusal) and dead (out of attempts), the batches behind them, and the last error and success.
     */
    public record Deliveries(long eventsSent, long eventsPending, long eventsFailed, long eventsDead, long batchesSent,
            long batchesPending, long batchesFailed, long batchesDead, String lastError, Instant lastErrorAt, Instant lastSentAt) {
    }

    /** One batch of the outbox. */
    public record Batch(long id, String status, int events, int attempts, Integer lastStatus, String lastError, Instant createdAt,
            Instant lastAttemptAt, Instant nextAttemptAt, Instant sentAt) {
    }
}
