package dev.campaignfn.tracking;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rules of event ingestion an operator can tune (environment CAMPAIGNFN_TRACKING_*). */
@ConfigMapping(prefix = "campaignfn.tracking")
public interface TrackingConfig {

    /** Events in one POST /track-events. */
    @WithDefault("500")
    int maxBatchSize();

    /** How far ahead of the server clock occurred_at may be (clients' clocks drift). */
    @WithDefault("PT5M")
    Duration futureSkew();

    /** How old an event may be when it arrives. */
    @WithDefault("P30D")
    Duration maxEventAge();

    /** How long a paused campaign keeps accepting events (late pixels, delayed conversions). */
    @WithDefault("PT24H")
    Duration pausedGrace();

    /** How long a completed campaign keeps accepting events (conversions after the end). */
    @WithDefault("P7D")
    Duration completedGrace();

    /** The largest conversion value accepted. */
    @WithDefault("1000000000")
    BigDecimal maxValue();

    /** Serialized size limit of event_data. */
    @WithDefault("4096")
    int maxEventDataBytes();

    /** How long a function instance trusts what it read about a campaign (status, currency, zone). */
    @WithDefault("PT10S")
    Duration campaignCacheTtl();

    RateLimit rateLimit();

    /** Requests per second and burst per client address, per function instance; 0 turns it off. */
    interface RateLimit {
        @WithDefault("50")
        int requestsPerSecond();

        @WithDefault("100")
        int burst();
    }
}
