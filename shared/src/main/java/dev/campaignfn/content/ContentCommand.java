package dev.campaignfn.content;

import java.time.Instant;

import dev.campaignfn.campaign.Channels;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A content plan item as the caller writes it; status defaults to planned. */
public record ContentCommand(
        @NotBlank @Size(max = 50) String type,
        @NotBlank @Size(max = 255) String title,
        @Size(max = 10_000) String description,
        @Pattern(regexp = Channels.ID_PATTERN, message = Channels.ID_RULE) String channel,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String contentUrl,
        Instant publishDate,
        ContentStatus status) {
}
