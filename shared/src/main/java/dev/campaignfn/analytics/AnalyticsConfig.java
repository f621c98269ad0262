package dev.campaignfn.analytics;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the analytics reports an operator can tune (environment CAMPAIGNFN_ANALYTICS_*). */
@ConfigMapping(prefix = "campaignfn.analytics")
public interface AnalyticsConfig {

    /** The longest period a report covers, in days (a campaign's lifetime is never cut). */
    @WithDefault("731")
    int maxRangeDays();

    /** Campaigns in one comparison. */
    @WithDefault("50")
    int maxCompared();

    /** Campaigns one dashboard, aggregate ROI or attribution answer covers. */
    @WithDefault("1000")
    int maxCampaigns();

    /** Rows of the dashboard's top campaigns table by default. */
    @WithDefault("10")
    int topCampaigns();

    /** The longest attribution lookback window. */
    @WithDefault("P90D")
    Duration maxLookback();

    /** Events one stream page holds at most. */
    @WithDefault("500")
    int maxStreamPage();
}
