package dev.campaignfn.analytics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.campaign.CampaignChannel;
import dev.campaignfn.metrics.CustomerValue;
import dev.campaignfn.metrics.MetricFormulas;
import dev.campaignfn.metrics.MetricTotals;
import dev.campaignfn.rollup.EventTotals;
import dev.campaignfn.tracking.EventDimension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * One campaign's reports: seed 004's campaign analytics (summary, series, period-over-period change),
 * its summary, series and segment breakdown, and seed 000's funnel and per-channel metrics. All read
 * through {@link ReportReader}: rollups up to the watermark plus the raw tail.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CampaignAnalytics {

    /** Seed 004's campaign analytics. */
    public record CampaignReport(CampaignBrief campaign, @JsonUnwrapped ReportContext context, Summary summary,
            List<Map<String, Object>> dailyStats, Map<String, BigDecimal> periodChange, Map<String, BigDecimal> periodChangeExact,
            PreviousPeriod previousPeriod) {
    }

    /** What the change compares with: the same number of days just before. */
    public record PreviousPeriod(PeriodView period, Summary summary) {
    }

    public record SummaryReport(CampaignBrief campaign, @JsonUnwrapped ReportContext context, CampaignSummary summary) {
    }

    /**
     * The period's totals and metrics, with seed 004's summary-view fields beside them: the campaign's id
     * and its lifetime {@code first_event} and {@code last_event} (the seed's summary view is lifetime).
     */
    public record CampaignSummary(UUID campaignId, @JsonUnwrapped Summary totals, Instant firstEvent, Instant lastEvent) {
    }

    public record SeriesReport(CampaignBrief campaign, @JsonUnwrapped ReportContext context, List<Map<String, Object>> dailyStats) {
    }

    /** Seed 004's segmented stats (series per segment value) plus each segment's totals. */
    public record SegmentedReport(CampaignBrief campaign, @JsonUnwrapped ReportContext context, EventDimension segmentBy,
            List<SegmentSummary> segments, Map<String, List<Map<String, Object>>> segmentedStats) {
    }

    public record SegmentSummary(String segment, Summary summary) {
    }

    /** Seed 000's funnel: impressions, clicks, conversions and the rates between the steps. */
    public record FunnelReport(CampaignBrief campaign, @JsonUnwrapped ReportContext context, long impressions, long clicks,
            long conversions, BigDecimal clickThroughRate, BigDecimal conversionRate, BigDecimal overallConversionRate,
            List<FunnelStep> steps) {
    }

    /** One step: its count, the share of the step before it and of the first step, in percent. */
    public record FunnelStep(String step, long count, BigDecimal rateFromPrevious, BigDecimal rateFromStart) {
    }

    /** Seed 000's per-channel metrics of a multi-channel campaign, and their aggregate (ratios of sums). */
    public record ChannelReport(CampaignBrief campaign, @JsonUnwrapped ReportContext context, List<ChannelSummary> channels,
            Summary totals) {
    }

    public record ChannelSummary(String channel, boolean configured, Summary summary) {
    }

    /** Segment values without a value are reported under this name, as seed 004 does. */
    public static final String UNKNOWN_SEGMENT = "unknown";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    ReportReader reader;

    @Inject
    EventTotals events;

    @Inject
    AnalyticsConfig config;

    @Inject
    Clock clock;

    /** A campaign and the zone and period its report covers. */
    record Scope(Campaign campaign, ZoneId zone, ReportPeriod period, ReportContext context) {
        Map<UUID, ZoneId> zones() {
            return Map.of(campaign.id, campaign.zone());
        }
    }

    Scope scope(UUID campaignId, ReportRequest request) {
        Campaign campaign = Campaign.require(campaignId);
        ZoneId zone = request.zone() != null ? request.zone() : campaign.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        ReportPeriod period = request.period(today, lifetime(campaign, zone, today), config.maxRangeDays());
        ReportContext context = ReportContext.of(period, ReportZone.of(request.zone(), List.of(campaign.zone())), campaign.currency,
                request);
        return new Scope(campaign, zone, period, context);
    }

    /** The campaign's run in this zone: its first day to its last, or to today while it runs. */
    static ReportPeriod lifetime(Campaign campaign, ZoneId zone, LocalDate today) {
        LocalDate start = LocalDate.ofInstant(campaign.startDate, zone);
        LocalDate last = campaign.lastDay(zone);
        LocalDate end = today.isBefore(last) ? today : last;
        return new ReportPeriod(start, end.isBefore(start) ? start : end);
    }

    public CampaignReport report(UUID campaignId, ReportRequest request) {
        ReportRequest unsegmented = request.segmentedBy(null);
        Scope scope = scope(campaignId, unsegmented);
        ReportPeriod previous = scope.period().previous();
        List<LocalDate> series = scope.period().boundaries(unsegmented.groupBy());
        // bucket 0 is the whole previous period, the series follows: one read for both
        List<LocalDate> boundaries = new ArrayList<>(series.size() + 1);
        boundaries.add(previous.startDate());
        boundaries.addAll(series);
        boolean costKnown = unsegmented.costKnown();
        Map<Integer, MetricTotals> byBucket = ReportRow.sumBy(reader.read(scope.zones(), unsegmented.zone(), boundaries, unsegmented),
                ReportRow::bucket, costKnown);
        MetricTotals before = byBucket.getOrDefault(0, MetricTotals.zero(costKnown)).withCustomerValue(customers(scope, unsegmented,
                previous));
        Map<Integer, MetricTotals> current = new HashMap<>();
        MetricTotals total = MetricTotals.zero(costKnown);
        for (Map.Entry<Integer, MetricTotals> bucket : byBucket.entrySet()) {
            if (bucket.getKey() > 0) {
                current.put(bucket.getKey() - 1, bucket.getValue());
                total = total.plus(bucket.getValue());
            }
        }
        total = total.withCustomerValue(customers(scope, unsegmented, scope.period()));
        return new CampaignReport(CampaignBrief.of(scope.campaign()), scope.context(), Summary.of(total),
                SeriesPoints.of(series, current, unsegmented.metrics(), costKnown, identity(scope)), SeriesPoints.change(total, before),
                SeriesPoints.exactChange(total, before), new PreviousPeriod(PeriodView.of(previous), Summary.of(before)));
    }

    /** What a report of this campaign would cover (period, zone, currency, filters), without reading any event. */
    public ReportContext context(UUID campaignId, ReportRequest request) {
        return scope(campaignId, request.segmentedBy(null)).context();
    }

    /**
     * The period's totals and metrics alone (what a performance rule judges): none of {@link #summary}'s
     * lifetime reads (first and last event, the customers behind CLV), which a rule never uses.
     */
    public Summary totals(UUID campaignId, ReportRequest request) {
        ReportRequest unsegmented = request.segmentedBy(null);
        return Summary.of(total(scope(campaignId, unsegmented), unsegmented));
    }

    public SummaryReport summary(UUID campaignId, ReportRequest request) {
        ReportRequest unsegmented = request.segmentedBy(null);
        Scope scope = scope(campaignId, unsegmented);
        EventTotals.EventSpan span = events.span(campaignId, unsegmented.includeBots());
        MetricTotals total = total(scope, unsegmented).withCustomerValue(customers(scope, unsegmented, scope.period()));
        return new SummaryReport(CampaignBrief.of(scope.campaign()), scope.context(), new CampaignSummary(campaignId, Summary.of(total),
                span.firstEvent(), span.lastEvent()));
    }

    public SeriesReport daily(UUID campaignId, ReportRequest request) {
        ReportRequest unsegmented = request.segmentedBy(null);
        Scope scope = scope(campaignId, unsegmented);
        List<LocalDate> boundaries = scope.period().boundaries(unsegmented.groupBy());
        Map<Integer, MetricTotals> byBucket = ReportRow.sumBy(reader.read(scope.zones(), unsegmented.zone(), boundaries, unsegmented),
                ReportRow::bucket, unsegmented.costKnown());
        return new SeriesReport(CampaignBrief.of(scope.campaign()), scope.context(),
                SeriesPoints.of(boundaries, byBucket, unsegmented.metrics(), unsegmented.costKnown(), identity(scope)));
    }

    /** Breaks the series down by {@code segment_by} (seed 004's default: audience_segment); largest segments first. */
    public SegmentedReport segmented(UUID campaignId, ReportRequest request) {
        ReportRequest segmented = request.segmentBy() == null ? request.segmentedBy(EventDimension.AUDIENCE_SEGMENT) : request;
        Scope scope = scope(campaignId, segmented);
        List<LocalDate> boundaries = scope.period().boundaries(segmented.groupBy());
        List<ReportRow> rows = reader.read(scope.zones(), segmented.zone(), boundaries, segmented);
        boolean costKnown = segmented.costKnown() && segmented.segmentBy() == EventDimension.CHANNEL;
        Map<String, List<ReportRow>> bySegment = new HashMap<>();
        for (ReportRow row : rows) {
            bySegment.computeIfAbsent(segmentName(row.segment()), s -> new ArrayList<>()).add(row);
        }
        List<SegmentSummary> segments = new ArrayList<>();
        bySegment.forEach((segment, segmentRows) -> segments.add(new SegmentSummary(segment, Summary.of(ReportRow.sum(segmentRows,
                costKnown)))));
        segments.sort(Comparator.comparingLong((SegmentSummary s) -> -(s.summary().totalImpressions() + s.summary().totalViews()
                + s.summary().totalClicks() + s.summary().totalConversions())).thenComparing(SegmentSummary::segment));
        Map<String, List<Map<String, Object>>> stats = new LinkedHashMap<>();
        for (SegmentSummary segment : segments) {
            stats.put(segment.segment(), SeriesPoints.of(boundaries, ReportRow.sumBy(bySegment.get(segment.segment()), ReportRow::bucket,
                    costKnown), segmented.metrics(), costKnown, segmentIdentity(scope, segmented, segment.segment())));
        }
        return new SegmentedReport(CampaignBrief.of(scope.campaign()), scope.context(), segmented.segmentBy(), segments, stats);
    }

    public FunnelReport funnel(UUID campaignId, ReportRequest request) {
        ReportRequest unsegmented = request.segmentedBy(null);
        Scope scope = scope(campaignId, unsegmented);
        MetricTotals t = total(scope, unsegmented);
        List<FunnelStep> steps = List.of(
                new FunnelStep("impressions", t.impressions(), null, t.impressions() == 0 ? null : HUNDRED.setScale(2)),
                new FunnelStep("clicks", t.clicks(), t.ctr(), MetricFormulas.ratio(t.clicks(), t.impressions(), HUNDRED)),
                new FunnelStep("conversions", t.conversions(), t.cvr(), MetricFormulas.ratio(t.conversions(), t.impressions(), HUNDRED)));
        return new FunnelReport(CampaignBrief.of(scope.campaign()), scope.context(), t.impressions(), t.clicks(), t.conversions(),
                t.ctr(), t.cvr(), MetricFormulas.ratio(t.conversions(), t.impressions(), HUNDRED), steps);
    }

    /** Every channel the campaign is configured for or had events or spend on, busiest first. */
    public ChannelReport channels(UUID campaignId, ReportRequest request) {
        ReportRequest byChannel = request.segmentedBy(EventDimension.CHANNEL);
        Scope scope = scope(campaignId, byChannel);
        boolean costKnown = byChannel.costKnown();
        Map<String, MetricTotals> totals = ReportRow.sumBy(reader.read(scope.zones(), byChannel.zone(),
                scope.period().boundaries(), byChannel), row -> segmentName(row.segment()), costKnown);
        Set<String> configured = new LinkedHashSet<>();
        CampaignChannel.of(campaignId).forEach(channel -> configured.add(channel.channelId));
        String only = byChannel.filter().get(EventDimension.CHANNEL);
        List<ChannelSummary> channels = new ArrayList<>();
        MetricTotals all = MetricTotals.zero(costKnown);
        Set<String> names = new LinkedHashSet<>(totals.keySet());
        configured.stream().filter(c -> only == null || only.equals(c)).forEach(names::add);
        for (String name : names) {
            MetricTotals channel = totals.getOrDefault(name, MetricTotals.zero(costKnown));
            all = all.plus(channel);
            channels.add(new ChannelSummary(name, configured.contains(name), Summary.of(channel)));
        }
        channels.sort(Comparator.comparingLong((ChannelSummary c) -> -c.summary().totalImpressions())
                .thenComparing(ChannelSummary::channel));
        return new ChannelReport(CampaignBrief.of(scope.campaign()), scope.context(), channels, Summary.of(all));
    }

    /** What every point of a campaign's series repeats: seed 004's {@code campaign_id}. */
    private static Map<String, Object> identity(Scope scope) {
        return Map.of("campaign_id", scope.campaign().id);
    }

    /**
     * A segment's points name the row as seed 004's segmented view does: the campaign, then each of its
     * three dimensions. The one segmented by holds the segment's value (null for events without one, as
     * the seed's view), a filtered one the filter's value, the others null: they are summed over.
     */
    private static Map<String, Object> segmentIdentity(Scope scope, ReportRequest request, String segment) {
        Map<String, Object> identity = new LinkedHashMap<>(identity(scope));
        for (EventDimension dimension : EventDimension.values()) {
            String value = dimension == request.segmentBy() ? (UNKNOWN_SEGMENT.equals(segment) ? null : segment)
                    : request.filter().get(dimension);
            identity.put(dimension.column(), value);
        }
        return identity;
    }

    /** The campaign's customer value up to the end of the period, for its CLV. */
    private CustomerValue customers(Scope scope, ReportRequest request, ReportPeriod period) {
        return reader.customers(scope.zones(), request, period.endDate()).get(scope.campaign().id);
    }

    private MetricTotals total(Scope scope, ReportRequest request) {
        return ReportRow.sum(reader.read(scope.zones(), request.zone(), scope.period().boundaries(), request), request.costKnown());
    }

    static String segmentName(String segment) {
        return segment == null || segment.isEmpty() ? UNKNOWN_SEGMENT : segment;
    }
}
