package dev.campaignfn.tracking;

import java.util.regex.Pattern;

/**
 * What a user agent says about its device, and whether it is a bot. Bots and crawlers are stored
 * and counted separately, and left out of every metric unless a report asks for them.
 */
public final class UserAgents {

    /** Crawlers, link previews, monitors and HTTP libraries: traffic that is not a person. */
    private static final Pattern BOT = Pattern.compile(
            "bot\\b|bot/|crawl|spider|slurp|scrap|archiver|facebookexternalhit|facebookcatalog|embedly|quora link preview"
                    + "|whatsapp|telegrambot|discordbot|slackbot|linkedinbot|pinterestbot|bingpreview|google-inspectiontool"
                    + "|googleother|mediapartners-google|adsbot|apis-google|feedfetcher|headlesschrome|phantomjs|lighthouse"
                    + "|pingdom|uptimerobot|statuscake|datadog|newrelicpinger|curl/|wget/|python-requests|python-urllib"
                    + "|aiohttp|okhttp|go-http-client|java/|apache-httpclient|libwww-perl|httpie|postmanruntime|node-fetch"
                    + "|axios/|gptbot|chatgpt-user|ccbot|claudebot|anthropic-ai|bytespider|petalbot|yandex|baiduspider",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLET = Pattern.compile("ipad|tablet|kindle|silk/|playbook|android(?!.*mobile)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MOBILE = Pattern.compile(
            "mobi|iphone|ipod|android.*mobile|windows phone|blackberry|opera mini|iemobile", Pattern.CASE_INSENSITIVE);

    private UserAgents() {
    }

    /** A missing user agent is treated as a bot: every browser sends one. */
    public static boolean isBot(String userAgent) {
        return userAgent == null || userAgent.isBlank() || BOT.matcher(userAgent).find();
    }

    public static DeviceType deviceOf(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return DeviceType.OTHER;
        }
        if (TABLET.matcher(userAgent).find()) {
            return DeviceType.TABLET;
        }
        if (MOBILE.matcher(userAgent).find()) {
            return DeviceType.MOBILE;
        }
        if (isBot(userAgent)) {
            return DeviceType.OTHER;
        }
        return DeviceType.DESKTOP;
    }
}
