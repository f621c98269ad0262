package dev.campaignfn.adplatform;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A channel's connection to create or replace. {@code settings} are the platform's non-secret values (Meta
 * {@code ad_account_id}, {@code campaign_id}, {@code budget_mode}; Google Ads {@code customer_id},
 * {@code campaign_id}, {@code login_customer_id}; the e-mail webhook's {@code url}); {@code secrets} its credentials,
 * required on create, kept when a replace leaves them out, never answered.
 */
public record ConnectionCommand(
        @NotNull AdPlatform platform,
        Map<@Size(max = 64) String, @Size(max = 2048) String> settings,
        Map<@Size(max = 64) String, @Size(max = 4096) String> secrets) {
}
