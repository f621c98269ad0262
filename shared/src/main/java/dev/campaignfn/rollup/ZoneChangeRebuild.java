package dev.campaignfn.rollup;

import dev.campaignfn.campaign.CampaignZoneChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Rebuilds a campaign's daily rollups once its new time zone is committed. */
@ApplicationScoped
public class ZoneChangeRebuild {

    @Inject
    RollupFolder folder;

    void onZoneChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignZoneChanged change) {
        folder.rebuildDaily(change.campaignId());
    }
}
