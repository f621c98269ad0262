package dev.campaignfn.tracking;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Derives an event's channel when the client sends none, from its UTM source and medium (and, with
 * no UTM at all, from the referrer), in the spirit of the common analytics "default channel
 * grouping". The rules, first match wins:
 * <ol>
 * <li>medium cpc, ppc, paid, paidsearch, paid_search, sem and a search-engine source: {@code paid_search}</li>
 * <li>medium cpc, ppc, paid, paid_social, paidsocial and a social source: {@code paid_social}</li>
 * <li>medium display, banner, cpm, expandable, interstitial, programmatic: {@code display}</li>
 * <li>medium email, e-mail, e_mail, newsletter, or a source containing "email"/"newsletter": {@code email}</li>
 * <li>medium affiliate, affiliates, partner: {@code affiliate}</li>
 * <li>medium influencer, creator: {@code influencer}</li>
 * <li>medium sms, text: {@code sms}; medium push, push_notification: {@code push}; medium video: {@code video}</li>
 * <li>medium social, social_network, social-network, social_media, social-media, sm, or a social source: {@code organic_social}</li>
 * <li>medium organic and a search-engine source: {@code organic_search}</li>
 * <li>medium referral: {@code referral}</li>
 * <li>any other UTM tagging: {@code other}</li>
 * <li>no UTM: a search-engine referrer is {@code organic_search}, a social one {@code organic_social}, any other
 * referrer {@code referral}, none at all {@code direct}</li>
 * </ol>
 * Sources and media are compared case-insensitively; the stored UTM values keep their case.
 */
public final class ChannelGrouping {

    static final Set<String> SEARCH_ENGINES = Set.of("google", "bing", "yahoo", "duckduckgo", "baidu", "yandex", "ecosia",
            "naver", "seznam", "qwant", "brave", "startpage");
    static final Set<String> SOCIAL = Set.of("facebook", "fb", "instagram", "ig", "linkedin", "twitter", "x", "t.co",
            "tiktok", "pinterest", "reddit", "snapchat", "youtube", "threads", "mastodon", "bluesky", "whatsapp", "telegram",
            "messenger", "vk", "weibo", "wechat");
    private static final Set<String> PAID = Set.of("cpc", "ppc", "paid", "paidsearch", "paid_search", "sem", "paid_social",
            "paidsocial", "paid-social", "paid-search");
    private static final Set<String> DISPLAY = Set.of("display", "banner", "cpm", "expandable", "interstitial", "programmatic");
    private static final Set<String> EMAIL = Set.of("email", "e-mail", "e_mail", "newsletter");
    private static final Set<String> SOCIAL_MEDIUM = Set.of("social", "social_network", "social-network", "social_media",
            "social-media", "sm");

    private ChannelGrouping() {
    }

    public static String channelOf(Utm utm, String referrerUrl) {
        if (utm.isEmpty()) {
            String host = hostOf(referrerUrl);
            if (host == null) {
                return "direct";
            }
            if (matches(host, SEARCH_ENGINES)) {
                return "organic_search";
            }
            return matches(host, SOCIAL) ? "organic_social" : "referral";
        }
        String source = lower(utm.source());
        String medium = lower(utm.medium());
        boolean search = matches(source, SEARCH_ENGINES);
        boolean social = matches(source, SOCIAL);
        if (PAID.contains(medium) && search) {
            return "paid_search";
        }
        if (PAID.contains(medium) && social) {
            return "paid_social";
        }
        if (DISPLAY.contains(medium)) {
            return "display";
        }
        if (EMAIL.contains(medium) || source.contains("email") || source.contains("newsletter")) {
            return "email";
        }
        switch (medium) {
            case "affiliate", "affiliates", "partner":
                return "affiliate";
            case "influencer", "creator":
                return "influencer";
            case "sms", "text":
                return "sms";
            case "push", "push_notification":
                return "push";
            case "video":
                return "video";
            default:
                break;
        }
        if (SOCIAL_MEDIUM.contains(medium) || social) {
            return "organic_social";
        }
        if (medium.equals("organic") && search) {
            return "organic_search";
        }
        return medium.equals("referral") ? "referral" : "other";
    }

    /** A source or host names a service when it is the name itself or a domain of it (www.google.co.uk, m.facebook.com). */
    private static boolean matches(String sourceOrHost, Set<String> names) {
        if (sourceOrHost.isEmpty()) {
            return false;
        }
        if (names.contains(sourceOrHost)) {
            return true;
        }
        for (String label : sourceOrHost.split("[.\\s]")) {
            if (names.contains(label)) {
                return true;
            }
        }
        return false;
    }

    private static String hostOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
