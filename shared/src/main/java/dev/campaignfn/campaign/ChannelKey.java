package dev.campaignfn.campaign;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The identity of anything kept per channel of a campaign: its channel row, its allocation. */
public class ChannelKey implements Serializable {

    public UUID campaignId;
    public String channelId;

    public ChannelKey() {
    }

    public ChannelKey(UUID campaignId, String channelId) {
        this.campaignId = campaignId;
        this.channelId = channelId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelKey k && Objects.equals(campaignId, k.campaignId) && Objects.equals(channelId, k.channelId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(campaignId, channelId);
    }
}
