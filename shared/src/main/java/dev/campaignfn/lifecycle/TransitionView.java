package dev.campaignfn.lifecycle;

import java.time.Instant;
import dev.campaignfn.campaign.CampaignStatus;

/** One recorded lifecycle move. */
public record TransitionView(long id, CampaignStatus fromStatus, CampaignStatus toStatus, String reason, String actor,
        Instant occurredAt) {

    public static TransitionView of(CampaignTransition t) {
        return new TransitionView(t.id, t.fromStatus, t.toStatus, t.reason, t.actor, t.occurredAt);
    }
}
