package dev.campaignfn.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.common.Actor;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.PreconditionFailedException;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.Violations;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.metrics.MetricFormulas;
import dev.campaignfn.metrics.MetricTotals;
import dev.campaignfn.rollup.CampaignMetricsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** KPI targets of campaigns, with current values measured from the campaign's metrics where named. */
@ApplicationScoped
@Transactional
public class KpiService {

    public static final int MAX_KPIS_PER_CAMPAIGN = 50;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    CampaignMetricsReader metrics;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KpiView> list(UUID campaignId) {
        Campaign campaign = Campaign.require(campaignId);
        RunProgress progress = RunProgress.of(campaign, clock.instant());
        MetricTotals totals = metrics.lifetimeTotals(campaignId);
        return Kpi.of(campaignId).stream().map(k -> view(k, totals, progress)).toList();
    }

    /** KPIs of many campaigns at once, for lists and dashboards. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<KpiView>> listFor(List<UUID> campaignIds) {
        List<Kpi> kpis = Kpi.ofCampaigns(campaignIds);
        // lifetime totals only of the campaigns that have KPIs: a dashboard of many campaigns usually has few
        Map<UUID, MetricTotals> totals = metrics.lifetimeTotals(kpis.stream().map(kpi -> kpi.campaignId).distinct().toList());
        Map<UUID, RunProgress> progress = new HashMap<>();
        Instant now = clock.instant();
        if (!kpis.isEmpty()) {
            Campaign.<Campaign>list("id in ?1", kpis.stream().map(kpi -> kpi.campaignId).distinct().toList())
                    .forEach(c -> progress.put(c.id, RunProgress.of(c, now)));
        }
        Map<UUID, List<KpiView>> result = new LinkedHashMap<>();
        campaignIds.forEach(id -> result.put(id, new ArrayList<>()));
        for (Kpi kpi : kpis) {
            result.get(kpi.campaignId).add(view(kpi, totals.getOrDefault(kpi.campaignId, MetricTotals.ZERO), progress.get(kpi.campaignId)));
        }
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KpiView get(UUID campaignId, UUID kpiId) {
        return view(Campaign.require(campaignId), require(campaignId, kpiId));
    }

    public KpiView create(UUID campaignId, @Valid @NotNull KpiCommand command, Actor actor) {
        Campaign campaign = Campaign.require(campaignId);
        checkCommand(command, "");
        if (Kpi.count("campaignId", campaignId) >= MAX_KPIS_PER_CAMPAIGN) {
            throw new ConflictException("too_many_kpis", "a campaign has at most " + MAX_KPIS_PER_CAMPAIGN + " KPIs");
        }
        requireUniqueName(campaignId, command.name(), null);
        Kpi kpi = new Kpi();
        kpi.id = UUID.randomUUID();
        kpi.campaignId = campaignId;
        kpi.createdAt = clock.instant();
        apply(kpi, command, campaign);
        kpi.persist();
        audit.record(actor, "kpi.created", "kpi", kpi.id, campaignId, Map.of("name", kpi.name));
        return view(campaign, kpi);
    }

    public KpiView update(UUID campaignId, UUID kpiId, @Valid @NotNull KpiCommand command, Long expectedVersion,
            Actor actor) {
        Campaign campaign = Campaign.require(campaignId);
        checkCommand(command, "");
        Kpi kpi = require(campaignId, kpiId);
        if (expectedVersion != null && expectedVersion != kpi.version) {
            throw new PreconditionFailedException("kpi", expectedVersion, kpi.version);
        }
        requireUniqueName(campaignId, command.name(), kpiId);
        apply(kpi, command, campaign);
        Kpi.flush();
        audit.record(actor, "kpi.updated", "kpi", kpi.id, campaignId, Map.of("name", kpi.name));
        return view(campaign, kpi);
    }

    public void delete(UUID campaignId, UUID kpiId, Actor actor) {
        Kpi kpi = require(campaignId, kpiId);
        kpi.delete();
        audit.record(actor, "kpi.deleted", "kpi", kpiId, campaignId, Map.of("name", kpi.name));
    }

    /** Replaces a campaign's KPIs with the given list (the {@code kpis} field of a campaign). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceAll(Campaign campaign, List<KpiCommand> commands, Actor actor) {
        Violations violations = new Violations();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < commands.size(); i++) {
            KpiCommand command = commands.get(i);
            try {
                checkCommand(command, "kpis[" + i + "].");
            } catch (ValidationException e) {
                e.errors().forEach(err -> violations.add(err.field(), err.message()));
            }
            violations.check(names.add(command.name()), "kpis[" + i + "].name", "duplicate KPI name '" + command.name() + "'");
        }
        violations.check(commands.size() <= MAX_KPIS_PER_CAMPAIGN, "kpis", "at most " + MAX_KPIS_PER_CAMPAIGN + " KPIs");
        violations.throwIfAny();
        Map<String, Kpi> existing = new LinkedHashMap<>();
        Kpi.of(campaign.id).forEach(k -> existing.put(k.name, k));
        for (KpiCommand command : commands) {
            Kpi kpi = existing.remove(command.name());
            if (kpi == null) {
                kpi = new Kpi();
                kpi.id = UUID.randomUUID();
                kpi.campaignId = campaign.id;
                kpi.createdAt = clock.instant();
                apply(kpi, command, campaign);
                kpi.persist();
            } else {
                apply(kpi, command, campaign);
            }
        }
        existing.values().forEach(Kpi::delete);
        Kpi.flush();
        audit.record(actor, "kpi.replaced", "campaign", campaign.id, campaign.id, Map.of("count", commands.size()));
    }

    private KpiView view(Campaign campaign, Kpi kpi) {
        return view(kpi, metrics.lifetimeTotals(campaign.id), RunProgress.of(campaign, clock.instant()));
    }

    /** A KPI's value, judged against its whole target and, where it applies, against its pace. */
    static KpiView view(Kpi kpi, MetricTotals totals, RunProgress progress) {
        BigDecimal current = kpi.metric == null ? kpi.currentValue : kpi.metric.valueOf(totals);
        boolean lowerIsBetter = kpi.metric != null && kpi.metric.lowerIsBetter();
        BigDecimal percentage = reached(current, kpi.target, lowerIsBetter);
        KpiStatus targetStatus = KpiStatus.of(percentage);
        KpiJudgement judgedBy = kpi.judgedBy != null ? kpi.judgedBy : KpiJudgement.defaultFor(kpi.metric);
        boolean paced = kpi.metric == null ? judgedBy == KpiJudgement.PACE : kpi.metric.cumulative();
        BigDecimal expected = null;
        BigDecimal pacePercentage = null;
        KpiStatus paceStatus = null;
        if (paced) {
            expected = kpi.target.multiply(progress.elapsedShare()).setScale(2, RoundingMode.HALF_UP);
            // nothing is due before the first day: on pace, whatever has come early
            pacePercentage = expected.signum() == 0 ? (current == null ? null : FULL) : reached(current, expected, lowerIsBetter);
            paceStatus = KpiStatus.of(pacePercentage);
        }
        BigDecimal elapsed = progress.elapsedShare().multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
        return new KpiView(kpi.id, kpi.name, kpi.metric, kpi.target, current, kpi.unit, percentage,
                judgedBy == KpiJudgement.PACE ? paceStatus : targetStatus, judgedBy, targetStatus, elapsed, expected, pacePercentage,
                paceStatus, kpi.version);
    }

    private static final BigDecimal FULL = BigDecimal.valueOf(100).setScale(2);

    /**
     * How much of the goal the value reaches, in percent; for costs the goal is a ceiling, so goal /
     * value, and a cost of nothing is within any ceiling (100).
     */
    private static BigDecimal reached(BigDecimal current, BigDecimal goal, boolean lowerIsBetter) {
        if (current == null) {
            return null;
        }
        if (lowerIsBetter) {
            return current.signum() == 0 ? FULL : MetricFormulas.percentOf(goal, current);
        }
        return MetricFormulas.percentOf(current, goal);
    }

    private void checkCommand(KpiCommand command, String prefix) {
        new Violations()
                .check(command.judgedBy() != KpiJudgement.PACE || command.metric() == null || command.metric().cumulative(),
                        prefix + "judged_by", "pace applies to metrics that add up over the run (impressions, views, clicks, "
                                + "conversions, revenue, spend), not to '" + (command.metric() == null ? "" : command.metric().wire()) + "'")
                .check(command.metric() == null || command.current() == null, prefix + "current",
                        "is measured for metric '" + (command.metric() == null ? "" : command.metric().wire())
                                + "' and cannot be set")
                .check(command.metric() != null || command.unit() != null, prefix + "unit",
                        "is required when no metric is named")
                .throwIfAny();
    }

    private void requireUniqueName(UUID campaignId, String name, UUID exceptId) {
        Kpi same = Kpi.find("campaignId = ?1 and name = ?2", campaignId, name).firstResult();
        if (same != null && !same.id.equals(exceptId)) {
            throw ValidationException.of("name", "the campaign already has a KPI named '" + name + "'");
        }
    }

    private void apply(Kpi kpi, KpiCommand command, Campaign campaign) {
        kpi.name = command.name();
        kpi.metric = command.metric();
        kpi.target = command.target();
        kpi.currentValue = command.metric() == null ? command.current() : null;
        kpi.unit = command.unit() != null ? command.unit() : defaultUnit(command.metric(), campaign.currency);
        kpi.judgedBy = command.judgedBy() != null ? command.judgedBy() : KpiJudgement.defaultFor(command.metric());
        kpi.updatedAt = clock.instant();
    }

    private static String defaultUnit(Metric metric, String currency) {
        return switch (metric.unit()) {
            case COUNT -> "count";
            case CURRENCY -> currency;
            case PERCENT -> "percent";
            case RATIO -> "ratio";
        };
    }

    private static Kpi require(UUID campaignId, UUID kpiId) {
        Kpi kpi = Kpi.findById(kpiId);
        if (kpi == null || !kpi.campaignId.equals(campaignId)) {
            throw new NotFoundException("kpi", kpiId);
        }
        return kpi;
    }
}
