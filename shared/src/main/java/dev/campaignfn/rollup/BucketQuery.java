package dev.campaignfn.rollup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.campaignfn.common.Breakdown;
import dev.campaignfn.tracking.EventDimension;

/**
 * What to count, bucket by bucket: campaigns (with their reporting zones), the buckets as local dates
 * ({@code boundaries}: each bucket's first day, then the day after the last bucket), in one zone for
 * all or in each campaign's own ({@code zone} null), optionally only events with given dimension
 * values, optionally broken down by one dimension, summed per campaign and bucket or as {@code breakdown}
 * says, with the spend of the same buckets where it is known.
 */
public record BucketQuery(Map<UUID, ZoneId> campaignZones, ZoneId zone, List<LocalDate> boundaries,
        Map<EventDimension, String> filter, EventDimension segmentBy, boolean includeBots, Breakdown breakdown) {

    public BucketQuery {
        if (boundaries.size() < 2) {
            throw new IllegalArgumentException("at least one bucket");
        }
        filter = Map.copyOf(filter);
    }

    public int bucketCount() {
        return boundaries.size() - 1;
    }

    /** The zone a campaign's events are bucketed in. */
    public ZoneId zoneOf(UUID campaignId) {
        return zone != null ? zone : campaignZones.get(campaignId);
    }

    /** Whether spend is known for these buckets: the ledger has channels, not audience segments or devices. */
    public boolean withSpend() {
        return dimensions().isEmpty() || dimensions().equals(Set.of(EventDimension.CHANNEL));
    }

    /** Every dimension the query filters or breaks down by. */
    public Set<EventDimension> dimensions() {
        Set<EventDimension> dimensions = EnumSet.noneOf(EventDimension.class);
        dimensions.addAll(filter.keySet());
        if (segmentBy != null) {
            dimensions.add(segmentBy);
        }
        return dimensions;
    }
}
