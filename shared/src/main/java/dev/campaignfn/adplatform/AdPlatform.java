package dev.campaignfn.adplatform;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import dev.campaignfn.campaign.Platform;
import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/**
 * What a channel's connection talks to: a Meta ad campaign (Marketing API), a Google Ads campaign (Google Ads API),
 * or the user's e-mail service through a webhook. Each names the settings and secrets it takes and the channel
 * platforms it can run.
 */
@RegisterForReflection
public enum AdPlatform implements WireEnum {
    META(List.of("ad_account_id", "campaign_id"), List.of("budget_mode"), List.of("access_token"), List.of(),
            Set.of(Platform.FACEBOOK, Platform.INSTAGRAM)),
    GOOGLE_ADS(List.of("customer_id", "campaign_id"), List.of("login_customer_id"),
            List.of("developer_token", "client_id", "client_secret", "refresh_token"), List.of(), Set.of(Platform.GOOGLE, Platform.YOUTUBE)),
    ESP_WEBHOOK(List.of("url"), List.of(), List.of(), List.of("signing_secret"), Set.of(Platform.EMAIL));

    private final List<String> requiredSettings;
    private final List<String> optionalSettings;
    private final List<String> requiredSecrets;
    private final List<String> optionalSecrets;
    private final Set<Platform> channelPlatforms;

    AdPlatform(List<String> requiredSettings, List<String> optionalSettings, List<String> requiredSecrets, List<String> optionalSecrets,
            Set<Platform> channelPlatforms) {
        this.requiredSettings = requiredSettings;
        this.optionalSettings = optionalSettings;
        this.requiredSecrets = requiredSecrets;
        this.optionalSecrets = optionalSecrets;
        this.channelPlatforms = channelPlatforms;
    }

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    public List<String> requiredSettings() {
        return requiredSettings;
    }

    public List<String> optionalSettings() {
        return optionalSettings;
    }

    public List<String> requiredSecrets() {
        return requiredSecrets;
    }

    public List<String> optionalSecrets() {
        return optionalSecrets;
    }

    /** The channel platforms a connection of this kind can run. */
    public Set<Platform> channelPlatforms() {
        return channelPlatforms;
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<AdPlatform> {
        public DbConverter() {
            super(AdPlatform.class);
        }
    }
}
