package dev.campaignfn.http;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.campaignfn.analytics.Grouping;
import dev.campaignfn.analytics.RangePreset;
import dev.campaignfn.analytics.ReportRequest;
import dev.campaignfn.analytics.SeriesPoints;
import dev.campaignfn.campaign.Channels;
import dev.campaignfn.common.Rfc3339;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.WireEnum;
import dev.campaignfn.metrics.Metric;
import dev.campaignfn.tracking.DeviceType;
import dev.campaignfn.tracking.EventDimension;

/**
 * The query parameters every report takes (analytics and exports read them the same way): checked
 * one by one, a bad one is a 400 naming it.
 */
public final class ReportParams {

    private static final Pattern CHANNEL = Pattern.compile(Channels.ID_PATTERN);
    private static final int SEGMENT_LENGTH = 100;

    private ReportParams() {
    }

    public static ReportRequest of(ReportQuery query, RangePreset defaultRange) {
        LocalDate startDate = date(query.startDate, "start_date");
        LocalDate endDate = date(query.endDate, "end_date");
        if ((startDate == null) != (endDate == null)) {
            throw ValidationException.of(startDate == null ? "start_date" : "end_date",
                    "start_date and end_date go together (or use date_range)");
        }
        if (startDate != null && startDate.isAfter(endDate)) {
            throw ValidationException.of("start_date", "start_date " + startDate + " is after end_date " + endDate);
        }
        RangePreset preset = Params.oneOf(RangePreset.class, query.dateRange, "date_range", defaultRange);
        return new ReportRequest(startDate == null ? preset : null, startDate, endDate,
                Params.oneOf(Grouping.class, query.groupBy, "group_by", Grouping.DAY), metrics(query.metrics), filter(query),
                Params.oneOf(EventDimension.class, query.segmentBy, "segment_by", null), zone(query.tz),
                Params.bool(query.includeBots, "include_bots", false));
    }

    /** {@code metrics=views,clicks,ctr}: the metric names, or their series names (click_through_rate, conversion_rate). */
    static List<Metric> metrics(String value) {
        if (value == null || value.isBlank()) {
            return ReportRequest.ALL_METRICS;
        }
        Set<Metric> chosen = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Metric metric = SeriesPoints.named(name.strip());
            if (metric == null) {
                throw ValidationException.of("metrics", "unknown metric '" + name.strip() + "'; known: " + WireEnum.allowed(Metric.class)
                        + ", click_through_rate, conversion_rate, cost");
            }
            chosen.add(metric);
        }
        return chosen.isEmpty() ? ReportRequest.ALL_METRICS : new ArrayList<>(chosen);
    }

    private static Map<EventDimension, String> filter(ReportQuery query) {
        Map<EventDimension, String> filter = new EnumMap<>(EventDimension.class);
        String segment = Params.text(query.audienceSegment, "audience_segment", SEGMENT_LENGTH);
        if (segment != null) {
            filter.put(EventDimension.AUDIENCE_SEGMENT, segment);
        }
        String channel = query.channel;
        if (channel != null && !channel.isBlank()) {
            if (!CHANNEL.matcher(channel.strip()).matches()) {
                throw ValidationException.of("channel", "channel " + Channels.ID_RULE);
            }
            filter.put(EventDimension.CHANNEL, channel.strip());
        }
        DeviceType device = Params.oneOf(DeviceType.class, query.deviceType, "device_type", null);
        if (device != null) {
            filter.put(EventDimension.DEVICE_TYPE, device.wire());
        }
        return filter;
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = Rfc3339.date(value.strip());
        if (date == null) {
            throw ValidationException.of(name, "must be a date like 2026-03-01, not '" + value.strip() + "'");
        }
        return date;
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw ValidationException.of("tz", "must be an IANA time zone such as Europe/Paris, not '" + value.strip() + "'");
        }
    }
}
