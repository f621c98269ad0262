package dev.campaignfn.functions.tracking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.campaignfn.testing.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The tests move time (grace periods, event age): this clock replaces the system clock in this module. */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
