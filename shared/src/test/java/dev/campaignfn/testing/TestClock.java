package dev.campaignfn.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The tests drive time: in a module whose tests set {@code campaignfn.test.clock=movable} (test
 * application.properties), this clock replaces the system clock (a default bean). It starts at the
 * instant of the system property {@code campaignfn.test.now} (set by the module's surefire
 * configuration), or at the wall clock's when that is absent, and moves only when a test moves it.
 */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(start());

    private static Instant start() {
        String now = System.getProperty("campaignfn.test.now");
        return now == null || now.isBlank() ? Instant.now().truncatedTo(ChronoUnit.MICROS) : Instant.parse(now);
    }

    @Produces
    @Singleton
    @IfBuildProperty(name = "campaignfn.test.clock", stringValue = "movable")
    Clock clock() {
        return CLOCK;
    }
}
