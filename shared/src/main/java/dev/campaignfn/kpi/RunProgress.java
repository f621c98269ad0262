package dev.campaignfn.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import dev.campaignfn.campaign.Campaign;

/**
 * How far a campaign's run has got, in its reporting zone's days: of its {@code totalDays} (first to
 * last day), {@code elapsedDays} have begun by now (today included; 0 before the first day, all from
 * the last). {@code elapsedShare} is their ratio, 0 to 1.
 */
public record RunProgress(long elapsedDays, long totalDays, BigDecimal elapsedShare) {

    public static RunProgress of(Campaign campaign, Instant now) {
        ZoneId zone = campaign.zone();
        LocalDate first = LocalDate.ofInstant(campaign.startDate, zone);
        LocalDate last = campaign.lastDay(zone);
        long total = Math.max(1, ChronoUnit.DAYS.between(first, last) + 1);
        LocalDate today = LocalDate.ofInstant(now, zone);
        long elapsed = today.isBefore(first) ? 0 : Math.min(total, ChronoUnit.DAYS.between(first, today) + 1);
        return new RunProgress(elapsed, total, BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_UP));
    }

    /** The days of the run still to spend, today included: all of them before the first day, 1 from the last day on. */
    public long daysLeft() {
        return totalDays - Math.max(elapsedDays, 1) + 1;
    }
}
