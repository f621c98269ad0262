package dev.campaignfn.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.metrics.CustomerValue;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.metrics.MetricUnit;
import dev.campaignfn.metrics.MetricTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Campaigns side by side over one period: seed 004's comparison rows (with every metric), and seed
 * 000's best and worst (by ROAS) and the leader of each metric. Money is never compared across
 * currencies: with mixed currencies the money metrics have no leader.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CampaignComparison {

    public record ComparisonReport(@JsonUnwrapped ReportContext context, List<ComparisonRow> comparison, Ranked best, Ranked worst,
            Map<String, Ranked> leaders, boolean mixedCurrencies) {
    }

    /** Seed 004's comparison fields (campaign_id, campaign_name, total_views, ...) and the rest of the summary. */
    public record ComparisonRow(UUID campaignId, String campaignName, CampaignType type, CampaignStatus status, String currency,
            @JsonUnwrapped Summary summary) {
    }

    /** A campaign singled out for one metric, and its value. */
    public record Ranked(UUID campaignId, String campaignName, BigDecimal value) {
    }

    @Inject
    ReportReader reader;

    @Inject
    AnalyticsConfig config;

    @Inject
    Clock clock;

    public ComparisonReport compare(List<UUID> campaignIds, ReportRequest request) {
        ReportRequest unsegmented = request.segmentedBy(null);
        CampaignSet set = CampaignSet.of(CampaignSet.require(campaignIds), unsegmented, clock, config.maxRangeDays());
        boolean costKnown = unsegmented.costKnown();
        Map<UUID, MetricTotals> totals = ReportRow.sumBy(reader.read(set.zones(), unsegmented.zone(), set.period().boundaries(),
                unsegmented), ReportRow::campaignId, costKnown);
        List<String> currencies = set.campaigns().stream().map(c -> c.currency).distinct().toList();
        boolean mixed = currencies.size() > 1;
        List<ComparisonRow> rows = new ArrayList<>();
        Map<UUID, MetricTotals> byCampaign = new LinkedHashMap<>();
        Map<UUID, CustomerValue> customers = reader.customers(set.zones(), unsegmented, set.period().endDate());
        for (Campaign campaign : set.campaigns()) {
            MetricTotals t = totals.getOrDefault(campaign.id, MetricTotals.zero(costKnown)).withCustomerValue(customers.get(campaign.id));
            byCampaign.put(campaign.id, t);
            rows.add(new ComparisonRow(campaign.id, campaign.name, campaign.type, campaign.status, campaign.currency, Summary.of(t)));
        }
        Map<String, Ranked> leaders = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            if (metric == Metric.SPEND) {
                continue; // spending more is neither better nor worse
            }
            boolean money = metric.unit() == MetricUnit.CURRENCY;
            leaders.put(metric.wire(), money && mixed ? null : ranked(set.campaigns(), byCampaign, metric, !metric.lowerIsBetter()));
        }
        ReportContext context = ReportContext.of(set.period(), set.zone(), mixed ? null : currencies.get(0), unsegmented);
        return new ComparisonReport(context, rows, ranked(set.campaigns(), byCampaign, Metric.ROAS, true),
                ranked(set.campaigns(), byCampaign, Metric.ROAS, false), leaders, mixed);
    }

    /** The campaign with the highest (or lowest) value; campaigns without a value take no part; ties go to the first asked. */
    static Ranked ranked(List<Campaign> campaigns, Map<UUID, MetricTotals> totals, Metric metric, boolean highest) {
        Ranked best = null;
        for (Campaign campaign : campaigns) {
            BigDecimal value = metric.valueOf(totals.get(campaign.id));
            if (value == null) {
                continue;
            }
            if (best == null || (highest ? value.compareTo(best.value()) > 0 : value.compareTo(best.value()) < 0)) {
                best = new Ranked(campaign.id, campaign.name, value);
            }
        }
        return best;
    }
}
