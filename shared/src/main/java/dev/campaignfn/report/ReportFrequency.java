package dev.campaignfn.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.analytics.ReportPeriod;
import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/** How often a scheduled report is delivered; each delivery covers the last complete period, in the schedule's zone. */
@RegisterForReflection
public enum ReportFrequency implements WireEnum {
    DAILY, WEEKLY, MONTHLY;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    /** The last period that ended before {@code today}: yesterday, last ISO week (Monday to Sunday), or last month. */
    public ReportPeriod lastComplete(LocalDate today) {
        return switch (this) {
            case DAILY -> new ReportPeriod(today.minusDays(1), today.minusDays(1));
            case WEEKLY -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                yield new ReportPeriod(monday, monday.plusDays(6));
            }
            case MONTHLY -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield new ReportPeriod(first, first.withDayOfMonth(first.lengthOfMonth()));
            }
        };
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<ReportFrequency> {
        public DbConverter() {
            super(ReportFrequency.class);
        }
    }
}
