package dev.campaignfn.functions.exports;

import java.time.Clock;
import java.time.Instant;

import dev.campaignfn.testing.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** "Now" for these tests; movable, so that job leases and download URLs can expire. */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-10T10:15:30Z"));

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
