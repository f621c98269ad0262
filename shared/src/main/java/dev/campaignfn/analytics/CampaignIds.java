package dev.campaignfn.analytics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.campaignfn.common.ValidationException;

/** The {@code campaign_ids} parameter: a comma-separated list of campaign UUIDs, repeats ignored. */
public final class CampaignIds {

    private CampaignIds() {
    }

    /** An empty list when absent and not required. */
    public static List<UUID> parse(String value, String parameter, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ValidationException.of(parameter, parameter + " is required: campaign UUIDs separated by commas");
            }
            return List.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                throw ValidationException.of(parameter, "'" + id + "' is not a campaign UUID");
            }
        }
        if (ids.isEmpty() && required) {
            throw ValidationException.of(parameter, parameter + " is required: campaign UUIDs separated by commas");
        }
        if (ids.size() > max) {
            throw ValidationException.of(parameter, "at most " + max + " campaigns, not " + ids.size());
        }
        return new ArrayList<>(ids);
    }
}
