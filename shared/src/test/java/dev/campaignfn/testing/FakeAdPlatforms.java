package dev.campaignfn.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Meta Marketing API (Graph v23.0), the Google Ads API (REST v21) with Google's OAuth token endpoint, and an e-mail
 * service's webhook, played on one local port by the requests and answers this project uses: the paths and versions,
 * the fields and their types, Meta's {@code {"error": {"type", "code", "error_subcode"}}} bodies (190/463 an expired
 * token, 100 an invalid parameter, 17 a rate limit), Google's {@code RESOURCE_EXHAUSTED}, {@code UNAUTHENTICATED},
 * {@code invalid_grant} and GoogleAdsFailure details. Each platform keeps its campaigns' status and budget and records
 * every request and every change it applied (a change to the value a campaign already has is no change), so a test can
 * see that a state arrived once. Failures on demand: a status with a body, or accepting and then not answering.
 */
public final class FakeAdPlatforms implements QuarkusTestResourceLifecycleManager {

    public static final String META = "meta";
    public static final String GOOGLE = "google";
    public static final String ESP = "esp";
    public static final String META_TOKEN = "EAAB-meta-token";
    public static final String DEVELOPER_TOKEN = "dev-token-approved";
    public static final String REFRESH_TOKEN = "1//refresh-good";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CAMPAIGN_ID = Pattern.compile("campaign\\.id = (\\d+)");
    private static final Pattern BETWEEN = Pattern.compile("segments\\.date BETWEEN '([0-9-]{10})' AND '([0-9-]{10})'");
    private static final int PAGE = 5;

    private static volatile FakeAdPlatforms running;

    private HttpServer server;
    private String base;

    /** A platform campaign: its account, status, budget, spend by day. */
    public static final class Campaign {
        public String account;
        public String currency = "EUR";
        public String timeZone = "Europe/Paris";
        public String status;
        public Long dailyBudget;
        public Long lifetimeBudget;
        public String budgetResource;
        public Long amountMicros;
        public final Map<LocalDate, BigDecimal> spend = new TreeMap<>();
    }

    /** A change a platform applied: what, to which value. */
    public record Change(String platform, String campaign, String field, String value) {
    }

    public record Received(String platform, String method, String path, Map<String, List<String>> headers, String body, int status) {
    }

    public record Failure(int status, String body, boolean hangAfterAccepting) {
    }

    private final Map<String, Campaign> meta = new ConcurrentHashMap<>();
    private final Map<String, Campaign> google = new ConcurrentHashMap<>();
    private final Set<String> expiredMetaTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> revokedRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Received> espByKey = new ConcurrentHashMap<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();

    public static FakeAdPlatforms running() {
        return running;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        running = this;
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("campaignfn.ads.meta-url", base + "/meta");
        config.put("campaignfn.ads.google-ads-url", base + "/googleads");
        config.put("campaignfn.ads.google-oauth-url", base + "/oauth2/token");
        config.put("campaignfn.ads.required-platforms", "youtube");
        config.put("campaignfn.integrations.timeout", "PT1S");
        config.put("campaignfn.integrations.secret-key", FakePlatforms.secretKey());
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public String espUrl() {
        return base + "/esp/hook";
    }

    public Campaign metaCampaign(String id, String account) {
        Campaign campaign = new Campaign();
        campaign.account = account;
        campaign.status = "PAUSED";
        meta.put(id, campaign);
        return campaign;
    }

    public Campaign googleCampaign(String customer, String id) {
        Campaign campaign = new Campaign();
        campaign.account = customer;
        campaign.status = "PAUSED";
        campaign.budgetResource = "customers/" + customer + "/campaignBudgets/9" + id;
        campaign.amountMicros = 1_000_000L;
        google.put(id, campaign);
        return campaign;
    }

    public void expireMetaToken(String token) {
        expiredMetaTokens.add(token);
    }

    public void revive(String token) {
        expiredMetaTokens.remove(token);
    }

    public void revokeRefreshToken(String token) {
        revokedRefreshTokens.add(token);
    }

    public void fail(String platform, int times, Failure failure) {
        Deque<Failure> queue = failures.computeIfAbsent(platform, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(failure);
            }
        }
    }

    /** The changes applied to one campaign, in order. */
    public List<Change> changes(String platform, String campaign) {
        return changes.stream().filter(c -> c.platform().equals(platform) && c.campaign().equals(campaign)).toList();
    }

    public List<Received> requests(String platform) {
        return requests.stream().filter(r -> r.platform().equals(platform)).toList();
    }

    /** The e-mail webhook's calls, one per Idempotency-Key however often each was sent. */
    public Map<String, Received> espCalls() {
        return espByKey;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String platform = path.startsWith("/meta/") ? META : path.startsWith("/esp/") ? ESP : GOOGLE;
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Failure failure = null;
        Deque<Failure> queue = failures.get(platform);
        if (queue != null) {
            synchronized (queue) {
                failure = queue.poll();
            }
        }
        int status;
        String answer;
        if (failure != null && !failure.hangAfterAccepting()) {
            status = failure.status();
            answer = failure.body();
        } else {
            String[] result = switch (platform) {
                case META -> meta(exchange, path.substring("/meta".length()), body);
                case ESP -> esp(exchange, body);
                default -> google(exchange, path, body);
            };
            status = Integer.parseInt(result[0]);
            answer = result[1];
        }
        requests.add(new Received(platform, exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body, status));
        if (failure != null && failure.hangAfterAccepting()) {
            try {
                Thread.sleep(3_000); // past the client's timeout: the change is applied, the answer lost
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ------------------------------------------------------------------------------------------------ Meta

    private String[] meta(HttpExchange exchange, String path, String body) throws IOException {
        if (!path.startsWith("/v23.0/")) {
            return metaError(400, "OAuthException", 2635, null, "You are calling a deprecated or unknown version of the Graph API");
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        if (token == null || exchange.getRequestURI().getRawQuery() != null && exchange.getRequestURI().getRawQuery().contains("access_token")) {
            return metaError(400, "OAuthException", 2500, null, "An active access token must be used to query information about the current user.");
        }
        if (expiredMetaTokens.contains(token)) {
            return metaError(400, "OAuthException", 190, 463, "Error validating access token: Session has expired on Friday, 04-Dec-26 10:00:00 PST.");
        }
        if (!META_TOKEN.equals(token)) {
            return metaError(400, "OAuthException", 190, null, "Invalid OAuth access token - Cannot parse access token");
        }
        String[] parts = path.substring("/v23.0/".length()).split("/");
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (parts[0].startsWith("act_")) {
            String account = parts[0].substring(4);
            Campaign any = meta.values().stream().filter(c -> c.account.equals(account)).findFirst().orElse(null);
            if (any == null) {
                return metaError(400, "GraphMethodException", 100, 33, "Unsupported get request. Object with ID '" + parts[0] + "' does not exist");
            }
            return ok(Map.of("id", parts[0], "name", "Account " + account, "currency", any.currency, "timezone_name", any.timeZone,
                    "account_status", 1));
        }
        Campaign campaign = meta.get(parts[0]);
        if (campaign == null) {
            return metaError(400, "GraphMethodException", 100, 33, "Unsupported request. Object with ID '" + parts[0] + "' does not exist");
        }
        if (parts.length == 2 && parts[1].equals("insights")) {
            if (!"1".equals(query.get("time_increment")) || query.get("time_range") == null) {
                return metaError(400, "OAuthException", 100, null, "(#100) time_increment and time_range are required here");
            }
            JsonNode range = JSON.readTree(query.get("time_range"));
            LocalDate since = LocalDate.parse(range.path("since").asText());
            LocalDate until = LocalDate.parse(range.path("until").asText());
            List<Map<String, Object>> rows = new ArrayList<>();
            campaign.spend.forEach((day, amount) -> {
                if (!day.isBefore(since) && !day.isAfter(until)) {
                    rows.add(Map.of("spend", amount.toPlainString(), "account_currency", campaign.currency, "date_start", day.toString(),
                            "date_stop", day.toString()));
                }
            });
            int after = query.containsKey("after") ? Integer.parseInt(query.get("after")) : 0;
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("data", rows.subList(Math.min(after, rows.size()), Math.min(after + PAGE, rows.size())));
            if (after + PAGE < rows.size()) {
                page.put("paging", Map.of("next", base + exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getRawQuery()
                        .replaceAll("&after=\\d+", "") + "&after=" + (after + PAGE)));
            }
            return ok(page);
        }
        if ("GET".equals(exchange.getRequestMethod())) {
            return ok(Map.of("id", parts[0], "name", "Meta campaign " + parts[0], "status", campaign.status, "account_id", campaign.account));
        }
        Map<String, String> fields = form(body);
        if (fields.containsKey("status")) {
            if (!Set.of("ACTIVE", "PAUSED", "DELETED", "ARCHIVED").contains(fields.get("status"))) {
                return metaError(400, "OAuthException", 100, null, "(#100) Param status must be one of {ACTIVE, PAUSED, DELETED, ARCHIVED}");
            }
            apply(META, parts[0], "status", fields.get("status"), campaign.status);
            campaign.status = fields.get("status");
        }
        for (String field : List.of("daily_budget", "lifetime_budget")) {
            if (fields.containsKey(field)) {
                if (!fields.get(field).matches("[0-9]+") || Long.parseLong(fields.get(field)) < 100) {
                    return metaError(400, "OAuthException", 100, 1885272, "(#100) The budget is too low or not a whole number of minor units");
                }
                long value = Long.parseLong(fields.get(field));
                Long before = field.equals("daily_budget") ? campaign.dailyBudget : campaign.lifetimeBudget;
                apply(META, parts[0], field, String.valueOf(value), before == null ? null : before.toString());
                if (field.equals("daily_budget")) {
                    campaign.dailyBudget = value;
                } else {
                    campaign.lifetimeBudget = value;
                }
            }
        }
        return ok(Map.of("success", true));
    }

    private static String[] metaError(int status, String type, int code, Integer subcode, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "Afake" + UUID.randomUUID().toString().substring(0, 8));
        return new String[] {String.valueOf(status), JSON.writeValueAsString(Map.of("error", error))};
    }

    /** Meta's rate limit answer (code 17, "User request limit reached"). */
    public static Failure metaRateLimit() {
        return new Failure(400, "{\"error\":{\"message\":\"(#17) User request limit reached\",\"type\":\"OAuthException\",\"code\":17,"
                + "\"error_subcode\":2446079,\"is_transient\":true,\"fbtrace_id\":\"Afake17\"}}", false);
    }

    // ------------------------------------------------------------------------------------------------ Google

    private String[] google(HttpExchange exchange, String path, String body) throws IOException {
        if (path.equals("/oauth2/token")) {
            Map<String, String> fields = form(body);
            if (!"refresh_token".equals(fields.get("grant_type")) || fields.get("client_id") == null || fields.get("client_secret") == null) {
                return new String[] {"400", "{\"error\":\"invalid_request\",\"error_description\":\"Missing required parameter\"}"};
            }
            if (revokedRefreshTokens.contains(fields.get("refresh_token")) || !REFRESH_TOKEN.equals(fields.get("refresh_token"))) {
                return new String[] {"400", "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}"};
            }
            String token = "ya29." + UUID.randomUUID();
            accessTokens.add(token);
            return ok(Map.of("access_token", token, "expires_in", 3599, "scope", "https://www.googleapis.com/auth/adwords",
                    "token_type", "Bearer"));
        }
        Matcher route = Pattern.compile("/googleads/(v\\d+)/customers/(\\d+)/(googleAds:search|campaigns:mutate|campaignBudgets:mutate)")
                .matcher(path);
        if (!route.matches() || !"v21".equals(route.group(1))) {
            return googleError(404, "NOT_FOUND", "Method not found.", null);
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !accessTokens.contains(auth.substring(7))) {
            return googleError(401, "UNAUTHENTICATED", "Request is missing required authentication credential.",
                    "{\"authenticationError\":\"OAUTH_TOKEN_INVALID\"}");
        }
        if (!DEVELOPER_TOKEN.equals(exchange.getRequestHeaders().getFirst("developer-token"))) {
            return googleError(403, "PERMISSION_DENIED", "The caller does not have permission",
                    "{\"authorizationError\":\"DEVELOPER_TOKEN_NOT_APPROVED\"}");
        }
        String customer = route.group(2);
        JsonNode request = JSON.readTree(body);
        if (route.group(3).equals("googleAds:search")) {
            String query = request.path("query").asText();
            Matcher id = CAMPAIGN_ID.matcher(query);
            Campaign campaign = id.find() ? google.get(id.group(1)) : null;
            List<Map<String, Object>> rows = new ArrayList<>();
            if (campaign != null && campaign.account.equals(customer)) {
                Map<String, Object> customerRow = Map.of("resourceName", "customers/" + customer, "currencyCode", campaign.currency,
                        "timeZone", campaign.timeZone);
                Matcher between = BETWEEN.matcher(query);
                if (query.contains("metrics.cost_micros")) {
                    if (!between.find()) {
                        return googleError(400, "INVALID_ARGUMENT", "Request contains an invalid argument.",
                                "{\"queryError\":\"MISSING_DATE_RANGE\"}");
                    }
                    LocalDate from = LocalDate.parse(between.group(1));
                    LocalDate to = LocalDate.parse(between.group(2));
                    campaign.spend.forEach((day, amount) -> {
                        if (!day.isBefore(from) && !day.isAfter(to)) {
                            rows.add(Map.of("campaign", Map.of("resourceName", "customers/" + customer + "/campaigns/" + id.group(1)),
                                    "customer", customerRow, "metrics", Map.of("costMicros", amount.movePointRight(6).toBigInteger().toString()),
                                    "segments", Map.of("date", day.toString())));
                        }
                    });
                } else {
                    rows.add(Map.of("customer", customerRow, "campaign", Map.of("resourceName", "customers/" + customer + "/campaigns/"
                            + id.group(1), "id", id.group(1), "name", "Google campaign " + id.group(1), "status", campaign.status,
                            "campaignBudget", campaign.budgetResource)));
                }
            }
            int from = request.has("pageToken") ? Integer.parseInt(request.path("pageToken").asText()) : 0;
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("results", rows.subList(Math.min(from, rows.size()), Math.min(from + PAGE, rows.size())));
            if (from + PAGE < rows.size()) {
                page.put("nextPageToken", String.valueOf(from + PAGE));
            }
            return ok(page);
        }
        JsonNode operation = request.path("operations").path(0);
        JsonNode update = operation.path("update");
        String resource = update.path("resourceName").asText();
        if (route.group(3).equals("campaigns:mutate")) {
            Matcher m = Pattern.compile("customers/" + customer + "/campaigns/(\\d+)").matcher(resource);
            Campaign campaign = m.matches() ? google.get(m.group(1)) : null;
            if (campaign == null || !"status".equals(operation.path("updateMask").asText())) {
                return googleError(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", "{\"mutateError\":\"RESOURCE_NOT_FOUND\"}");
            }
            String status = update.path("status").asText();
            if (!Set.of("ENABLED", "PAUSED", "REMOVED").contains(status)) {
                return googleError(400, "INVALID_ARGUMENT", "Invalid value at 'operations[0].update.status'", null);
            }
            apply(GOOGLE, m.group(1), "status", status, campaign.status);
            campaign.status = status;
            return ok(Map.of("results", List.of(Map.of("resourceName", resource))));
        }
        Map.Entry<String, Campaign> owner = google.entrySet().stream().filter(e -> e.getValue().budgetResource.equals(resource)).findFirst()
                .orElse(null);
        if (owner == null || !"amount_micros".equals(operation.path("updateMask").asText())) {
            return googleError(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", "{\"mutateError\":\"RESOURCE_NOT_FOUND\"}");
        }
        JsonNode micros = update.path("amountMicros");
        if (!micros.isTextual() || !micros.asText().matches("[0-9]+") || Long.parseLong(micros.asText()) % 10_000 != 0) {
            return googleError(400, "INVALID_ARGUMENT", "Request contains an invalid argument.",
                    "{\"budgetError\":\"NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT\"}");
        }
        apply(GOOGLE, owner.getKey(), "amount_micros", micros.asText(), String.valueOf(owner.getValue().amountMicros));
        owner.getValue().amountMicros = Long.parseLong(micros.asText());
        return ok(Map.of("results", List.of(Map.of("resourceName", resource))));
    }

    private static String[] googleError(int status, String code, String message, String errorCode) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("message", message);
        error.put("status", code);
        if (errorCode != null) {
            error.put("details", List.of(Map.of("@type", "type.googleapis.com/google.ads.googleads.v21.errors.GoogleAdsFailure",
                    "errors", List.of(Map.of("errorCode", JSON.readTree(errorCode), "message", message)))));
        }
        return new String[] {String.valueOf(status), JSON.writeValueAsString(Map.of("error", error))};
    }

    /** Google Ads' quota answer. */
    public static Failure googleQuota() {
        return new Failure(429, "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\","
                + "\"status\":\"RESOURCE_EXHAUSTED\"}}", false);
    }

    // ------------------------------------------------------------------------------------------------ e-mail webhook

    private String[] esp(HttpExchange exchange, String body) {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            return new String[] {"400", "{\"error\":\"Idempotency-Key and JSON required\"}"};
        }
        espByKey.putIfAbsent(key, new Received(ESP, "POST", "/esp/hook", Map.copyOf(exchange.getRequestHeaders()), body, 202));
        return new String[] {"202", "{\"accepted\":true}"};
    }

    // ------------------------------------------------------------------------------------------------ common

    private void apply(String platform, String campaign, String field, String value, String before) {
        if (!value.equals(before)) {
            changes.add(new Change(platform, campaign, field, value));
        }
    }

    private static String[] ok(Object body) throws IOException {
        return new String[] {"200", JSON.writeValueAsString(body)};
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
