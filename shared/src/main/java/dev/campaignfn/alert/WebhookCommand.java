package dev.campaignfn.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A webhook alerts are delivered to: JSON (signed) or Slack-compatible text. Without a secret one is
 * made up; it is answered once, when the webhook is created, and never again.
 */
public record WebhookCommand(
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an absolute http(s) URL") String url,
        @Pattern(regexp = "json|slack", message = "must be json or slack") String format,
        @Size(min = 16, max = 255) String secret,
        Boolean enabled) {
}
