package dev.campaignfn.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.campaignfn.metrics.Metric;

/**
 * What every answer states about itself: the period, the zone its days are in ({@code campaign} when
 * each campaign counts its own days, then {@code time_zones} lists them), the currency of its money,
 * how it is bucketed, which metrics were asked for, the filters and whether bots are counted.
 */
public record ReportContext(PeriodView period, String timeZone, List<String> timeZones, String currency, Grouping groupBy,
        List<Metric> metrics, Map<String, String> filters, boolean includeBots) {

    /** The zone label of answers that count each campaign's days in its own zone. */
    public static final String PER_CAMPAIGN_ZONE = "campaign";

    public static ReportContext of(ReportPeriod period, ReportZone zone, String currency, ReportRequest request) {
        Map<String, String> filters = new LinkedHashMap<>();
        request.filter().forEach((dimension, value) -> filters.put(dimension.wire(), value));
        return new ReportContext(PeriodView.of(period), zone.label(), zone.zones(), currency, request.groupBy(), request.metrics(),
                filters, request.includeBots());
    }
}
