package dev.campaignfn.rollup;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One campaign's events in one bucket (0-based, in the order of the query's boundaries) and, when the
 * query breaks down by a dimension, one value of it ({@code ""} for events without one, or when the
 * query has no breakdown). In {@link dev.campaignfn.common.Breakdown#BUCKET_OR_CAMPAIGN} the campaign
 * is null in a bucket's row over all campaigns, and the bucket is {@code AFTER_FIRST} in a campaign's row.
 * {@code spend} is the ledger's net amount in the same bucket and segment (0 where the query asked for none).
 */
public record BucketCounts(UUID campaignId, int bucket, String segment, EventCounts counts, BigDecimal spend) {
}
