package dev.campaignfn.metrics;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Lifetime totals of campaigns: event counts and revenue (bots excluded) and the cost recorded in
 * the spend ledger. KPIs and final reports read their measured values here.
 */
@ApplicationScoped
public class CampaignMetricsReader {

    @Inject
    EntityManager em;

    public MetricTotals lifetimeTotals(UUID campaignId) {
        return lifetimeTotals(List.of(campaignId)).getOrDefault(campaignId, MetricTotals.ZERO);
    }

    @SuppressWarnings("unchecked")
    public Map<UUID, MetricTotals> lifetimeTotals(Collection<UUID> campaignIds) {
        Map<UUID, MetricTotals> totals = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return totals;
        }
        List<Object[]> rows = em.createNativeQuery("""
                select c.id, c.actual_spend,
                       count(e.id) filter (where e.event_type = 'impression'),
                       count(e.id) filter (where e.event_type = 'view'),
                       count(e.id) filter (where e.event_type = 'click'),
                       count(e.id) filter (where e.event_type = 'conversion'),
                       coalesce(sum(e.value) filter (where e.event_type = 'conversion'), 0)
                  from campaigns c
                  left join campaign_events e on e.campaign_id = c.id and not e.is_bot
                 where c.id = any(cast(?1 as uuid[]))
                 group by c.id, c.actual_spend
                """).setParameter(1, campaignIds.toArray(UUID[]::new)).getResultList();
        for (Object[] row : rows) {
            totals.put((UUID) row[0], new MetricTotals(number(row[2]), number(row[3]), number(row[4]), number(row[5]),
                    (BigDecimal) row[6], (BigDecimal) row[1]));
        }
        return totals;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
