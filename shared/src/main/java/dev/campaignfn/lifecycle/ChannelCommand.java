package dev.campaignfn.lifecycle;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dev.campaignfn.campaign.ChannelStatus;
import dev.campaignfn.campaign.Platform;

/**
 * A channel's settings: the platform it runs on, its configuration (ad account, audience, creative
 * ids: whatever the platform needs) and, while the campaign is active, active or paused.
 */
public record ChannelCommand(@NotNull Platform platform, @Size(max = 100) Map<String, Object> config,
        ChannelStatus status) {
}
