package dev.campaignfn.automation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.alert.AlertDraft;
import dev.campaignfn.alert.AlertService;
import dev.campaignfn.analytics.CampaignAnalytics;
import dev.campaignfn.analytics.Grouping;
import dev.campaignfn.analytics.ReportRequest;
import dev.campaignfn.analytics.Summary;
import dev.campaignfn.budget.BudgetCommand;
import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.BudgetStatus;
import dev.campaignfn.budget.ReallocationCommand;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignChannel;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.ChannelStatus;
import dev.campaignfn.common.Actor;
import dev.campaignfn.lifecycle.CampaignChannels;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.rollup.EventCounts;
import dev.campaignfn.rollup.EventTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Evaluates one rule in one transaction that holds the campaign's row lock: it reads what the trigger
 * looks at, decides (fired, not fired, cooldown, skipped), applies the actions within the guardrails
 * unless the rule is a dry run, and records the run, all or nothing. The run is unique per rule and
 * schedule slot, so a redelivered schedule event evaluates nothing twice; the lock and the cooldown
 * keep two runs at the same time from both acting.
 */
@ApplicationScoped
public class RuleEngine {

    @Inject
    Clock clock;

    @Inject
    BudgetLedger ledger;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    CampaignAnalytics analytics;

    @Inject
    EventTotals events;

    @Inject
    AlertService alerts;

    @Inject
    CampaignChannels channels;

    /** What one evaluation decided; null when this slot was already evaluated. */
    public record Decision(String decision, Map<String, Object> observed, Map<String, Object> outcome) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Decision evaluate(UUID ruleId, String runKey) {
        AutomationRule rule = AutomationRule.findById(ruleId);
        if (rule == null || !rule.enabled) {
            return null;
        }
        Campaign campaign = Campaign.findById(rule.campaignId, LockModeType.PESSIMISTIC_WRITE);
        AutomationRule.getEntityManager().refresh(rule);
        if (RuleRuns.exists(ruleId, runKey)) {
            return null;
        }
        Instant now = clock.instant();
        Map<String, Object> observed = new LinkedHashMap<>();
        Map<String, Object> outcome = new LinkedHashMap<>();
        String decision;
        if (campaign.status != CampaignStatus.ACTIVE) {
            observed.put("campaign_status", campaign.status.wire());
            decision = "skipped";
        } else if (!observe(rule, campaign, now, observed)) {
            decision = "not_fired";
        } else if (rule.lastFiredAt != null && rule.cooldownMinutes > 0
                && now.isBefore(rule.lastFiredAt.plus(Duration.ofMinutes(rule.cooldownMinutes)))) {
            outcome.put("cooldown_until", rule.lastFiredAt.plus(Duration.ofMinutes(rule.cooldownMinutes)).toString());
            decision = "cooldown";
        } else {
            List<Map<String, Object>> done = new ArrayList<>();
            for (RuleAction action : rule.actionList()) {
                done.add(act(rule, campaign, action, observed, runKey));
            }
            outcome.put("actions", done);
            decision = "fired";
            if (!rule.dryRun) {
                rule.lastFiredAt = now;
            }
        }
        RuleRuns.insert(rule, runKey, now, observed, decision, outcome);
        return new Decision(decision, observed, outcome);
    }

    /** Reads what the trigger looks at into {@code observed}; answers whether the trigger's condition holds. */
    boolean observe(AutomationRule rule, Campaign campaign, Instant now, Map<String, Object> observed) {
        RuleTrigger trigger = rule.trigger();
        if (trigger instanceof RuleTrigger.BudgetThreshold budget) {
            BudgetStatus status = ledger.status(campaign.id);
            BigDecimal spent = budget.channel() == null ? status.spentPercentage() : status.channels().stream()
                    .filter(ch -> ch.channelId().equals(budget.channel())).findFirst().map(BudgetStatus.ChannelBudget::spentPercentage)
                    .orElse(null);
            observed.put("spent_percentage", spent);
            observed.put("threshold", budget.spentPercentage());
            return spent != null && spent.compareTo(budget.spentPercentage()) >= 0;
        }
        if (trigger instanceof RuleTrigger.PerformanceThreshold performance) {
            ZoneId zone = campaign.zone();
            LocalDate today = LocalDate.ofInstant(now, zone);
            int window = performance.windowDays();
            Summary summary = analytics.totals(campaign.id, new ReportRequest(null, today.minusDays(window - 1L), today, Grouping.DAY,
                    ReportRequest.ALL_METRICS, Map.of(), null, null, false));
            BigDecimal value = summary.value(performance.metric());
            observed.put("metric", performance.metric().wire());
            observed.put("value", value);
            observed.put("threshold", performance.value());
            observed.put("window", today.minusDays(window - 1L) + ".." + today + " " + zone.getId());
            observed.put("impressions", summary.totalImpressions());
            observed.put("clicks", summary.totalClicks());
            observed.put("conversions", summary.totalConversions());
            boolean enoughData = summary.totalImpressions() >= performance.minImpressions()
                    && summary.totalClicks() >= performance.minClicks()
                    && summary.totalConversions() >= performance.minConversions();
            observed.put("enough_data", enoughData);
            return enoughData && value != null && performance.crossedBy(value);
        }
        if (trigger instanceof RuleTrigger.TimeBased time) {
            Instant point = time.hoursBeforeEnd() != null ? campaign.endDate.minus(Duration.ofHours(time.hoursBeforeEnd()))
                    : campaign.startDate.plus(Duration.ofHours(time.hoursAfterStart()));
            observed.put("at", point.toString());
            observed.put("now", now.toString());
            // once: after the point, and not fired since
            return !now.isBefore(point) && (rule.lastFiredAt == null || rule.lastFiredAt.isBefore(point));
        }
        RuleTrigger.EventBased event = (RuleTrigger.EventBased) trigger;
        Instant from = now.minus(Duration.ofHours(event.hours()));
        EventCounts counts = events.totals(campaign.id, from, now, false);
        long count = switch (event.eventType()) {
            case IMPRESSION -> counts.impressions();
            case VIEW -> counts.views();
            case CLICK -> counts.clicks();
            case CONVERSION -> counts.conversions();
        };
        boolean windowInRun = !from.isBefore(campaign.startDate);
        observed.put("event_type", event.eventType().wire());
        observed.put("count", count);
        observed.put("since", from.toString());
        observed.put("window_inside_run", windowInRun);
        if (event.fewerThan() != null) {
            // too few events needs a whole window of the campaign running to mean anything
            return windowInRun && count < event.fewerThan();
        }
        return count > event.moreThan();
    }

    /** Applies one action (or, in a dry run, says what it would do); answers what happened. */
    Map<String, Object> act(AutomationRule rule, Campaign campaign, RuleAction action, Map<String, Object> observed, String runKey) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", action.type());
        result.put("dry_run", rule.dryRun);
        Actor actor = new Actor("system:rule:" + rule.id);
        if (action instanceof RuleAction.PauseCampaign pause) {
            String reason = pause.reason() != null ? pause.reason() : "automation rule '" + rule.name + "'";
            result.put("reason", reason);
            if (!rule.dryRun) {
                lifecycle.pause(campaign.id, reason, actor);
            }
        } else if (action instanceof RuleAction.SendAlert alert) {
            String message = alert.message() != null ? alert.message() : "Rule '" + rule.name + "' fired: " + observed;
            result.put("message", message);
            if (!rule.dryRun) {
                alerts.raise(new AlertDraft(campaign.id, null, rule.id, "rule", alert.severity(), null,
                        campaign.name + ": " + rule.name, message, observed, "rule:" + rule.id + ":" + runKey))
                        .ifPresent(id -> result.put("alert_id", id));
            }
        } else if (action instanceof RuleAction.AdjustBudget adjust) {
            changeTotal(rule, campaign, adjust.amount(), adjust.percent(), null, result, actor);
        } else if (action instanceof RuleAction.Scale scale) {
            changeTotal(rule, campaign, null, scale.percent(), scale.cap(), result, actor);
        } else if (action instanceof RuleAction.PauseChannel pause) {
            String reason = pause.reason() != null ? pause.reason() : "automation rule '" + rule.name + "'";
            result.put("reason", reason);
            switchChannel(rule, campaign, pause.channel(), ChannelStatus.PAUSED, reason, result, actor);
        } else if (action instanceof RuleAction.ResumeChannel resume) {
            switchChannel(rule, campaign, resume.channel(), ChannelStatus.ACTIVE, null, result, actor);
        } else if (action instanceof RuleAction.SetChannelBudget budget) {
            setChannelBudget(rule, campaign, budget, result, actor);
        } else {
            optimize(rule, campaign, (RuleAction.Optimize) action, result, actor);
        }
        return result;
    }

    /** Adjusts or scales the total budget: by an amount or a percent of it, up to a cap, within the guardrails. */
    private void changeTotal(AutomationRule rule, Campaign campaign, BigDecimal amount, BigDecimal percent, BigDecimal cap,
            Map<String, Object> result, Actor actor) {
        BudgetStatus status = ledger.status(campaign.id);
        BigDecimal total = status.totalBudget();
        BigDecimal wanted = amount != null ? amount : total.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        BigDecimal target = total.add(wanted);
        if (cap != null) {
            target = target.min(cap);
        }
        BigDecimal change = guarded(rule, status, target).subtract(total);
        result.put("from", total);
        result.put("to", total.add(change));
        result.put("requested_change", wanted);
        result.put("change", change);
        if (change.signum() != 0 && !rule.dryRun) {
            Map<String, BigDecimal> allocations = new LinkedHashMap<>();
            status.channels().forEach(ch -> allocations.put(ch.channelId(), ch.allocated()));
            ledger.allocate(campaign.id, new BudgetCommand(total.add(change), status.contingency(), allocations, null), actor);
        }
    }

    /** Seed 000's sync rule on one channel: pauses or resumes it (a connected channel's platform campaign follows). */
    private void switchChannel(AutomationRule rule, Campaign campaign, String channelId, ChannelStatus to, String reason,
            Map<String, Object> result, Actor actor) {
        CampaignChannel channel = CampaignChannel.find(campaign.id, channelId);
        result.put("channel", channelId);
        if (channel == null) {
            result.put("note", "'" + channelId + "' is not a channel of the campaign");
            return;
        }
        result.put("from", channel.status.wire());
        result.put("to", to.wire());
        if (channel.status == to) {
            result.put("note", "the channel is already " + to.wire());
        } else if (!rule.dryRun) {
            channels.setStatus(campaign.id, channelId, to, reason, actor);
        }
    }

    /**
     * Sets one channel's allocation: at most max_budget_change away from what it is, never below what the channel has
     * spent, and within what the total budget leaves after the other channels and the contingency (the total is a
     * person's decision or adjust_budget's, not this action's).
     */
    private void setChannelBudget(AutomationRule rule, Campaign campaign, RuleAction.SetChannelBudget action, Map<String, Object> result,
            Actor actor) {
        result.put("channel", action.channel());
        BudgetStatus status = ledger.status(campaign.id);
        BudgetStatus.ChannelBudget current = status.channels().stream().filter(ch -> ch.channelId().equals(action.channel())).findFirst()
                .orElse(null);
        if (current == null && CampaignChannel.find(campaign.id, action.channel()) == null) {
            result.put("note", "'" + action.channel() + "' is not a channel of the campaign");
            return;
        }
        BigDecimal allocated = current == null ? BigDecimal.ZERO.setScale(2) : current.allocated();
        BigDecimal spent = current == null ? BigDecimal.ZERO : current.spent();
        BigDecimal others = status.allocated().subtract(allocated);
        BigDecimal change = action.amount().subtract(allocated);
        if (rule.maxBudgetChange != null && change.abs().compareTo(rule.maxBudgetChange) > 0) {
            change = rule.maxBudgetChange.multiply(BigDecimal.valueOf(change.signum()));
        }
        BigDecimal target = allocated.add(change).min(status.totalBudget().subtract(status.contingency()).subtract(others).max(allocated))
                .max(spent.min(allocated)).setScale(2, RoundingMode.HALF_UP);
        result.put("from", allocated);
        result.put("to", target);
        result.put("requested", action.amount());
        result.put("change", target.subtract(allocated));
        if (target.compareTo(allocated) != 0 && !rule.dryRun) {
            Map<String, BigDecimal> allocations = new LinkedHashMap<>();
            status.channels().forEach(ch -> allocations.put(ch.channelId(), ch.allocated()));
            allocations.put(action.channel(), target);
            ledger.allocate(campaign.id, new BudgetCommand(status.totalBudget(), status.contingency(), allocations, null), actor);
        }
    }

    /**
     * The guardrails on a new total: at most max_budget_change away from the current one, inside
     * [min_budget, max_budget], and never below what is allocated plus the contingency or already spent.
     */
    static BigDecimal guarded(AutomationRule rule, BudgetStatus status, BigDecimal target) {
        BigDecimal total = status.totalBudget();
        BigDecimal change = target.subtract(total);
        if (rule.maxBudgetChange != null && change.abs().compareTo(rule.maxBudgetChange) > 0) {
            change = rule.maxBudgetChange.multiply(BigDecimal.valueOf(change.signum()));
        }
        BigDecimal result = total.add(change);
        if (change.signum() > 0 && rule.maxBudget != null) {
            result = result.min(total.max(rule.maxBudget));
        }
        if (change.signum() < 0) {
            BigDecimal floor = status.allocated().add(status.contingency()).max(status.spent());
            if (rule.minBudget != null) {
                floor = floor.max(rule.minBudget);
            }
            result = result.max(total.min(floor));
        }
        return result.setScale(2, RoundingMode.HALF_UP);
    }

    /** Seed 000's optimisation: budget moves from the channel with the worst ROAS to the one with the best. */
    private void optimize(AutomationRule rule, Campaign campaign, RuleAction.Optimize action, Map<String, Object> result, Actor actor) {
        ZoneId zone = campaign.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        // the window the rule judges performance over, or a week
        int window = rule.trigger() instanceof RuleTrigger.PerformanceThreshold performance ? performance.windowDays() : 7;
        BudgetStatus status = ledger.status(campaign.id);
        Map<String, BudgetStatus.ChannelBudget> budgets = new LinkedHashMap<>();
        status.channels().forEach(ch -> budgets.put(ch.channelId(), ch));
        List<CampaignAnalytics.ChannelSummary> ranked = analytics.channels(campaign.id, new ReportRequest(null,
                today.minusDays(window - 1L), today, Grouping.DAY, ReportRequest.ALL_METRICS, Map.of(), null, null, false)).channels()
                .stream().filter(ch -> budgets.containsKey(ch.channel()) && ch.summary().roas() != null)
                .sorted(Comparator.comparing((CampaignAnalytics.ChannelSummary ch) -> ch.summary().roas())).toList();
        result.put("channels_ranked_by_roas", ranked.stream().map(ch -> ch.channel() + "=" + ch.summary().roas()).toList());
        if (ranked.size() < 2 || ranked.get(0).summary().roas().compareTo(ranked.get(ranked.size() - 1).summary().roas()) == 0) {
            result.put("change", BigDecimal.ZERO);
            result.put("note", "no two allocated channels with different ROAS");
            return;
        }
        String worst = ranked.get(0).channel();
        String best = ranked.get(ranked.size() - 1).channel();
        BigDecimal unspent = budgets.get(worst).remaining().max(BigDecimal.ZERO);
        BigDecimal amount = action.amount() != null ? action.amount()
                : unspent.multiply(action.percent()).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        amount = amount.min(unspent);
        if (rule.maxBudgetChange != null) {
            amount = amount.min(rule.maxBudgetChange);
        }
        result.put("from_channel", worst);
        result.put("to_channel", best);
        result.put("change", amount);
        if (amount.signum() > 0 && !rule.dryRun) {
            ledger.reallocate(campaign.id, new ReallocationCommand(worst, best, amount), actor);
        }
    }
}
