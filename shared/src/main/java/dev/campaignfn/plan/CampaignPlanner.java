package dev.campaignfn.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.campaignfn.common.FieldError;
import dev.campaignfn.common.Money;
import dev.campaignfn.metrics.MetricFormulas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Seed 000's CampaignPlanner: checks a plan (its errors and warnings, plus milestone and tactic
 * dates inside the timeline) and estimates its performance per channel from the operator's
 * benchmarks.
 */
@ApplicationScoped
public class CampaignPlanner {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    /** Without a CPM a channel's volume is not bought: the plan says how many it reaches. */
    static final List<String> VOLUME_METRICS = List.of("impressions", "recipients", "audience_size");

    @Inject
    BenchmarkService benchmarks;

    /** Seed 000's errors and warnings of a plan, each naming its field, in the order the plan reads. */
    public PlanCheck validate(@Valid @NotNull CampaignPlan plan) {
        Findings findings = new Findings(new ArrayList<>(), new ArrayList<>());
        Timeline timeline = new Timeline(plan.timeline().startDate(), plan.timeline().endDate());
        List<CampaignPlan.ChannelPlan> channels = plan.channels() == null ? List.of() : plan.channels();
        checkWhole(plan, channels, timeline, findings);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            checkChannel(plan, channels.get(i), "channels[" + i + "]", seen, timeline, findings);
        }
        checkDates(plan, timeline, findings);
        List<CampaignPlan.Risk> risks = plan.risks() == null ? List.of() : plan.risks();
        for (int i = 0; i < risks.size(); i++) {
            CampaignPlan.Risk risk = risks.get(i);
            if (risk.probability() == CampaignPlan.Level.HIGH && risk.impact() == CampaignPlan.Level.HIGH
                    && (risk.mitigation() == null || risk.mitigation().isBlank())) {
                findings.warnings().add(new FieldError("risks[" + i + "].mitigation", "High-probability, high-impact risk has no mitigation"));
            }
        }
        return PlanCheck.of(findings.errors(), findings.warnings());
    }

    /** What a check found so far. */
    private record Findings(List<FieldError> errors, List<FieldError> warnings) {
    }

    /** The plan's timeline; dates are judged against it only when it is valid itself. */
    private record Timeline(Instant start, Instant end) {
        boolean valid() {
            return end.isAfter(start);
        }

        boolean outside(Instant at) {
            return valid() && (at.isBefore(start) || at.isAfter(end));
        }
    }

    /** The plan as a whole: objectives, timeline, the budget against its allocations and channels, KPIs. */
    private static void checkWhole(CampaignPlan plan, List<CampaignPlan.ChannelPlan> channels, Timeline timeline, Findings findings) {
        if (plan.objectives() == null || plan.objectives().isEmpty()) {
            findings.errors().add(new FieldError("objectives", "Campaign must have at least one objective"));
        }
        if (!timeline.valid()) {
            findings.errors().add(new FieldError("timeline.end_date", "End date must be after start date"));
        }
        BigDecimal total = plan.budget().total();
        BigDecimal allocated = sum(plan.budget().allocations() == null ? List.of() : plan.budget().allocations().values());
        BigDecimal contingency = plan.budget().contingency() == null ? BigDecimal.ZERO : plan.budget().contingency();
        if (allocated.add(contingency).compareTo(total) > 0) {
            findings.errors().add(new FieldError("budget.allocations", "Budget allocation exceeds total budget"));
        }
        if (channels.isEmpty()) {
            findings.warnings().add(new FieldError("channels", "Campaign has no channels defined"));
        }
        if (plan.kpis() == null || plan.kpis().isEmpty()) {
            findings.warnings().add(new FieldError("kpis", "Campaign has no KPIs defined"));
        }
        if (sum(channels.stream().map(CampaignPlan.ChannelPlan::budget).toList()).compareTo(total) > 0) {
            findings.errors().add(new FieldError("channels", "Channel budgets exceed total budget"));
        }
    }

    /** One channel: planned once, its budget as allocated, its tactics inside the timeline and its budget. */
    private static void checkChannel(CampaignPlan plan, CampaignPlan.ChannelPlan channel, String at, Set<String> seen,
            Timeline timeline, Findings findings) {
        if (!seen.add(channel.channel())) {
            findings.errors().add(new FieldError(at + ".channel", "Channel '" + channel.channel() + "' is planned twice"));
        }
        Map<String, BigDecimal> allocations = plan.budget().allocations();
        if (allocations != null && allocations.containsKey(channel.channel())
                && allocations.get(channel.channel()).compareTo(channel.budget()) != 0) {
            findings.warnings().add(new FieldError(at + ".budget", "Channel budget differs from its budget allocation ("
                    + allocations.get(channel.channel()) + ")"));
        }
        List<CampaignPlan.Tactic> tactics = channel.tactics() == null ? List.of() : channel.tactics();
        BigDecimal tacticBudgets = BigDecimal.ZERO;
        for (int t = 0; t < tactics.size(); t++) {
            CampaignPlan.Tactic tactic = tactics.get(t);
            String tacticAt = at + ".tactics[" + t + "]";
            if (!tactic.endDate().isAfter(tactic.startDate())) {
                findings.errors().add(new FieldError(tacticAt + ".end_date", "Tactic '" + tactic.name() + "' ends before it starts"));
            }
            if (timeline.valid() && (tactic.startDate().isBefore(timeline.start()) || tactic.endDate().isAfter(timeline.end()))) {
                findings.errors().add(new FieldError(tacticAt, "Tactic '" + tactic.name() + "' runs outside the campaign timeline"));
            }
            tacticBudgets = tacticBudgets.add(tactic.budget() == null ? BigDecimal.ZERO : tactic.budget());
        }
        if (tacticBudgets.compareTo(channel.budget()) > 0) {
            findings.warnings().add(new FieldError(at + ".tactics", "Tactic budgets (" + tacticBudgets
                    + ") exceed the channel budget (" + channel.budget() + ")"));
        }
    }

    /** Milestones (errors) and content publish dates (warnings) inside the timeline. */
    private static void checkDates(CampaignPlan plan, Timeline timeline, Findings findings) {
        List<CampaignPlan.Milestone> milestones = plan.timeline().milestones() == null ? List.of() : plan.timeline().milestones();
        for (int i = 0; i < milestones.size(); i++) {
            CampaignPlan.Milestone milestone = milestones.get(i);
            if (timeline.outside(milestone.date())) {
                findings.errors().add(new FieldError("timeline.milestones[" + i + "].date",
                        "Milestone '" + milestone.name() + "' falls outside the campaign timeline"));
            }
        }
        List<CampaignPlan.ContentPlan> content = plan.content() == null ? List.of() : plan.content();
        for (int i = 0; i < content.size(); i++) {
            CampaignPlan.ContentPlan item = content.get(i);
            if (item.publishDate() != null && timeline.outside(item.publishDate())) {
                findings.warnings().add(new FieldError("content[" + i + "].publish_date",
                        "Content '" + item.title() + "' is published outside the campaign timeline"));
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanEstimate estimate(@Valid @NotNull CampaignPlan plan) {
        Map<String, ChannelBenchmark> known = benchmarks.byChannel();
        ChannelBenchmark fallback = known.get(ChannelBenchmark.DEFAULT);
        List<PlanEstimate.ChannelEstimate> estimates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        BigDecimal plannedBudget = Money.of(BigDecimal.ZERO);
        BigDecimal estimatedBudget = Money.of(BigDecimal.ZERO);
        long reach = 0;
        long impressions = 0;
        long clicks = 0;
        long conversions = 0;
        for (CampaignPlan.ChannelPlan channel : plan.channels() == null ? List.<CampaignPlan.ChannelPlan>of() : plan.channels()) {
            ChannelBenchmark benchmark = known.getOrDefault(channel.channel(), fallback);
            BigDecimal budget = Money.of(channel.budget());
            plannedBudget = plannedBudget.add(budget);
            BigDecimal volume = volume(channel, benchmark);
            PlanEstimate.Estimate estimate;
            if (volume == null) {
                warnings.add("Channel '" + channel.channel() + "' has no cost per impression in its benchmark ('"
                        + benchmark.channel + "'): give target_metrics.impressions (or recipients) to estimate it");
                estimate = new PlanEstimate.Estimate(budget, null, null, null, null, null, null, null);
            } else {
                long channelImpressions = whole(volume);
                long channelClicks = whole(volume.multiply(benchmark.ctr));
                long channelConversions = whole(volume.multiply(benchmark.ctr).multiply(benchmark.cvr));
                long channelReach = whole(volume.multiply(benchmark.reachRatio));
                estimate = estimate(budget, channelReach, channelImpressions, channelClicks, channelConversions);
                estimatedBudget = estimatedBudget.add(budget);
                reach += channelReach;
                impressions += channelImpressions;
                clicks += channelClicks;
                conversions += channelConversions;
            }
            estimates.add(new PlanEstimate.ChannelEstimate(channel.channel(), benchmark.channel, benchmark.cpm, benchmark.ctr,
                    benchmark.cvr, benchmark.reachRatio, estimate));
        }
        PlanEstimate.Estimate totals = estimate(estimatedBudget, reach, impressions, clicks, conversions);
        totals = new PlanEstimate.Estimate(plannedBudget, totals.expectedReach(), totals.expectedImpressions(),
                totals.expectedClicks(), totals.expectedConversions(), totals.expectedCpm(), totals.expectedCpc(),
                totals.expectedCpa());
        return new PlanEstimate(totals, estimates, warnings);
    }

    /** Costs per result over the budget of the channels that could be estimated. */
    private static PlanEstimate.Estimate estimate(BigDecimal budget, long reach, long impressions, long clicks,
            long conversions) {
        return new PlanEstimate.Estimate(budget, reach, impressions, clicks, conversions,
                MetricFormulas.cpm(budget, impressions), MetricFormulas.cpc(budget, clicks),
                MetricFormulas.cpa(budget, conversions));
    }

    /** Impressions a channel buys with its budget at the benchmark CPM, or the volume its plan names. */
    private static BigDecimal volume(CampaignPlan.ChannelPlan channel, ChannelBenchmark benchmark) {
        if (benchmark.cpm.signum() > 0) {
            return channel.budget().multiply(THOUSAND).divide(benchmark.cpm, MathContext.DECIMAL128);
        }
        Map<String, BigDecimal> targets = channel.targetMetrics() == null ? Map.of() : channel.targetMetrics();
        return VOLUME_METRICS.stream().filter(targets::containsKey).map(targets::get).findFirst().orElse(null);
    }

    private static long whole(BigDecimal value) {
        return value.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private static BigDecimal sum(java.util.Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
