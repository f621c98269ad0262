package dev.campaignfn.analytics;

import java.time.LocalDate;

/** A report's period as answered: first and last day (included) and how many days. */
public record PeriodView(LocalDate startDate, LocalDate endDate, long days) {

    public static PeriodView of(ReportPeriod period) {
        return new PeriodView(period.startDate(), period.endDate(), period.days());
    }
}
