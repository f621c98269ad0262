package dev.campaignfn.link;

import dev.campaignfn.campaign.Channels;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tracked link as the caller writes it; without a slug one is made up. */
public record LinkCommand(
        @Pattern(regexp = "[A-Za-z0-9_-]{3,64}", message = "must be 3 to 64 letters, digits, '-' or '_'") String slug,
        @NotBlank @Size(max = 2048) String destinationUrl,
        @Pattern(regexp = Channels.ID_PATTERN, message = Channels.ID_RULE) String channel,
        @Size(max = 255) String utmSource,
        @Size(max = 255) String utmMedium,
        @Size(max = 255) String utmCampaign,
        @Size(max = 255) String utmTerm,
        @Size(max = 255) String utmContent,
        @Size(max = 255) String utmId,
        Boolean disabled) {
}
