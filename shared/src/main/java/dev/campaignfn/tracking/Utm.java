package dev.campaignfn.tracking;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The six UTM parameters, read from the event's own fields or, where those are missing, from the
 * landing URL's query. Values keep the case they were sent in.
 */
public record Utm(String source, String medium, String campaign, String term, String content, String id) {

    public static final Utm NONE = new Utm(null, null, null, null, null, null);

    public boolean isEmpty() {
        return source == null && medium == null && campaign == null && term == null && content == null && id == null;
    }

    /** Fields win; the landing URL fills the gaps. */
    public Utm orFrom(String landingUrl) {
        if (landingUrl == null) {
            return this;
        }
        Map<String, String> query = queryOf(landingUrl);
        return new Utm(or(source, query.get("utm_source")), or(medium, query.get("utm_medium")),
                or(campaign, query.get("utm_campaign")), or(term, query.get("utm_term")), or(content, query.get("utm_content")),
                or(id, query.get("utm_id")));
    }

    /** The query parameters of a URL, decoded; the first occurrence of a name wins. */
    static Map<String, String> queryOf(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        try {
            String query = URI.create(url.strip()).getRawQuery();
            if (query == null) {
                return params;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
                    if (!value.isEmpty()) {
                        params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), value);
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // an unparseable landing URL simply has no UTM parameters
        }
        return params;
    }

    private static String or(String value, String fallback) {
        if (value != null) {
            return value;
        }
        return fallback == null ? null : fallback.length() > 255 ? fallback.substring(0, 255) : fallback;
    }
}
