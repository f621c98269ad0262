package dev.campaignfn.integration;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A destination to create or replace. {@code settings} are the platform's non-secret values (GA4
 * {@code measurement_id}, Mixpanel {@code project_id}, {@code region}); {@code secrets} its credentials, required on
 * create, kept when a replace leaves them out, never answered. {@code campaign_ids} empty or absent: every campaign.
 */
public record IntegrationCommand(
        @NotBlank @Size(max = 255) String name,
        @NotNull IntegrationPlatform platform,
        Map<@Size(max = 64) String, @Size(max = 255) String> settings,
        Map<@Size(max = 64) String, @Size(max = 1000) String> secrets,
        @Size(max = 1000) List<@NotNull UUID> campaignIds,
        Boolean includeBots,
        Boolean enabled) {
}
