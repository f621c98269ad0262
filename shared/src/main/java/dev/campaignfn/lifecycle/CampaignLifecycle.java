package dev.campaignfn.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignLaunching;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.DatabaseJson;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.metrics.MetricFormulas;
import dev.campaignfn.metrics.MetricTotals;
import dev.campaignfn.rollup.CampaignMetricsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Seed 000's campaign lifecycle, with its side effects done rather than stubbed: channels follow
 * the campaign, every move is recorded, and completion stores the final report.
 */
@ApplicationScoped
@Transactional
public class CampaignLifecycle {

    public static final int MAX_REASON_LENGTH = 1000;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    CampaignChannels channels;

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignMetricsReader metrics;

    @Inject
    Event<CampaignLaunching> launching;

    /** Launches now, or schedules the launch when the start date is still ahead. */
    public CampaignView launch(UUID id, Actor actor) {
        Campaign campaign = lockFor(id, LifecycleAction.LAUNCH);
        Instant now = clock.instant();
        requireNotEnded(campaign, now, "launched");
        requireBudgetLeft(campaign, "launched");
        // seed 000's validateChannels: a channel that cannot run on its platform stops the launch here, naming it
        launching.fire(new CampaignLaunching(campaign.id));
        CampaignStatus target = campaign.startDate.isAfter(now) ? CampaignStatus.SCHEDULED : CampaignStatus.ACTIVE;
        if (target != campaign.status) {
            if (target == CampaignStatus.ACTIVE) {
                campaign.launchedAt = now;
            }
            move(campaign, target, null, actor, now);
        }
        return campaigns.view(campaign);
    }

    public CampaignView pause(UUID id, String reason, Actor actor) {
        checkReason(reason, false);
        Campaign campaign = lockFor(id, LifecycleAction.PAUSE);
        Instant now = clock.instant();
        campaign.pauseReason = reason;
        campaign.pausedAt = now;
        move(campaign, CampaignStatus.PAUSED, reason, actor, now);
        return campaigns.view(campaign);
    }

    public CampaignView resume(UUID id, Actor actor) {
        Campaign campaign = lockFor(id, LifecycleAction.RESUME);
        Instant now = clock.instant();
        requireNotEnded(campaign, now, "resumed");
        requireBudgetLeft(campaign, "resumed");
        campaign.pauseReason = null;
        campaign.pausedAt = null;
        move(campaign, CampaignStatus.ACTIVE, null, actor, now);
        return campaigns.view(campaign);
    }

    public CampaignView complete(UUID id, Actor actor) {
        Campaign campaign = lockFor(id, LifecycleAction.COMPLETE);
        completeNow(campaign, actor, clock.instant());
        return campaigns.view(campaign);
    }

    public CampaignView cancel(UUID id, String reason, Actor actor) {
        checkReason(reason, true);
        Campaign campaign = lockFor(id, LifecycleAction.CANCEL);
        Instant now = clock.instant();
        campaign.cancelReason = reason;
        campaign.cancelledAt = now;
        move(campaign, CampaignStatus.CANCELLED, reason, actor, now);
        return campaigns.view(campaign);
    }

    /**
     * Activates a scheduled campaign whose start has come (the lifecycle job). A campaign whose
     * whole run passed before the job saw it is activated and completed, so both moves are on record.
     * Returns false when another run got there first.
     */
    public boolean activateIfDue(UUID id, Actor actor) {
        Campaign campaign = Campaign.requireForUpdate(id);
        Instant now = clock.instant();
        if (campaign.status != CampaignStatus.SCHEDULED || campaign.startDate.isAfter(now)) {
            return false;
        }
        campaign.launchedAt = now;
        move(campaign, CampaignStatus.ACTIVE, "start date reached", actor, now);
        if (!campaign.endDate.isAfter(now)) {
            completeNow(campaign, actor, now);
        }
        return true;
    }

    /** Completes an active or paused campaign whose end has passed (the lifecycle job). */
    public boolean completeIfDue(UUID id, Actor actor) {
        Campaign campaign = Campaign.requireForUpdate(id);
        Instant now = clock.instant();
        if (!LifecycleAction.COMPLETE.allowedFrom(campaign.status) || campaign.endDate.isAfter(now)) {
            return false;
        }
        completeNow(campaign, actor, now);
        return true;
    }

    /** The hard budget stop would pause it again at once: say so instead. */
    private static void requireBudgetLeft(Campaign campaign, String verb) {
        if (campaign.stoppedByBudget()) {
            throw new ConflictException("budget_spent", "the campaign's spend (" + campaign.actualSpend.toPlainString() + " "
                    + campaign.currency + ") has reached its budget (" + campaign.budget.toPlainString()
                    + ") and its hard budget stop is on: raise the budget or turn the stop off before it is " + verb,
                    Map.of("actual_spend", campaign.actualSpend, "budget", campaign.budget));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TransitionView> history(UUID id) {
        Campaign.require(id);
        return CampaignTransition.of(id).stream().map(TransitionView::of).toList();
    }

    /** The campaign's final report: its lifetime totals, the derived metrics and the budget outcome. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> finalReport(Campaign campaign, Instant generatedAt) {
        MetricTotals totals = metrics.lifetimeTotals(campaign.id);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("generated_at", generatedAt.toString());
        report.put("currency", campaign.currency);
        report.put("time_zone", campaign.timeZone);
        report.put("period", Map.of("start_date", campaign.startDate.toString(), "end_date", campaign.endDate.toString()));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("impressions", totals.impressions());
        counts.put("views", totals.views());
        counts.put("clicks", totals.clicks());
        counts.put("conversions", totals.conversions());
        counts.put("revenue", totals.revenue());
        counts.put("cost", totals.cost());
        counts.put("profit", totals.profit());
        report.put("totals", counts);
        Map<String, Object> derived = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (!metric.cumulative()) {
                derived.put(metric.wire(), metric.valueOf(totals));
            }
        }
        report.put("metrics", derived);
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("total", campaign.budget);
        budget.put("spent", totals.cost());
        budget.put("remaining", campaign.budget.subtract(totals.cost()));
        budget.put("spent_percentage", MetricFormulas.percentOf(totals.cost(), campaign.budget));
        report.put("budget", budget);
        return report;
    }

    private void completeNow(Campaign campaign, Actor actor, Instant now) {
        // the report is read before the campaign changes, so the move and the report are written in one update: the
        // report's queries flushed the move first, and the report went in a second update the answer's version missed
        campaign.finalReport = DatabaseJson.canonical(finalReport(campaign, now));
        campaign.completedAt = now;
        move(campaign, CampaignStatus.COMPLETED, null, actor, now);
    }

    private Campaign lockFor(UUID id, LifecycleAction action) {
        Campaign campaign = Campaign.requireForUpdate(id);
        if (!action.allowedFrom(campaign.status)) {
            throw new ConflictException("illegal_transition",
                    "cannot " + action.wire() + " a campaign that is " + campaign.status.wire() + "; " + action.wire()
                            + " applies to " + action.allowedFrom().stream().map(CampaignStatus::wire).toList(),
                    Map.of("current_status", campaign.status.wire(), "action", action.wire()));
        }
        return campaign;
    }

    private void move(Campaign campaign, CampaignStatus to, String reason, Actor actor, Instant now) {
        CampaignTransition transition = new CampaignTransition();
        transition.campaignId = campaign.id;
        transition.fromStatus = campaign.status;
        transition.toStatus = to;
        transition.reason = reason;
        transition.actor = actor.name();
        transition.occurredAt = now;
        transition.persist();
        campaign.status = to;
        campaign.updatedAt = now;
        channels.follow(campaign);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", transition.fromStatus.wire());
        details.put("to", to.wire());
        if (reason != null) {
            details.put("reason", reason);
        }
        audit.record(actor, "campaign." + to.wire(), "campaign", campaign.id, campaign.id, details);
    }

    private static void requireNotEnded(Campaign campaign, Instant now, String verb) {
        if (!campaign.endDate.isAfter(now)) {
            throw new ConflictException("campaign_ended", "the campaign ended at " + campaign.endDate
                    + " and cannot be " + verb + "; move its end_date or complete it",
                    Map.of("current_status", campaign.status.wire(), "end_date", campaign.endDate.toString()));
        }
    }

    private static void checkReason(String reason, boolean required) {
        if (required && (reason == null || reason.isBlank())) {
            throw ValidationException.of("reason", "is required");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw ValidationException.of("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
    }
}
