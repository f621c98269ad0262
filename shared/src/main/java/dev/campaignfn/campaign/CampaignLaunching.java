package dev.campaignfn.campaign;

import java.util.UUID;

/**
 * A campaign is about to be launched, under its row lock and before anything is written: an observer that finds a
 * channel unable to run (seed 000's validateChannels) throws, and the launch answers that instead.
 */
public record CampaignLaunching(UUID campaignId) {
}
