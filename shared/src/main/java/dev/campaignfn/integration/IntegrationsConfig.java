package dev.campaignfn.integration;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The integrations' key and the platforms' addresses (environment CAMPAIGNFN_INTEGRATIONS_*). The addresses are
 * configuration so that the same code talks to the real platforms and, in the tests, to local servers playing them.
 */
@ConfigMapping(prefix = "campaignfn.integrations")
public interface IntegrationsConfig {

    /**
     * The AES-256 key (base64 of 32 bytes) the destinations' secrets are encrypted with at rest. Without one no
     * integration can be created or forwarded to.
     */
    Optional<String> secretKey();

    @WithDefault("https://www.google-analytics.com")
    String ga4Url();

    @WithDefault("https://region1.google-analytics.com")
    String ga4EuUrl();

    @WithDefault("https://api.mixpanel.com")
    String mixpanelUrl();

    @WithDefault("https://api-eu.mixpanel.com")
    String mixpanelEuUrl();

    @WithDefault("https://api2.amplitude.com")
    String amplitudeUrl();

    @WithDefault("https://api.eu.amplitude.com")
    String amplitudeEuUrl();

    @WithDefault("https://api.segment.io")
    String segmentUrl();

    @WithDefault("https://events.eu1.segmentapis.com")
    String segmentEuUrl();

    /** How long one request to a platform may take. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Attempts of a batch before it is dead-lettered. */
    @WithDefault("8")
    int maxAttempts();
}
