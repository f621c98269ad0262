package dev.campaignfn.metrics;

import java.math.BigDecimal;

/**
 * What customer lifetime value is computed from: the revenue of a campaign's (non-bot) conversions from
 * its start up to a moment, and how many customers made them (distinct user_id, else session_id; a
 * conversion with neither counts as a customer of its own). Distinct customers do not add up over
 * buckets, so this is read from the events for whole periods, never from the rollups.
 */
public record CustomerValue(BigDecimal revenue, long customers) {

    public static final CustomerValue NONE = new CustomerValue(BigDecimal.ZERO.setScale(2), 0);

    /** Several campaigns: their customers are counted per campaign, so one person converting in two counts twice. */
    public CustomerValue plus(CustomerValue other) {
        return new CustomerValue(revenue.add(other.revenue), customers + other.customers);
    }
}
