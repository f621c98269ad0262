package dev.campaignfn.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.common.WireEnum;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** How a series is bucketed: days, ISO weeks (Monday to Sunday) or calendar months, in the report's zone. */
@RegisterForReflection
public enum Grouping implements WireEnum {
    DAY, WEEK, MONTH;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    /** The first day of the bucket that holds this day. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the next bucket. */
    public LocalDate next(LocalDate day) {
        LocalDate start = start(day);
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
