package dev.campaignfn.analytics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.campaignfn.common.ValidationException;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.tracking.EventDimension;

/**
 * What a report is asked for, as seed 004's query parameters say it: a preset range ({@code date_range})
 * or explicit days ({@code start_date}, {@code end_date}), the bucketing ({@code group_by}), the
 * metrics a series carries, filters on event dimensions, a breakdown ({@code segment_by}), a zone that
 * overrides the campaigns' own ({@code tz}) and whether bots count.
 */
public record ReportRequest(RangePreset preset, LocalDate startDate, LocalDate endDate, Grouping groupBy, List<Metric> metrics,
        Map<EventDimension, String> filter, EventDimension segmentBy, ZoneId zone, boolean includeBots) {

    public ReportRequest {
        metrics = List.copyOf(metrics);
        filter = filter.isEmpty() ? Map.of() : new EnumMap<>(filter);
    }

    /** Every metric, in the order the API lists them. */
    public static final List<Metric> ALL_METRICS = List.of(Metric.values());

    /** The period for a report whose "today" is in this zone; {@code lifetime} is the campaign's own run. */
    public ReportPeriod period(LocalDate today, ReportPeriod lifetime, int maxDays) {
        ReportPeriod period;
        if (startDate != null) {
            period = new ReportPeriod(startDate, endDate);
        } else if (preset == RangePreset.LIFETIME) {
            return lifetime;
        } else {
            period = new ReportPeriod(today.minusDays(preset.days() - 1L), today);
        }
        if (period.days() > maxDays) {
            throw ValidationException.of(startDate != null ? "end_date" : "date_range",
                    "a report covers at most " + maxDays + " days, not " + period.days());
        }
        return period;
    }

    /** This request with other metrics. */
    public ReportRequest withMetrics(List<Metric> chosen) {
        return new ReportRequest(preset, startDate, endDate, groupBy, chosen, filter, segmentBy, zone, includeBots);
    }

    /** This request with its breakdown replaced (null: none). */
    public ReportRequest segmentedBy(EventDimension dimension) {
        return new ReportRequest(preset, startDate, endDate, groupBy, metrics, filter, dimension, zone, includeBots);
    }

    /**
     * Spend is booked per campaign and channel, never per audience segment or device: with such a
     * filter, money metrics that need cost cannot be told and are null.
     */
    public boolean costKnown() {
        return !filter.containsKey(EventDimension.AUDIENCE_SEGMENT) && !filter.containsKey(EventDimension.DEVICE_TYPE);
    }
}
