package dev.campaignfn.analytics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.campaignfn.budget.SpendTotals;
import dev.campaignfn.common.Breakdown;
import dev.campaignfn.common.ConcurrentReads;
import dev.campaignfn.metrics.MetricTotals;
import dev.campaignfn.tracking.BucketCounts;
import dev.campaignfn.tracking.BucketQuery;
import dev.campaignfn.tracking.EventCounts;
import dev.campaignfn.tracking.EventDimension;
import dev.campaignfn.tracking.EventTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one query path of every report and export: event counts from the read primitive joined with
 * the spend ledger's, per campaign, bucket and segment value (or per bucket and per campaign, see
 * {@link Breakdown}). Cost follows the events' breakdown where
 * the ledger has it (per channel) and is null where it cannot (per audience segment or device).
 */
@ApplicationScoped
public class ReportReader {

    private record Key(UUID campaignId, int bucket, String segment) {
    }

    @Inject
    EventTotals events;

    @Inject
    SpendTotals spend;

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
        boolean costKnown = request.costKnown() && (request.segmentBy() == null || request.segmentBy() == EventDimension.CHANNEL);
        Supplier<List<SpendTotals.SpendBucket>> spent = List::of;
        if (costKnown) {
            Supplier<List<SpendTotals.SpendBucket>> read = () -> spendBuckets(query, boundaries, request);
            // one campaign's ledger is read in a fraction of a millisecond: a thread hop would cost more than it saves
            spent = campaignZones.size() == 1 ? read : ConcurrentReads.start(read);
        }
        Map<Key, MetricTotals> rows = new LinkedHashMap<>();
        for (BucketCounts counts : events.buckets(query)) {
            EventCounts c = counts.counts();
            rows.put(new Key(counts.campaignId(), counts.bucket(), counts.segment()),
                    new MetricTotals(c.impressions(), c.views(), c.clicks(), c.conversions(), c.revenue(),
                            costKnown ? MetricTotals.ZERO.cost() : null));
        }
        for (SpendTotals.SpendBucket entry : spent.get()) {
            rows.merge(new Key(entry.campaignId(), entry.bucket(), entry.channel()), MetricTotals.ZERO.withCost(entry.amount()),
                    MetricTotals::plus);
        }
        List<ReportRow> result = new ArrayList<>(rows.size());
        rows.forEach((key, totals) -> result.add(new ReportRow(key.campaignId(), key.bucket(), key.segment(), totals)));
        return result;
    }

    /**
     * The ledger's side of the same buckets, each campaign in the zone its events are counted in: from the
     * daily spend rollups for campaigns counted in their own zone, from the entries for the others.
     */
    private List<SpendTotals.SpendBucket> spendBuckets(BucketQuery query, List<LocalDate> boundaries, ReportRequest request) {
        List<UUID> ownZone = new ArrayList<>();
        Map<UUID, ZoneId> otherZone = new LinkedHashMap<>();
        query.campaignZones().forEach((id, campaignZone) -> {
            if (query.zoneOf(id).equals(campaignZone)) {
                ownZone.add(id);
            } else {
                otherZone.put(id, query.zoneOf(id));
            }
        });
        String channel = request.filter().get(EventDimension.CHANNEL);
        boolean byChannel = request.segmentBy() == EventDimension.CHANNEL;
        List<SpendTotals.SpendBucket> buckets = spend.dailyBuckets(ownZone, boundaries, channel, byChannel, query.breakdown());
        buckets.addAll(spend.buckets(otherZone, boundaries, channel, byChannel, query.breakdown()));
        return buckets;
    }
}
