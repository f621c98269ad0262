package dev.campaignfn.campaign;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

import dev.campaignfn.common.WireEnum;
import dev.campaignfn.common.WireEnumConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Converter;

/** Where a channel runs. Seed 000 names five; the rest are the other common ad and owned platforms. */
@RegisterForReflection
public enum Platform implements WireEnum {
    FACEBOOK, INSTAGRAM, GOOGLE, LINKEDIN, EMAIL, TIKTOK, X, YOUTUBE, MICROSOFT, PINTEREST, SNAPCHAT, REDDIT,
    AFFILIATE, INFLUENCER, DISPLAY, SMS, WEBSITE, OTHER;

    /** Spelled out for OpenAPI scanners, which look for the annotated method on the enum itself. */
    @Override
    @JsonValue
    public String wire() {
        return WireEnum.super.wire();
    }

    /** The platform a channel id most likely names ({@code google_search} runs on google); OTHER if none. */
    public static Platform guessFrom(String channelId) {
        String id = channelId.toLowerCase(Locale.ROOT);
        for (Platform platform : values()) {
            if (platform != OTHER && (id.equals(platform.wire()) || id.startsWith(platform.wire() + "_")
                    || id.startsWith(platform.wire() + "-"))) {
                return platform;
            }
        }
        return OTHER;
    }

    @Converter(autoApply = true)
    public static class DbConverter extends WireEnumConverter<Platform> {
        public DbConverter() {
            super(Platform.class);
        }
    }
}
