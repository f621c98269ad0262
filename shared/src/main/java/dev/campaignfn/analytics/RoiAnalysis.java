package dev.campaignfn.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.metrics.MetricFormulas;
import dev.campaignfn.metrics.MetricTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Seed 000's ROI calculator, with its definitions made real: profit, ROI and ROAS as ratios of sums;
 * the payback period is the number of days until cumulative revenue first covered cumulative cost;
 * the break-even point is the conversions needed at the current order value to cover the cost; the
 * projection extends the period's daily run rate over the days the campaign has left. Money is
 * never summed across currencies: the aggregate is one total per currency.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RoiAnalysis {

    public record RoiReport(CampaignBrief campaign, @JsonUnwrapped ReportContext context, @JsonUnwrapped Roi roi,
            long conversions, BigDecimal aov, Long breakEvenConversions, Long conversionsToBreakEven, long daysRunning,
            Long paybackPeriodDays, Projection projection) {
    }

    public record Roi(BigDecimal revenue, BigDecimal cost, BigDecimal profit, BigDecimal roi, BigDecimal roas) {
        static Roi of(MetricTotals t) {
            return new Roi(t.revenue(), t.cost(), t.profit(), t.roi(), t.roas());
        }
    }

    /** The period's totals extended by its daily run rate over the remaining days (rounded to cents at the end). */
    public record Projection(long remainingDays, BigDecimal dailyRevenue, BigDecimal dailyCost, BigDecimal projectedRevenue,
            BigDecimal projectedCost, BigDecimal projectedProfit, BigDecimal projectedRoi, BigDecimal projectedRoas) {
    }

    public record AggregateRoiReport(@JsonUnwrapped ReportContext context, List<CurrencyRoi> totals, List<CampaignRoi> byCampaign) {
    }

    public record CurrencyRoi(String currency, int campaigns, @JsonUnwrapped Roi roi) {
    }

    public record CampaignRoi(UUID campaignId, String campaignName, String currency, @JsonUnwrapped Roi roi) {
    }

    /** The most days a projection looks ahead when asked for. */
    public static final int MAX_REMAINING_DAYS = 3650;

    @Inject
    CampaignAnalytics analytics;

    @Inject
    ReportReader reader;

    @Inject
    AnalyticsConfig config;

    @Inject
    Clock clock;

    /**
     * @param remainingDays days to project over, or null for the days from tomorrow to the campaign's last day
     */
    public RoiReport roi(UUID campaignId, ReportRequest request, Integer remainingDays) {
        if (remainingDays != null && (remainingDays < 0 || remainingDays > MAX_REMAINING_DAYS)) {
            throw ValidationException.of("remaining_days", "must be between 0 and " + MAX_REMAINING_DAYS);
        }
        ReportRequest unsegmented = request.segmentedBy(null);
        CampaignAnalytics.Scope scope = analytics.scope(campaignId, unsegmented);
        ReportPeriod period = scope.period();
        boolean costKnown = unsegmented.costKnown();
        Map<Integer, MetricTotals> days = ReportRow.sumBy(reader.read(scope.zones(), unsegmented.zone(),
                period.boundaries(Grouping.DAY), unsegmented), ReportRow::bucket, costKnown);
        MetricTotals total = MetricTotals.zero(costKnown);
        Long payback = null;
        for (int day = 0; day < period.days(); day++) {
            total = total.plus(days.getOrDefault(day, MetricTotals.zero(costKnown)));
            if (payback == null && total.cost() != null && total.cost().signum() > 0 && total.revenue().compareTo(total.cost()) >= 0) {
                payback = day + 1L;
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), scope.zone());
        long running = Math.max(0, Math.min(period.days(), ChronoUnit.DAYS.between(period.startDate(), today) + 1));
        LocalDate lastDay = scope.campaign().lastDay(scope.zone());
        long remaining = remainingDays != null ? remainingDays : Math.max(0, ChronoUnit.DAYS.between(today, lastDay));
        // cost / (revenue / conversions), exactly: the order value is not rounded first
        Long breakEven = total.cost() == null || total.revenue().signum() == 0 ? null
                : total.cost().multiply(BigDecimal.valueOf(total.conversions())).divide(total.revenue(), 0, RoundingMode.CEILING)
                        .longValueExact();
        return new RoiReport(CampaignBrief.of(scope.campaign()), scope.context(), Roi.of(total), total.conversions(), total.aov(),
                breakEven,
                breakEven == null ? null : Math.max(0, breakEven - total.conversions()), running, payback,
                projection(total, running, remaining));
    }

    static Projection projection(MetricTotals total, long running, long remaining) {
        if (running == 0) {
            return new Projection(remaining, null, null, null, null, null, null, null);
        }
        BigDecimal days = BigDecimal.valueOf(running);
        BigDecimal factor = BigDecimal.valueOf(running + remaining);
        BigDecimal revenue = total.revenue().multiply(factor).divide(days, 2, RoundingMode.HALF_UP);
        BigDecimal cost = total.cost() == null ? null : total.cost().multiply(factor).divide(days, 2, RoundingMode.HALF_UP);
        return new Projection(remaining, total.revenue().divide(days, 2, RoundingMode.HALF_UP),
                total.cost() == null ? null : total.cost().divide(days, 2, RoundingMode.HALF_UP), revenue, cost,
                cost == null ? null : revenue.subtract(cost), MetricFormulas.roi(revenue, cost), MetricFormulas.roas(revenue, cost));
    }

    /** Seed 000's aggregate ROI: per campaign, and one total per currency. No ids: every campaign that is not a draft. */
    public AggregateRoiReport aggregate(List<UUID> campaignIds, ReportRequest request) {
        ReportRequest unsegmented = request.segmentedBy(null);
        List<Campaign> campaigns = campaignIds.isEmpty() ? Campaign.list("status <> ?1 order by name",
                CampaignStatus.DRAFT) : CampaignSet.require(campaignIds);
        if (campaigns.size() > config.maxCampaigns()) {
            throw ValidationException.of("campaign_ids", "at most " + config.maxCampaigns() + " campaigns; choose them with campaign_ids");
        }
        CampaignSet set = CampaignSet.of(campaigns, unsegmented, clock, config.maxRangeDays());
        boolean costKnown = unsegmented.costKnown();
        Map<UUID, MetricTotals> totals = ReportRow.sumBy(reader.read(set.zones(), unsegmented.zone(), set.period().boundaries(),
                unsegmented), ReportRow::campaignId, costKnown);
        List<CampaignRoi> rows = new ArrayList<>();
        Map<String, MetricTotals> byCurrency = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Campaign campaign : set.campaigns()) {
            MetricTotals t = totals.getOrDefault(campaign.id, MetricTotals.zero(costKnown));
            rows.add(new CampaignRoi(campaign.id, campaign.name, campaign.currency, Roi.of(t)));
            byCurrency.merge(campaign.currency, t, MetricTotals::plus);
            counts.merge(campaign.currency, 1, Integer::sum);
        }
        List<CurrencyRoi> perCurrency = new ArrayList<>();
        byCurrency.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> perCurrency.add(new CurrencyRoi(e.getKey(), counts.get(e.getKey()), Roi.of(e.getValue()))));
        String currency = byCurrency.size() == 1 ? byCurrency.keySet().iterator().next() : null;
        return new AggregateRoiReport(ReportContext.of(set.period(), set.zone(), currency, unsegmented), perCurrency, rows);
    }
}
