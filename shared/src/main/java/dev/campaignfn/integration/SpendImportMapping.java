package dev.campaignfn.integration;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A platform's campaign (its id or its name) mapped to one of ours and, optionally, one of its channels. */
@Entity
@Table(name = "spend_import_mappings")
public class SpendImportMapping extends PanacheEntityBase {

    @Id
    public UUID id;

    public SpendImportPlatform platform;

    @Column(name = "external_campaign")
    public String externalCampaign;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "channel_id")
    public String channelId;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public View view() {
        return new View(id, platform, externalCampaign, campaignId, channelId, createdAt);
    }

    public record View(UUID id, SpendImportPlatform platform, String externalCampaign, UUID campaignId, String channelId, Instant createdAt) {
    }
}
