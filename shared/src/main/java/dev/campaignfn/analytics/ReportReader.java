package dev.campaignfn.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.campaignfn.common.Breakdown;
import dev.campaignfn.metrics.CustomerValue;
import dev.campaignfn.metrics.MetricTotals;
import dev.campaignfn.rollup.BucketCounts;
import dev.campaignfn.rollup.BucketQuery;
import dev.campaignfn.rollup.EventCounts;
import dev.campaignfn.rollup.EventTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one query path of every report and export: event counts and spend from the read primitive, per
 * campaign, bucket and segment value (or per bucket and per campaign, see {@link Breakdown}). Cost
 * follows the events' breakdown where the ledger has it (per channel) and is null where it cannot (per
 * audience segment or device).
 */
@ApplicationScoped
public class ReportReader {

    private record Key(UUID campaignId, int bucket, String segment) {
    }

    @Inject
    EventTotals events;

    /**
     * Each campaign's customer value (for CLV) from its first event to the end of {@code lastDay} in its
     * own zone, or in the report's zone when it has one: one statement per distinct end. Empty when the
     * report is filtered or counts bots: CLV is a figure of the campaign's customers, not of a slice.
     */
    public Map<UUID, CustomerValue> customers(Map<UUID, ZoneId> campaignZones, ReportRequest request, LocalDate lastDay) {
        if (!request.filter().isEmpty() || request.includeBots()) {
            return Map.of();
        }
        ZoneId zone = request.zone();
        Map<Instant, List<UUID>> byEnd = new LinkedHashMap<>();
        campaignZones.forEach((id, own) -> byEnd.computeIfAbsent(lastDay.plusDays(1).atStartOfDay(zone != null ? zone : own).toInstant(),
                end -> new ArrayList<>()).add(id));
        Map<UUID, CustomerValue> values = new LinkedHashMap<>();
        byEnd.forEach((end, ids) -> values.putAll(events.customers(ids, end)));
        return values;
    }

    /** One row per campaign, bucket and segment value. */
    public List<ReportRow> read(Map<UUID, ZoneId> campaignZones, ZoneId zone, List<LocalDate> boundaries, ReportRequest request) {
        return read(campaignZones, zone, boundaries, request, Breakdown.CAMPAIGN_AND_BUCKET);
    }

    /**
     * @param campaignZones the campaigns and their own reporting zones
     * @param zone the zone every campaign is reported in, or null for each its own
     * @param boundaries each bucket's first day, then the day after the last bucket
     * @param breakdown the rows wanted: per campaign and bucket, or per bucket and per campaign
     */
    public List<ReportRow> read(Map<UUID, ZoneId> campaignZones, ZoneId zone, List<LocalDate> boundaries, ReportRequest request,
            Breakdown breakdown) {
        if (campaignZones.isEmpty()) {
            return List.of();
        }
        BucketQuery query = new BucketQuery(campaignZones, zone, boundaries, request.filter(), request.segmentBy(),
                request.includeBots(), breakdown);
        boolean costKnown = query.withSpend();
        // a key can come from several statements (one per source), each with its part of the campaigns
        Map<Key, MetricTotals> rows = new LinkedHashMap<>();
        for (BucketCounts counts : events.buckets(query)) {
            EventCounts c = counts.counts();
            rows.merge(new Key(counts.campaignId(), counts.bucket(), counts.segment()), new MetricTotals(c.impressions(), c.views(),
                    c.clicks(), c.conversions(), c.revenue(), costKnown ? counts.spend() : null), MetricTotals::plus);
        }
        List<ReportRow> result = new ArrayList<>(rows.size());
        rows.forEach((key, totals) -> result.add(new ReportRow(key.campaignId(), key.bucket(), key.segment(), totals)));
        return result;
    }
}
