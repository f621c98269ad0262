package dev.campaignfn.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.campaignfn.campaign.ChannelKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The part of a campaign's budget set aside for one channel, and what the ledger says it spent. */
@Entity
@Table(name = "channel_allocations")
@IdClass(ChannelKey.class)
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
        return findById(new ChannelKey(campaignId, channelId));
    }

    public static List<ChannelAllocation> of(UUID campaignId) {
        return list("campaignId", campaignId);
    }
}
