package dev.campaignfn.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;

/**
 * The instants that hold the local days [first, end) in every one of several zones: from the earliest
 * start of {@code first} to the latest start of {@code end}. A statement over several campaigns,
 * each counting days in its own zone, reads this range and buckets each row in its campaign's zone.
 */
public record LocalDaySpan(Instant from, Instant to) {

    public static LocalDaySpan of(LocalDate first, LocalDate end, Collection<ZoneId> zones) {
        Instant from = null;
        Instant to = null;
        for (ZoneId zone : zones) {
            Instant start = first.atStartOfDay(zone).toInstant();
            Instant stop = end.atStartOfDay(zone).toInstant();
            from = from == null || start.isBefore(from) ? start : from;
            to = to == null || stop.isAfter(to) ? stop : to;
        }
        return new LocalDaySpan(from, to);
    }
}
