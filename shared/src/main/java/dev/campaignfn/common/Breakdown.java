package dev.campaignfn.common;

/**
 * How a report statement sums what it reads: its last clause, over the columns {@code campaign_id},
 * {@code bucket} (1-based) and {@code segment} that every report statement selects from.
 */
public enum Breakdown {

    /** One row per campaign, bucket and segment value. */
    CAMPAIGN_AND_BUCKET("group by campaign_id, bucket, segment"),

    /**
     * One row per bucket and segment value over every campaign (no campaign), and one per campaign and
     * segment value over every bucket but the first ({@link #AFTER_FIRST}): a dashboard's trend and its
     * campaigns table, the first bucket being the period it compares with. A few hundred rows where the
     * other shape returns campaigns times buckets; sending those was most of a dashboard's statement time.
     */
    BUCKET_OR_CAMPAIGN("group by grouping sets ((campaign_id, bucket > 1, segment), (bucket, segment))"
            + " having grouping(campaign_id) = 1 or bucket > 1");

    /** The bucket (0-based) of a campaign's row in {@link #BUCKET_OR_CAMPAIGN}: every bucket after the first. */
    public static final int AFTER_FIRST = -1;

    private final String groupBy;

    Breakdown(String groupBy) {
        this.groupBy = groupBy;
    }

    /** The statement's last clause. */
    public String groupBy() {
        return groupBy;
    }
}
