package dev.campaignfn.http;

import dev.campaignfn.common.ValidationException;

/**
 * Optimistic locking over HTTP: answers carry the resource version as an ETag, and a write with
 * {@code If-Match} applies only to that version (412 otherwise).
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header asks for, or null when there is none (or it is {@code *}). */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ValidationException.of("If-Match", "must be the ETag of the resource, such as \"3\"");
        }
    }
}
