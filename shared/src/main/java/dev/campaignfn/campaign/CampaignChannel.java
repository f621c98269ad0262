package dev.campaignfn.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One channel of a campaign (seed 000's ChannelCampaign): platform, configuration, status. */
@Entity
@Table(name = "campaign_channels")
@IdClass(ChannelKey.class)
public class CampaignChannel extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public UUID campaignId;

    @Id
    @Column(name = "channel_id")
    public String channelId;

    public Platform platform;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> config;

    public ChannelStatus status;

    /** Order in which the campaign lists its channels. */
    public int position;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<CampaignChannel> of(UUID campaignId) {
        return list("campaignId = ?1 order by position", campaignId);
    }

    public static List<CampaignChannel> ofCampaigns(List<UUID> campaignIds) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        return list("campaignId in ?1 order by campaignId, position", campaignIds);
    }

    public static CampaignChannel find(UUID campaignId, String channelId) {
        return findById(new ChannelKey(campaignId, channelId));
    }
}
