package dev.campaignfn.rollup;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.metrics.CustomerValue;
import dev.campaignfn.metrics.MetricTotals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Lifetime totals of campaigns: event counts and revenue from the rollups and the raw tail (bots
 * excluded), the cost recorded in the spend ledger, and the customers behind customer lifetime value. KPIs and final reports read their measured
 * values here.
 */
@ApplicationScoped
public class CampaignMetricsReader {

    @Inject
    EntityManager em;

    @Inject
    EventTotals events;

    public MetricTotals lifetimeTotals(UUID campaignId) {
        return lifetimeTotals(List.of(campaignId)).getOrDefault(campaignId, MetricTotals.ZERO);
    }

    @SuppressWarnings("unchecked")
    public Map<UUID, MetricTotals> lifetimeTotals(Collection<UUID> campaignIds) {
        Map<UUID, MetricTotals> totals = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return totals;
        }
        Map<UUID, EventCounts> counts = events.lifetime(campaignIds, false);
        Map<UUID, CustomerValue> customers = events.customers(campaignIds, null);
        List<Object[]> spend = em.createNativeQuery("select id, actual_spend from campaigns where id = any(cast(?1 as uuid[]))")
                .setParameter(1, campaignIds.toArray(UUID[]::new)).getResultList();
        for (Object[] row : spend) {
            UUID id = (UUID) row[0];
            totals.put(id, counts.getOrDefault(id, EventCounts.ZERO).withCost((BigDecimal) row[1]).withCustomerValue(customers.get(id)));
        }
        return totals;
    }
}
