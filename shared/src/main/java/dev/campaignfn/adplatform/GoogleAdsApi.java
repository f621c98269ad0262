package dev.campaignfn.adplatform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The Google Ads API over REST (version configured): an access token from the OAuth refresh token, then
 * {@code googleAds:search} (GAQL) to read the campaign, its budget and {@code metrics.cost_micros} by
 * {@code segments.date} (the account's time zone and currency), {@code campaigns:mutate} for the status ENABLED or
 * PAUSED and {@code campaignBudgets:mutate} for {@code amount_micros}, the campaign budget's daily amount.
 */
@ApplicationScoped
class GoogleAdsApi implements PlatformApi {

    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    @Inject
    PlatformHttp http;

    @Inject
    AdPlatformsConfig config;

    @Override
    public Account check(ChannelConnection connection, Map<String, String> secrets) {
        JsonNode row = campaignRow(connection, secrets, token(secrets));
        return new Account(row.path("customer").path("currencyCode").asText(null), row.path("customer").path("timeZone").asText(null),
                row.path("campaign").path("name").asText(null), row.path("campaign").path("status").asText(null));
    }

    @Override
    public void push(ChannelConnection connection, Map<String, String> secrets, ChannelPush push) {
        String token = token(secrets);
        String customer = customer(connection);
        if (ChannelPush.STATUS.equals(push.kind)) {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("resourceName", "customers/" + customer + "/campaigns/" + connection.setting("campaign_id"));
            update.put("status", "active".equals(push.payload.get("status")) ? "ENABLED" : "PAUSED");
            mutate(connection, secrets, token, "campaigns:mutate", update, "status");
            return;
        }
        String budget = campaignRow(connection, secrets, token).path("campaign").path("campaignBudget").asText(null);
        if (budget == null) {
            throw new PlatformRefusal(true, 200, "campaign " + connection.setting("campaign_id") + " has no campaign budget to set", null);
        }
        BigDecimal daily = new BigDecimal(String.valueOf(push.payload.get("daily_amount")));
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("resourceName", budget);
        // int64 travels as a JSON string in Google's REST mapping
        update.put("amountMicros", daily.multiply(MICROS).setScale(0, RoundingMode.DOWN).toPlainString());
        mutate(connection, secrets, token, "campaignBudgets:mutate", update, "amount_micros");
    }

    @Override
    public SpendReport spend(ChannelConnection connection, Map<String, String> secrets, LocalDate from, LocalDate to) {
        String token = token(secrets);
        String query = "SELECT segments.date, metrics.cost_micros, customer.currency_code FROM campaign WHERE campaign.id = "
                + connection.setting("campaign_id") + " AND segments.date BETWEEN '" + from + "' AND '" + to + "'";
        List<DaySpend> days = new ArrayList<>();
        String currency = null;
        String pageToken = null;
        do {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", query);
            if (pageToken != null) {
                body.put("pageToken", pageToken);
            }
            JsonNode page = http.send(authorised(http.postJson(search(connection), body), connection, secrets, token), this::refusal);
            for (JsonNode row : page.path("results")) {
                currency = row.path("customer").path("currencyCode").asText(currency);
                BigDecimal micros = new BigDecimal(row.path("metrics").path("costMicros").asText("0"));
                days.add(new DaySpend(LocalDate.parse(row.path("segments").path("date").asText()),
                        micros.divide(MICROS, 2, RoundingMode.HALF_UP)));
            }
            pageToken = page.path("nextPageToken").asText(null);
        } while (pageToken != null && !pageToken.isEmpty());
        return new SpendReport(currency, days);
    }

    private JsonNode campaignRow(ChannelConnection connection, Map<String, String> secrets, String token) {
        String query = "SELECT customer.currency_code, customer.time_zone, campaign.id, campaign.name, campaign.status, "
                + "campaign.campaign_budget FROM campaign WHERE campaign.id = " + connection.setting("campaign_id");
        JsonNode answer = http.send(authorised(http.postJson(search(connection), Map.of("query", query)), connection, secrets, token),
                this::refusal);
        JsonNode results = answer.path("results");
        if (!results.isArray() || results.isEmpty()) {
            throw new PlatformRefusal(true, 200, "customer " + customer(connection) + " has no campaign " + connection.setting("campaign_id"),
                    null);
        }
        return results.get(0);
    }

    private void mutate(ChannelConnection connection, Map<String, String> secrets, String token, String service, Map<String, Object> update,
            String mask) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("updateMask", mask);
        operation.put("update", update);
        http.send(authorised(http.postJson(config.googleAdsUrl() + "/" + config.googleAdsApiVersion() + "/customers/" + customer(connection)
                + "/" + service, Map.of("operations", List.of(operation))), connection, secrets, token), this::refusal);
    }

    /** An access token for the refresh token: Google's OAuth answers 400 invalid_grant when it expired or was revoked. */
    private String token(Map<String, String> secrets) {
        JsonNode answer = http.send(PlatformHttp.postForm(config.googleOauthUrl(), Map.of("grant_type", "refresh_token", "client_id",
                secrets.get("client_id"), "client_secret", secrets.get("client_secret"), "refresh_token", secrets.get("refresh_token"))),
                (status, body, text, response) -> new PlatformRefusal(status != 429 && status / 100 != 5, status,
                        body.has("error") ? PlatformHttp.cut("Google OAuth " + status + " " + body.path("error").asText() + ": "
                                + body.path("error_description").asText("")) : text, http.retryAfter(response)));
        String token = answer.path("access_token").asText(null);
        if (token == null) {
            throw new PlatformRefusal(false, 200, "Google OAuth answered no access_token", null);
        }
        return token;
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request, ChannelConnection connection, Map<String, String> secrets,
            String token) {
        request.header("Authorization", "Bearer " + token).header("developer-token", secrets.get("developer_token"));
        String manager = connection.setting("login_customer_id");
        if (manager != null && !manager.isBlank()) {
            request.header("login-customer-id", manager.replace("-", ""));
        }
        return request;
    }

    /** 429 RESOURCE_EXHAUSTED and 5xx are worth retrying; 400, 401 UNAUTHENTICATED, 403 PERMISSION_DENIED, 404 are not. */
    private PlatformRefusal refusal(int status, JsonNode body, String text, HttpResponse<String> response) {
        JsonNode error = body.path("error");
        String message = error.isMissingNode() ? text : PlatformHttp.cut("Google Ads " + status + " " + error.path("status").asText("")
                + ": " + error.path("message").asText("") + details(error));
        return new PlatformRefusal(status != 429 && status / 100 != 5, status, message, http.retryAfter(response));
    }

    /** The GoogleAdsFailure's first error code and message, which say more than the status line. */
    private static String details(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            for (JsonNode failure : detail.path("errors")) {
                return " (" + failure.path("errorCode").toString() + " " + failure.path("message").asText("") + ")";
            }
        }
        return "";
    }

    private String search(ChannelConnection connection) {
        return config.googleAdsUrl() + "/" + config.googleAdsApiVersion() + "/customers/" + customer(connection) + "/googleAds:search";
    }

    private static String customer(ChannelConnection connection) {
        return connection.setting("customer_id").replace("-", "");
    }
}
