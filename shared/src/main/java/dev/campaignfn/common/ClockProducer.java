package dev.campaignfn.common;

import java.time.Clock;
import java.time.Duration;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock of the application: UTC system time in microseconds (what timestamptz keeps, so an
 * answer shows the same instant a later read does), replaced by a controllable clock in tests.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
