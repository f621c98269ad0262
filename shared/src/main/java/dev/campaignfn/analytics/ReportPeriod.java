package dev.campaignfn.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A report's days, first and last included, in the report's time zone. */
public record ReportPeriod(LocalDate startDate, LocalDate endDate) {

    public ReportPeriod {
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("end before start");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    /** The same number of days just before: what period-over-period change compares with. */
    public ReportPeriod previous() {
        return new ReportPeriod(startDate.minusDays(days()), startDate.minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    /**
     * The first day of each bucket, the first one cut to the period's start, then the day after the
     * period: every day of the period falls in exactly one bucket.
     */
    public List<LocalDate> boundaries(Grouping grouping) {
        List<LocalDate> boundaries = new ArrayList<>();
        for (LocalDate day = startDate; !day.isAfter(endDate); day = grouping.next(day)) {
            boundaries.add(day);
        }
        boundaries.add(endDate.plusDays(1));
        return boundaries;
    }

    /** The period as one bucket. */
    public List<LocalDate> boundaries() {
        return List.of(startDate, endDate.plusDays(1));
    }
}
