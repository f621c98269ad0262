package dev.campaignfn.report;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Scheduled reports' settings (environment CAMPAIGNFN_REPORTS_*). */
@ConfigMapping(prefix = "campaignfn.reports")
public interface ReportsConfig {

    /**
     * The API's public base URL (https://api.example.com), put before a download path that the export
     * store answers relative to the API (the local store); S3's presigned URLs are absolute already.
     */
    Optional<String> publicBaseUrl();
}
