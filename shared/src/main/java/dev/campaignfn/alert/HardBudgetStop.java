package dev.campaignfn.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.campaignfn.campaign.BudgetUsageChanged;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.Actor;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The hard budget stop, a campaign option against seed 000's budget anti-pattern (overspending without
 * monitoring): an active campaign whose spend reaches its budget is paused, with its channels, the reason
 * in its history, and one critical alert raised (per budget: raise the budget, resume, and a later stop
 * alerts again). Checked as spend is recorded, in that transaction and under the campaign's row lock, so
 * the entry that crosses the budget and the pause commit together; and by the alerts job, for a campaign
 * whose stop was turned on over a budget already spent. Tracking keeps accepting the paused campaign's
 * late events within the paused grace, as for any pause.
 */
@ApplicationScoped
public class HardBudgetStop {

    private static final Logger LOG = Logger.getLogger(HardBudgetStop.class);

    public static final Actor ACTOR = new Actor("system:hard-budget-stop");
    public static final String ALERT_KIND = "budget_stop";

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    AlertService alerts;

    @Inject
    EntityManager em;

    void onBudgetUsage(@Observes BudgetUsageChanged changed) {
        stopIfSpent(changed.campaignId());
    }

    /** Pauses the campaign if its stop is on, it is active and its spend has reached its budget; true when it did. */
    @Transactional
    public boolean stopIfSpent(UUID campaignId) {
        Campaign campaign = Campaign.requireForUpdate(campaignId);
        if (!campaign.hardBudgetStop) {
            return false; // most campaigns: nothing to read again on the spend path
        }
        // the ledger moves actual_spend with SQL: read the row as it stands in this transaction
        em.flush();
        em.refresh(campaign);
        if (campaign.status != CampaignStatus.ACTIVE || !campaign.stoppedByBudget()) {
            return false;
        }
        String reason = "Hard budget stop: spend of " + campaign.actualSpend.toPlainString() + " " + campaign.currency
                + " reached the budget of " + campaign.budget.toPlainString() + " " + campaign.currency;
        lifecycle.pause(campaignId, reason, ACTOR);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("spent", campaign.actualSpend);
        details.put("budget", campaign.budget);
        details.put("currency", campaign.currency);
        alerts.raise(new AlertDraft(campaignId, null, null, ALERT_KIND, "critical", 100, campaign.name + ": paused, budget spent",
                reason + ". Raise the budget or turn the stop off to resume it.", details,
                "budget_stop:" + campaignId + ":" + campaign.budget.toPlainString()));
        return true;
    }

    /** The alerts job's pass: every active campaign with the stop on whose spend has reached its budget, each on its own. */
    public List<String> sweep() {
        List<String> stopped = new ArrayList<>();
        List<UUID> due = Campaign.<Campaign>list("hardBudgetStop = true and status = ?1", CampaignStatus.ACTIVE).stream()
                .filter(Campaign::stoppedByBudget).map(c -> c.id).toList();
        for (UUID id : due) {
            try {
                if (stopIfSpent(id)) {
                    stopped.add(id.toString());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "the hard budget stop of campaign %s failed; the next run tries again", id);
            }
        }
        return stopped;
    }
}
