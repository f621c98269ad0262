package dev.campaignfn.functions.analytics;

import java.time.Clock;
import java.time.Instant;

import dev.campaignfn.testing.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * "Now" for these tests: 10 November 2026, so that the 95 days of history before it hold the autumn
 * DST changes of Europe (25 October) and the United States (1 November), and the spring ones of
 * Lord Howe Island (4 October, half an hour) and the Chatham Islands (27 September, at :45).
 */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-10T10:15:30Z"));

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
