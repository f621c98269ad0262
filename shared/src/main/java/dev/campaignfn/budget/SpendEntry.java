package dev.campaignfn.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of the append-only spend ledger. The amount is signed (refunds negative); the table's
 * trigger refuses updates and deletes, so a correction is always a new entry.
 */
@Entity
@Table(name = "spend_entries")
public class SpendEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "campaign_id", updatable = false)
    public UUID campaignId;

    @Column(name = "channel_id", updatable = false)
    public String channelId;

    @Column(name = "entry_type", updatable = false)
    public SpendEntryType entryType;

    @Column(updatable = false)
    public BigDecimal amount;

    @Column(updatable = false)
    public String currency;

    @Column(updatable = false)
    public String description;

    @Column(name = "external_reference", updatable = false)
    public String externalReference;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "request_fingerprint", updatable = false)
    public String requestFingerprint;

    @Column(name = "corrects_entry_id", updatable = false)
    public UUID correctsEntryId;

    @Column(name = "occurred_at", updatable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", updatable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", updatable = false)
    public String recordedBy;

    public static SpendEntry byIdempotencyKey(UUID campaignId, String key) {
        return find("campaignId = ?1 and idempotencyKey = ?2", campaignId, key).firstResult();
    }
}
