package dev.campaignfn.adplatform;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The Meta Marketing API (Graph API, version configured): a campaign's {@code status} ACTIVE or PAUSED and its
 * {@code daily_budget} or {@code lifetime_budget} in the account currency's minor units, set by a POST to the
 * campaign node; its spend by day from the campaign's {@code /insights} with {@code time_increment=1}. The access
 * token travels in the Authorization header, never in a URL.
 */
@ApplicationScoped
class MetaMarketingApi implements PlatformApi {

    /**
     * Graph error codes that say "later": temporary issues (1, 2), application, user and ad account rate limits (4, 17,
     * 32, 613, 80000-80014). Anything else (190 an expired or invalid token, 100 an invalid parameter, 200-299 a
     * missing permission) asks for a person.
     */
    private static final Set<Integer> TRANSIENT = Set.of(1, 2, 4, 17, 32, 341, 613);

    @Inject
    PlatformHttp http;

    @Inject
    AdPlatformsConfig config;

    @Override
    public Account check(ChannelConnection connection, Map<String, String> secrets) {
        String account = accountNode(connection);
        JsonNode info = http.send(get(base() + "/" + account + "?fields=name,currency,timezone_name,account_status", secrets), this::refusal);
        JsonNode campaign = http.send(get(base() + "/" + connection.setting("campaign_id") + "?fields=name,status,account_id", secrets),
                this::refusal);
        String campaignAccount = campaign.path("account_id").asText("");
        if (!campaignAccount.isEmpty() && !account.equals("act_" + campaignAccount)) {
            throw new PlatformRefusal(true, 200, "campaign " + connection.setting("campaign_id") + " belongs to ad account act_"
                    + campaignAccount + ", not " + account, null);
        }
        return new Account(info.path("currency").asText(null), info.path("timezone_name").asText(null), campaign.path("name").asText(null),
                campaign.path("status").asText(null));
    }

    @Override
    public void push(ChannelConnection connection, Map<String, String> secrets, ChannelPush push) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (ChannelPush.STATUS.equals(push.kind)) {
            fields.put("status", "active".equals(push.payload.get("status")) ? "ACTIVE" : "PAUSED");
        } else {
            boolean daily = "daily".equals(connection.setting("budget_mode"));
            BigDecimal amount = new BigDecimal(String.valueOf(push.payload.get(daily ? "daily_amount" : "amount")));
            String currency = String.valueOf(push.payload.get("currency"));
            fields.put(daily ? "daily_budget" : "lifetime_budget", minorUnits(amount, currency).toPlainString());
        }
        JsonNode answer = http.send(PlatformHttp.postForm(base() + "/" + connection.setting("campaign_id"), fields)
                .header("Authorization", "Bearer " + secrets.get("access_token")), this::refusal);
        if (!answer.path("success").asBoolean(false)) {
            throw new PlatformRefusal(false, 200, "the platform did not confirm the change: " + PlatformHttp.cut(answer.toString()), null);
        }
    }

    @Override
    public SpendReport spend(ChannelConnection connection, Map<String, String> secrets, LocalDate from, LocalDate to) {
        String url = base() + "/" + connection.setting("campaign_id") + "/insights?level=campaign&fields=spend,account_currency"
                + "&time_increment=1&limit=100&time_range=" + PlatformHttp.encode("{\"since\":\"" + from + "\",\"until\":\"" + to + "\"}");
        List<DaySpend> days = new ArrayList<>();
        String currency = null;
        while (url != null) {
            JsonNode page = http.send(get(url, secrets), this::refusal);
            for (JsonNode row : page.path("data")) {
                currency = row.path("account_currency").asText(currency);
                days.add(new DaySpend(LocalDate.parse(row.path("date_start").asText()), new BigDecimal(row.path("spend").asText("0"))));
            }
            String next = page.path("paging").path("next").asText(null);
            // the token goes to the configured host only, whatever a next link says
            url = next != null && next.startsWith(config.metaUrl() + "/") ? next : null;
        }
        return new SpendReport(currency, days);
    }

    /** A budget in the currency's minor units, as Meta takes it: cents for EUR and USD, yen for JPY. */
    static BigDecimal minorUnits(BigDecimal amount, String currency) {
        return amount.movePointRight(Currency.getInstance(currency).getDefaultFractionDigits()).setScale(0, java.math.RoundingMode.DOWN);
    }

    private PlatformRefusal refusal(int status, JsonNode body, String text, java.net.http.HttpResponse<String> response) {
        JsonNode error = body.path("error");
        int code = error.path("code").asInt(0);
        boolean transientError = status / 100 == 5 || status == 429 || TRANSIENT.contains(code) || (code >= 80000 && code <= 80014)
                || error.path("is_transient").asBoolean(false);
        String message = error.isMissingNode() ? text : PlatformHttp.cut("Meta " + status + " " + error.path("type").asText("error")
                + " code " + code + (error.has("error_subcode") ? "/" + error.path("error_subcode").asInt() : "") + ": "
                + error.path("message").asText(""));
        return new PlatformRefusal(!transientError, status, message, http.retryAfter(response));
    }

    private HttpRequest.Builder get(String url, Map<String, String> secrets) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + secrets.get("access_token")).GET();
    }

    private String base() {
        return config.metaUrl() + "/" + config.metaApiVersion();
    }

    private static String accountNode(ChannelConnection connection) {
        String account = connection.setting("ad_account_id");
        return account.startsWith("act_") ? account : "act_" + account;
    }
}
