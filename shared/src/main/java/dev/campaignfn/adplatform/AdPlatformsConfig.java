package dev.campaignfn.adplatform;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The ad platforms' addresses and API versions, and the launch policy (environment CAMPAIGNFN_ADS_*). The addresses
 * are configuration so that the same code talks to the real platforms and, in the tests, to local servers playing
 * them. The connections' secrets are sealed with the integrations' key (CAMPAIGNFN_INTEGRATIONS_SECRET_KEY).
 */
@ConfigMapping(prefix = "campaignfn.ads")
public interface AdPlatformsConfig {

    /** The Graph API host the Meta Marketing API is served from. */
    @WithDefault("https://graph.facebook.com")
    String metaUrl();

    @WithDefault("v23.0")
    String metaApiVersion();

    @WithDefault("https://googleads.googleapis.com")
    String googleAdsUrl();

    @WithDefault("v21")
    String googleAdsApiVersion();

    /** Where a Google OAuth refresh token is exchanged for an access token. */
    @WithDefault("https://oauth2.googleapis.com/token")
    String googleOauthUrl();

    /**
     * Channel platforms (facebook, instagram, google, youtube, email) whose channels cannot launch without a working
     * connection. Empty: a channel without one launches as bookkeeping only, as before connections existed.
     */
    Optional<List<String>> requiredPlatforms();

    /** How many days back each spend pull reads (the platforms restate recent days). */
    @WithDefault("30")
    int spendDays();
}
