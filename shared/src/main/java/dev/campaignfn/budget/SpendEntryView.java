package dev.campaignfn.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A ledger entry as the API answers it: a positive amount and the type that gives its sign. */
public record SpendEntryView(UUID id, UUID campaignId, String channelId, SpendEntryType entryType, BigDecimal amount,
        String currency, String description, String externalReference, String idempotencyKey, UUID correctsEntryId,
        Instant occurredAt, Instant recordedAt, String recordedBy) {

    public static SpendEntryView of(SpendEntry e) {
        return new SpendEntryView(e.id, e.campaignId, e.channelId, e.entryType, e.amount.abs(), e.currency, e.description,
                e.externalReference, e.idempotencyKey, e.correctsEntryId, e.occurredAt, e.recordedAt, e.recordedBy);
    }
}
