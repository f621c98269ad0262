package dev.campaignfn.budget;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The part of a campaign's budget set aside for one channel, and what the ledger says it spent. */
@Entity
@Table(name = "channel_allocations")
@IdClass(ChannelAllocation.Key.class)
public class ChannelAllocation extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public UUID campaignId;

    @Id
    @Column(name = "channel_id")
    public String channelId;

    public BigDecimal allocated;

    /** Written only by the ledger's SQL, in the same transaction as each entry. */
    @Column(insertable = false, updatable = false)
    public BigDecimal spent;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static ChannelAllocation find(UUID campaignId, String channelId) {
        return findById(new Key(campaignId, channelId));
    }

    public static List<ChannelAllocation> of(UUID campaignId) {
        return list("campaignId", campaignId);
    }

    public static class Key implements Serializable {
        public UUID campaignId;
        public String channelId;

        public Key() {
        }

        public Key(UUID campaignId, String channelId) {
            this.campaignId = campaignId;
            this.channelId = channelId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(campaignId, k.campaignId) && Objects.equals(channelId, k.channelId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(campaignId, channelId);
        }
    }
}
