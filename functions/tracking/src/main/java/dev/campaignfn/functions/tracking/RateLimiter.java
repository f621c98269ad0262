package dev.campaignfn.functions.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.campaignfn.tracking.TrackingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A token bucket per client address: {@code requests-per-second} refill, {@code burst} capacity. It is
 * per function instance, a first line against one noisy client; API Gateway's throttling bounds the
 * whole API. The map is bounded: past its size the oldest knowledge is simply dropped. Time is the
 * application's clock, so that a test decides when tokens come back instead of the machine's speed.
 */
@ApplicationScoped
public class RateLimiter {

    static final int MAX_CLIENTS = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    TrackingConfig config;

    @Inject
    Clock clock;

    /** 0 when the request may go ahead, otherwise the whole seconds until the client may try again. */
    public long secondsUntilAllowed(String client) {
        Instant now = clock.instant();
        long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        int rate = config.rateLimit().requestsPerSecond();
        if (rate <= 0 || client == null) {
            return 0;
        }
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(config.rateLimit().burst(), nowNanos));
        return bucket.take(rate, config.rateLimit().burst(), nowNanos);
    }

    static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.refilledAt = now;
        }

        synchronized long take(int rate, int burst, long now) {
            // a wall clock can step back (NTP): that refills nothing rather than taking tokens away
            tokens = Math.min(burst, tokens + Math.max(0, now - refilledAt) / 1e9 * rate);
            refilledAt = Math.max(refilledAt, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / rate);
        }
    }
}
