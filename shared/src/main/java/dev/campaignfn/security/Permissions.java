package dev.campaignfn.security;

import java.util.Set;

/** The permissions every admin route checks (seed 004's, plus settings for operators). */
public final class Permissions {

    public static final String CAMPAIGNS_READ = "campaigns.read";
    public static final String CAMPAIGNS_CREATE = "campaigns.create";
    public static final String CAMPAIGNS_UPDATE = "campaigns.update";
    public static final String ANALYTICS_READ = "analytics.read";
    public static final String ANALYTICS_EXPORT = "analytics.export";
    /** Operator settings shared by all campaigns: plan benchmarks, alert webhooks. */
    public static final String SETTINGS_MANAGE = "settings.manage";

    public static final Set<String> ALL = Set.of(CAMPAIGNS_READ, CAMPAIGNS_CREATE, CAMPAIGNS_UPDATE, ANALYTICS_READ,
            ANALYTICS_EXPORT, SETTINGS_MANAGE);

    private Permissions() {
    }
}
