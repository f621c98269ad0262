package dev.campaignfn.report;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A report schedule as the caller writes it. {@code campaign_id} for a campaign report;
 * {@code campaign_ids} for the dashboard (empty: every campaign that ran in the period). {@code time_zone}
 * defaults to the campaign's (UTC for the dashboard), {@code format} to csv, {@code webhook_ids} to every
 * enabled webhook, {@code enabled} to true.
 */
public record ScheduleCommand(
        @NotBlank @Size(max = 255) String name,
        @NotNull ReportScope scope,
        UUID campaignId,
        @Size(max = 50) List<@NotNull UUID> campaignIds,
        @NotNull ReportFrequency frequency,
        @Size(max = 64) String timeZone,
        @Size(max = 8) String format,
        @Size(max = 20) List<@NotNull UUID> webhookIds,
        Boolean enabled) {
}
