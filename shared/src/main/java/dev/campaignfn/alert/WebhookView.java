package dev.campaignfn.alert;

import java.time.Instant;
import java.util.UUID;

/** A webhook as answered; {@code secret} only in the answer that created it. */
public record WebhookView(UUID id, String name, String url, String format, boolean enabled, String secret, Instant createdAt,
        Instant updatedAt, long version) {
}
