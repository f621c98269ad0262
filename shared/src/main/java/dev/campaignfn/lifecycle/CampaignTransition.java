package dev.campaignfn.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.campaignfn.campaign.CampaignStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recorded lifecycle move: who, when, from which state to which, and why. */
@Entity
@Table(name = "campaign_transitions")
public class CampaignTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "from_status")
    public CampaignStatus fromStatus;

    @Column(name = "to_status")
    public CampaignStatus toStatus;

    public String reason;

    public String actor;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public static List<CampaignTransition> of(UUID campaignId) {
        return list("campaignId = ?1 order by id", campaignId);
    }
}
