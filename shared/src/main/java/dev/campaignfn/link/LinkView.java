package dev.campaignfn.link;

import java.time.Instant;
import java.util.UUID;

/** A tracked link as the API answers it, with the URL it redirects to. */
public record LinkView(UUID id, UUID campaignId, String slug, String destinationUrl, String redirectsTo, String channel,
        String utmSource, String utmMedium, String utmCampaign, String utmTerm, String utmContent, String utmId,
        boolean disabled, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public static LinkView of(TrackedLink l) {
        return new LinkView(l.id, l.campaignId, l.slug, l.destinationUrl, TrackedLinks.redirectUrl(l.destinationUrl, l.utm()),
                l.channel, l.utmSource, l.utmMedium, l.utmCampaign, l.utmTerm, l.utmContent, l.utmId, l.disabled, l.createdBy,
                l.createdAt, l.updatedAt, l.version);
    }
}
