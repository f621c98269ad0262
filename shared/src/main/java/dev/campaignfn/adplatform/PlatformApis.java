package dev.campaignfn.adplatform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Which API speaks to a connection's platform. */
@ApplicationScoped
class PlatformApis {

    @Inject
    MetaMarketingApi meta;

    @Inject
    GoogleAdsApi googleAds;

    @Inject
    EspWebhook esp;

    PlatformApi of(AdPlatform platform) {
        return switch (platform) {
            case META -> meta;
            case GOOGLE_ADS -> googleAds;
            case ESP_WEBHOOK -> esp;
        };
    }
}
