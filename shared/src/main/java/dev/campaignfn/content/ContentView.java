package dev.campaignfn.content;

import java.time.Instant;
import java.util.UUID;

/** A content plan item as the API answers it. */
public record ContentView(UUID id, UUID campaignId, String type, String title, String description, String channel,
        String contentUrl, Instant publishDate, ContentStatus status, Instant createdAt, Instant updatedAt, long version) {

    public static ContentView of(ContentItem c) {
        return new ContentView(c.id, c.campaignId, c.contentType, c.title, c.description, c.channelId, c.contentUrl,
                c.publishDate, c.status, c.createdAt, c.updatedAt, c.version);
    }
}
