package dev.campaignfn.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.common.Breakdown;
import dev.campaignfn.common.ConcurrentReads;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.kpi.KpiService;
import dev.campaignfn.kpi.KpiView;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.metrics.MetricTotals;
import dev.campaignfn.tracking.EventDimension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Seed 000's dashboard, with its defects fixed: ROI and ROAS are ratios of the summed revenue and
 * cost (not averages of per-campaign ratios), trends cover every selected campaign (not the first),
 * cost is the spend ledger's (never 0), channel performance is computed. A dashboard is in one
 * currency: money is never added across currencies, so campaigns in other currencies are left out
 * and listed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardReport {

    public record Dashboard(@JsonUnwrapped ReportContext context, PeriodView previousPeriod,
            List<CurrencyChoice.CurrencyCount> otherCurrencies,
            DashboardSummary summary, Map<String, BigDecimal> periodChange,
            Map<String, BigDecimal> periodChangeExact, List<TopCampaign> topCampaigns,
            List<Map<String, Object>> trends, List<ChannelPerformance> byChannel, List<CampaignKpi> kpis) {
    }

    /** Campaign counts and budget, then the period's totals and metrics. */
    public record DashboardSummary(int totalCampaigns, int activeCampaigns, BigDecimal totalBudget, BigDecimal budgetSpent,
            @JsonUnwrapped Summary summary) {
    }

    public record TopCampaign(UUID campaignId, String campaignName, CampaignType type, CampaignStatus status, BigDecimal budget,
            @JsonUnwrapped Summary summary) {
    }

    /** A channel over every selected campaign; {@code campaigns} counts those with events or spend on it. */
    public record ChannelPerformance(String channel, int campaigns, @JsonUnwrapped Summary summary) {
    }

    public record CampaignKpi(UUID campaignId, String campaignName, @JsonUnwrapped KpiView kpi) {
    }

    /** Which campaigns a dashboard covers and how its top table is ordered. */
    public record Selection(List<UUID> campaignIds, Set<CampaignStatus> statuses, String currency, Integer top, Metric sortBy) {
    }

    public static final int MAX_TOP = 100;

    @Inject
    ReportReader reader;

    @Inject
    KpiService kpis;

    @Inject
    AnalyticsConfig config;

    @Inject
    Clock clock;

    public Dashboard dashboard(Selection selection, ReportRequest request) {
        int top = selection.top() == null ? config.topCampaigns() : selection.top();
        if (top < 1 || top > MAX_TOP) {
            throw ValidationException.of("top", "must be between 1 and " + MAX_TOP);
        }
        return dashboard(selection, request, top);
    }

    /** The dashboard's campaigns table with every selected campaign, in the table's order (exports). */
    public Dashboard withEveryCampaign(Selection selection, ReportRequest request) {
        return dashboard(selection, request, Integer.MAX_VALUE);
    }

    private Dashboard dashboard(Selection selection, ReportRequest request, int top) {
        ReportRequest unsegmented = request.segmentedBy(null);
        List<Campaign> candidates = selection.campaignIds().isEmpty() ? Campaign.list("status in ?1 order by name",
                selection.statuses().isEmpty() ? Set.of(CampaignStatus.SCHEDULED, CampaignStatus.ACTIVE, CampaignStatus.PAUSED,
                        CampaignStatus.COMPLETED, CampaignStatus.CANCELLED) : selection.statuses())
                : CampaignSet.require(selection.campaignIds()).stream()
                        .filter(c -> selection.statuses().isEmpty() || selection.statuses().contains(c.status)).toList();
        CurrencyChoice choice = CurrencyChoice.of(candidates, selection.currency());
        List<Campaign> inCurrency = choice.campaigns();
        CampaignSet set = CampaignSet.of(inCurrency, unsegmented, clock, config.maxRangeDays());
        if (selection.campaignIds().isEmpty()) {
            // without a list, the campaigns that ran at some point of the period
            List<Campaign> running = inCurrency.stream().filter(c -> overlaps(c, set)).toList();
            if (running.size() > config.maxCampaigns()) {
                throw ValidationException.of("campaign_ids", "the dashboard covers at most " + config.maxCampaigns()
                        + " campaigns; narrow it with campaign_ids or status");
            }
            if (running.size() != inCurrency.size()) {
                return build(CampaignSet.of(running, unsegmented, clock, config.maxRangeDays()), choice, unsegmented, top,
                        selection.sortBy());
            }
        }
        return build(set, choice, unsegmented, top, selection.sortBy());
    }

    private Dashboard build(CampaignSet set, CurrencyChoice choice, ReportRequest request, int top,
            Metric sortBy) {
        boolean costKnown = request.costKnown();
        ReportPeriod period = set.period();
        ReportPeriod previous = period.previous();
        List<LocalDate> series = period.boundaries(request.groupBy());
        List<LocalDate> boundaries = new ArrayList<>(series.size() + 1);
        boundaries.add(previous.startDate());
        boundaries.addAll(series);
        Supplier<List<ChannelPerformance>> byChannel = ConcurrentReads.start(() -> channels(set, request));
        // bucket 0 is the previous period: each bucket over all campaigns, each campaign over the period
        List<ReportRow> rows = reader.read(set.zones(), request.zone(), boundaries, request, Breakdown.BUCKET_OR_CAMPAIGN);
        List<ReportRow> buckets = rows.stream().filter(r -> r.campaignId() == null).toList();
        List<ReportRow> current = buckets.stream().filter(r -> r.bucket() > 0).toList();
        MetricTotals total = ReportRow.sum(current, costKnown);
        MetricTotals before = ReportRow.sum(buckets.stream().filter(r -> r.bucket() == 0).toList(), costKnown);
        Map<Integer, MetricTotals> trend = new HashMap<>();
        ReportRow.sumBy(current, ReportRow::bucket, costKnown).forEach((bucket, t) -> trend.put(bucket - 1, t));
        Map<UUID, MetricTotals> perCampaign = ReportRow.sumBy(rows.stream().filter(r -> r.campaignId() != null).toList(),
                ReportRow::campaignId, costKnown);
        Metric sort = sortBy == null ? Metric.ROAS : sortBy;
        if (sort == Metric.CLV) {
            withCustomers(perCampaign, set.zones(), request, period, costKnown);
        }

        BigDecimal budget = MetricTotals.ZERO.cost();
        BigDecimal spent = MetricTotals.ZERO.cost();
        int active = 0;
        List<TopCampaign> campaigns = new ArrayList<>();
        for (Campaign c : set.campaigns()) {
            budget = budget.add(c.budget);
            spent = spent.add(c.actualSpend);
            active += c.status == CampaignStatus.ACTIVE ? 1 : 0;
            campaigns.add(new TopCampaign(c.id, c.name, c.type, c.status, c.budget,
                    Summary.of(perCampaign.getOrDefault(c.id, MetricTotals.zero(costKnown)))));
        }
        Map<UUID, MetricTotals> sortTotals = perCampaign;
        campaigns.sort(Comparator.comparing((TopCampaign c) -> sort.valueOf(sortTotals.getOrDefault(c.campaignId(),
                MetricTotals.zero(costKnown))), Comparator.nullsLast(sort.lowerIsBetter() ? Comparator.<BigDecimal>naturalOrder()
                        : Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(c -> c.summary().totalRevenue(), Comparator.reverseOrder()).thenComparing(TopCampaign::campaignName));

        // CLV (a lifetime read of conversions) only for the campaigns shown, unless they are sorted by it
        List<TopCampaign> shown = campaigns.subList(0, Math.min(top, campaigns.size()));
        if (sort != Metric.CLV) {
            Map<UUID, ZoneId> shownZones = new LinkedHashMap<>();
            shown.forEach(c -> shownZones.put(c.campaignId(), set.zones().get(c.campaignId())));
            withCustomers(perCampaign, shownZones, request, period, costKnown);
        }
        shown = shown.stream().map(c -> new TopCampaign(c.campaignId(), c.campaignName(), c.type(), c.status(), c.budget(),
                Summary.of(perCampaign.getOrDefault(c.campaignId(), MetricTotals.zero(costKnown))))).toList();

        List<Map<String, Object>> trends = SeriesPoints.of(series, trend, request.metrics(), costKnown, Map.of());
        List<CampaignKpi> campaignKpis = new ArrayList<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        set.campaigns().forEach(c -> names.put(c.id, c.name));
        kpis.listFor(new ArrayList<>(names.keySet())).forEach((id, list) -> list.forEach(k -> campaignKpis.add(new CampaignKpi(id,
                names.get(id), k))));

        return new Dashboard(ReportContext.of(period, set.zone(), choice.currency(), request), PeriodView.of(previous), choice.others(),
                new DashboardSummary(set.campaigns().size(), active, budget, spent, Summary.of(total)),
                SeriesPoints.change(total, before), SeriesPoints.exactChange(total, before), shown, trends,
                byChannel.get(), campaignKpis);
    }

    /** Puts the customer value up to the period's end on these campaigns' totals. */
    private void withCustomers(Map<UUID, MetricTotals> totals, Map<UUID, ZoneId> zones, ReportRequest request, ReportPeriod period,
            boolean costKnown) {
        reader.customers(zones, request, period.endDate()).forEach((id, value) -> totals.put(id,
                totals.getOrDefault(id, MetricTotals.zero(costKnown)).withCustomerValue(value)));
    }

    /** Events and spend per channel over the period, busiest first. */
    private List<ChannelPerformance> channels(CampaignSet set, ReportRequest request) {
        ReportRequest byChannel = request.segmentedBy(EventDimension.CHANNEL);
        boolean costKnown = byChannel.costKnown();
        Map<String, MetricTotals> totals = new LinkedHashMap<>();
        Map<String, Integer> campaigns = new HashMap<>();
        for (ReportRow row : reader.read(set.zones(), byChannel.zone(), set.period().boundaries(), byChannel)) {
            String channel = CampaignAnalytics.segmentName(row.segment());
            totals.merge(channel, MetricTotals.zero(costKnown).plus(row.totals()), MetricTotals::plus);
            campaigns.merge(channel, 1, Integer::sum);
        }
        List<ChannelPerformance> result = new ArrayList<>();
        totals.forEach((channel, t) -> result.add(new ChannelPerformance(channel, campaigns.get(channel), Summary.of(t))));
        result.sort(Comparator.comparingLong((ChannelPerformance c) -> -c.summary().totalImpressions())
                .thenComparing(ChannelPerformance::channel));
        return result;
    }

    /** Whether the campaign's run touches the period, in any campaign's zone (the widest reading). */
    private static boolean overlaps(Campaign campaign, CampaignSet set) {
        Instant from = set.period().startDate().atStartOfDay(ZoneOffset.ofHours(14)).toInstant();
        Instant to = set.period().endDate().plusDays(1).atStartOfDay(ZoneOffset.ofHours(-12)).toInstant();
        return campaign.startDate.isBefore(to) && campaign.endDate.isAfter(from);
    }
}
