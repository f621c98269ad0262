package dev.campaignfn.functions.automation;

import java.time.Clock;
import java.time.Instant;

import dev.campaignfn.testing.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The tests drive time: this clock replaces the system clock (a default bean) in this module's tests. */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2031-05-01T08:00:00Z"));

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
