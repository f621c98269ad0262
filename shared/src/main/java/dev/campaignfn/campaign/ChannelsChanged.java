package dev.campaignfn.campaign;

import java.util.UUID;

/**
 * A campaign's channels moved (their status followed the campaign, or one was paused or resumed on its own) or their
 * budget allocations changed, in the caller's transaction: observers queue what the channels' platforms must be told,
 * so it commits with the change or not at all.
 */
public record ChannelsChanged(UUID campaignId) {
}
