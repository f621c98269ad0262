package dev.campaignfn.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import dev.campaignfn.campaign.CampaignChannel;
import dev.campaignfn.campaign.ChannelStatus;
import dev.campaignfn.campaign.Platform;

/** One channel of a campaign as the API answers it. */
public record ChannelView(UUID campaignId, String channelId, Platform platform, Map<String, Object> config,
        ChannelStatus status, Instant createdAt, Instant updatedAt) {

    public static ChannelView of(CampaignChannel c) {
        return new ChannelView(c.campaignId, c.channelId, c.platform, c.config, c.status, c.createdAt, c.updatedAt);
    }
}
