package dev.campaignfn.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.campaignfn.analytics.PeriodView;

/** A report schedule, and its due period: the last complete one, delivered at the next run unless it already was. */
public record ScheduleView(UUID id, String name, ReportScope scope, UUID campaignId, List<UUID> campaignIds, ReportFrequency frequency,
        String timeZone, String format, List<UUID> webhookIds, boolean enabled, PeriodView duePeriod, String createdBy, Instant createdAt,
        Instant updatedAt, long version) {
}
