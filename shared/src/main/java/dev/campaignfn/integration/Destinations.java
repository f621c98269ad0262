package dev.campaignfn.integration;

import java.util.EnumMap;
import java.util.Map;

/** The destination of each platform. */
public final class Destinations {

    private static final Map<IntegrationPlatform, Destination> BY_PLATFORM = new EnumMap<>(IntegrationPlatform.class);

    static {
        for (Destination d : new Destination[] { new Ga4Destination(), new MixpanelDestination(), new AmplitudeDestination(),
                new SegmentDestination() }) {
            BY_PLATFORM.put(d.platform(), d);
        }
    }

    private Destinations() {
    }

    public static Destination of(IntegrationPlatform platform) {
        return BY_PLATFORM.get(platform);
    }
}
