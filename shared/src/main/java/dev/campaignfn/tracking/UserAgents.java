package dev.campaignfn.tracking;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a user agent says about its device, and whether it is a bot. Bots and crawlers are stored
 * and counted separately, and left out of every metric unless a report asks for them. Traffic repeats
 * the same few user agents, so each answer is remembered (in a bounded map) instead of re-parsed.
 */
public final class UserAgents {

    /** Crawlers, link previews, monitors and HTTP libraries: traffic that is not a person. */
    private static final List<String> BOT_MARKERS = List.of("bot/", "bot;", "bot)", "bot ", "-bot", "_bot", "crawl", "spider",
            "slurp", "scrap", "archiver", "facebookexternalhit", "facebookcatalog", "embedly", "quora link preview", "whatsapp",
            "bingpreview", "google-inspectiontool", "googleother", "mediapartners-google", "adsbot", "apis-google", "feedfetcher",
            "headlesschrome", "phantomjs", "lighthouse", "pingdom", "uptimerobot", "statuscake", "datadog", "newrelicpinger",
            "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "okhttp", "go-http-client", "java/",
            "apache-httpclient", "libwww-perl", "httpie", "postmanruntime", "node-fetch", "axios/", "gptbot", "chatgpt-user",
            "ccbot", "claudebot", "anthropic-ai", "bytespider", "petalbot", "yandex", "baiduspider");
    private static final List<String> TABLET_MARKERS = List.of("ipad", "tablet", "kindle", "silk/", "playbook");
    private static final List<String> MOBILE_MARKERS = List.of("mobi", "iphone", "ipod", "windows phone", "blackberry",
            "opera mini", "iemobile");
    static final int MAX_REMEMBERED = 10_000;

    /** What one user agent says. */
    public record Reading(boolean bot, DeviceType device) {
    }

    private static final Reading UNKNOWN = new Reading(false, DeviceType.OTHER);
    private static final Map<String, Reading> REMEMBERED = new ConcurrentHashMap<>();

    private UserAgents() {
    }

    /** A missing user agent is no evidence either way here; browser hits treat it as a bot themselves. */
    public static Reading read(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        Reading known = REMEMBERED.get(userAgent);
        if (known == null) {
            known = parse(userAgent.toLowerCase(Locale.ROOT));
            if (REMEMBERED.size() >= MAX_REMEMBERED) {
                REMEMBERED.clear();
            }
            REMEMBERED.put(userAgent, known);
        }
        return known;
    }

    public static boolean isBot(String userAgent) {
        return read(userAgent).bot();
    }

    public static DeviceType deviceOf(String userAgent) {
        return read(userAgent).device();
    }

    private static Reading parse(String ua) {
        boolean bot = ua.endsWith("bot") || containsAny(ua, BOT_MARKERS);
        DeviceType device;
        if (containsAny(ua, TABLET_MARKERS) || (ua.contains("android") && !ua.contains("mobile"))) {
            device = DeviceType.TABLET;
        } else if (containsAny(ua, MOBILE_MARKERS) || (ua.contains("android") && ua.contains("mobile"))) {
            device = DeviceType.MOBILE;
        } else {
            device = bot ? DeviceType.OTHER : DeviceType.DESKTOP;
        }
        return new Reading(bot, device);
    }

    private static boolean containsAny(String text, List<String> markers) {
        for (String marker : markers) {
            if (text.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
