package dev.campaignfn.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * GA4's Measurement Protocol, Mixpanel's /import, Amplitude's HTTP V2 API and Segment's /v1/batch, played on one
 * local port. Each checks a request against the platform's documented rules (required fields, types, names, batch
 * and size limits) and answers 400 naming the broken rule, as the platform's validation would; it de-duplicates on
 * the platform's key (Mixpanel {@code $insert_id}, Amplitude {@code insert_id}, Segment {@code messageId}; GA4 has
 * none, so it keeps every copy) and can fail on demand: a status (with {@code Retry-After}), or a hang after
 * accepting (the answer lost, the events kept).
 */
public final class FakePlatforms implements QuarkusTestResourceLifecycleManager {

    public static final String GA4 = "ga4";
    public static final String MIXPANEL = "mixpanel";
    public static final String AMPLITUDE = "amplitude";
    public static final String SEGMENT = "segment";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GA4_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Pattern INSERT_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

    private static volatile FakePlatforms running;

    private HttpServer server;

    /** Accepted events per platform, by de-duplication key (GA4: by our event_id parameter), with their copies. */
    private final Map<String, Map<String, List<JsonNode>>> accepted = new ConcurrentHashMap<>();
    /** Every request per platform, whatever it was answered. */
    private final Map<String, List<Received>> requests = new ConcurrentHashMap<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();

    /** A request as it arrived and what it was answered. */
    public record Received(String query, Map<String, List<String>> headers, String body, int status) {
    }

    /** An answer to give instead of the platform's: a status (with Retry-After seconds), or a hang after accepting. */
    public record Failure(int status, Integer retryAfterSeconds, boolean hangAfterAccepting) {
    }

    public static FakePlatforms running() {
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
        server.createContext("/mp/collect", exchange -> handle(exchange, GA4));
        server.createContext("/import", exchange -> handle(exchange, MIXPANEL));
        server.createContext("/2/httpapi", exchange -> handle(exchange, AMPLITUDE));
        server.createContext("/v1/batch", exchange -> handle(exchange, SEGMENT));
        server.start();
        running = this;
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        for (String name : List.of("ga4", "mixpanel", "amplitude", "segment")) {
            config.put("campaignfn.integrations." + name + "-url", base);
            config.put("campaignfn.integrations." + name + "-eu-url", base);
        }
        config.put("campaignfn.integrations.timeout", "PT1S");
        config.put("campaignfn.integrations.secret-key", secretKey());
        return config;
    }

    /** A key made for this run (the repository holds none), base64 of 32 random bytes as the integrations take it. */
    public static String secretKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public void reset() {
        accepted.clear();
        requests.clear();
        failures.clear();
    }

    /** The next {@code times} requests to the platform get this answer. */
    public void fail(String platform, int times, Failure failure) {
        Deque<Failure> queue = failures.computeIfAbsent(platform, k -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(failure);
            }
        }
    }

    /** Accepted events by de-duplication key, each with its copies (more than one only where the platform keeps them). */
    public Map<String, List<JsonNode>> accepted(String platform) {
        return accepted.getOrDefault(platform, Map.of());
    }

    public List<Received> requests(String platform) {
        return requests.getOrDefault(platform, List.of());
    }

    private void handle(HttpExchange exchange, String platform) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String query = exchange.getRequestURI().getRawQuery();
        Failure failure = next(platform);
        int status;
        String answer;
        if (failure != null && !failure.hangAfterAccepting()) {
            status = failure.status();
            answer = "{\"error\":\"injected failure\"}";
            if (failure.retryAfterSeconds() != null) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(failure.retryAfterSeconds()));
            }
        } else {
            String problem = "POST".equals(exchange.getRequestMethod()) ? check(platform, exchange, query, body) : "only POST is accepted";
            status = problem == null ? (GA4.equals(platform) ? 204 : 200) : 400;
            answer = problem == null ? answer(platform, body) : JSON.writeValueAsString(Map.of("error", problem));
            if (problem == null) {
                store(platform, body);
            }
        }
        requests.computeIfAbsent(platform, k -> new CopyOnWriteArrayList<>())
                .add(new Received(query, new LinkedHashMap<>(exchange.getRequestHeaders()), body, status));
        if (failure != null && failure.hangAfterAccepting()) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private Failure next(String platform) {
        Deque<Failure> queue = failures.get(platform);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    private static String answer(String platform, String body) throws IOException {
        return switch (platform) {
            case MIXPANEL -> "{\"code\":200,\"num_records_imported\":" + JSON.readTree(body).size() + ",\"status\":\"OK\"}";
            case AMPLITUDE -> "{\"code\":200,\"events_ingested\":" + JSON.readTree(body).get("events").size() + "}";
            case SEGMENT -> "{\"success\":true}";
            default -> "";
        };
    }

    private void store(String platform, String body) throws IOException {
        Map<String, List<JsonNode>> store = accepted.computeIfAbsent(platform, k -> new ConcurrentHashMap<>());
        JsonNode root = JSON.readTree(body);
        switch (platform) {
            case GA4 -> root.get("events").forEach(e -> copy(store, e.get("params").get("event_id").asText(), withVisitor(root, e)));
            case MIXPANEL -> root.forEach(e -> dedupe(store, e.get("properties").get("$insert_id").asText(), e));
            case AMPLITUDE -> root.get("events").forEach(e -> dedupe(store, e.get("insert_id").asText(), e));
            default -> root.get("batch").forEach(e -> dedupe(store, e.get("messageId").asText(), e));
        }
    }

    private static JsonNode withVisitor(JsonNode root, JsonNode event) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = event.deepCopy();
        copy.set("client_id", root.get("client_id"));
        if (root.has("user_id")) {
            copy.set("user_id", root.get("user_id"));
        }
        return copy;
    }

    private static void copy(Map<String, List<JsonNode>> store, String key, JsonNode event) {
        store.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(event);
    }

    private static void dedupe(Map<String, List<JsonNode>> store, String key, JsonNode event) {
        store.putIfAbsent(key, new CopyOnWriteArrayList<>(List.of(event)));
    }

    // ------------------------------------------------------------------------------------------ the platforms' rules

    private static String check(String platform, HttpExchange exchange, String query, String body) {
        try {
            JsonNode root = JSON.readTree(body);
            return switch (platform) {
                case GA4 -> ga4(params(query), body, root);
                case MIXPANEL -> mixpanel(params(query), exchange.getRequestHeaders().getFirst("Authorization"), body, root);
                case AMPLITUDE -> amplitude(body, root);
                default -> segment(exchange.getRequestHeaders().getFirst("Authorization"), body, root);
            };
        } catch (IOException e) {
            return "the body is not JSON: " + e.getMessage();
        }
    }

    private static String ga4(Map<String, String> query, String body, JsonNode root) {
        if (query.get("measurement_id") == null || !query.get("measurement_id").startsWith("G-") || query.get("api_secret") == null) {
            return "measurement_id and api_secret are required in the query";
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > 130_000) {
            return "the body is larger than 130 kB";
        }
        if (!root.path("client_id").isTextual() || root.get("client_id").asText().isEmpty()) {
            return "client_id is required";
        }
        JsonNode events = root.path("events");
        if (!events.isArray() || events.isEmpty() || events.size() > 25) {
            return "events must hold 1 to 25 events";
        }
        for (JsonNode event : events) {
            String name = event.path("name").asText();
            if (!GA4_NAME.matcher(name).matches() || name.startsWith("ga_") || name.startsWith("google_") || name.startsWith("firebase_")) {
                return "invalid event name '" + name + "'";
            }
            JsonNode params = event.path("params");
            if (params.size() > 25) {
                return "more than 25 parameters";
            }
            var fields = params.fields();
            while (fields.hasNext()) {
                var param = fields.next();
                int max = switch (param.getKey()) {
                    case "page_location" -> 1000;
                    case "page_referrer" -> 420;
                    default -> 100;
                };
                if (!GA4_NAME.matcher(param.getKey()).matches()) {
                    return "invalid parameter name '" + param.getKey() + "'";
                }
                if (param.getValue().isTextual() && param.getValue().asText().length() > max) {
                    return "parameter " + param.getKey() + " is longer than " + max;
                }
                if (param.getValue().isContainerNode()) {
                    return "parameter " + param.getKey() + " must be a string or a number";
                }
            }
            long micros = event.path("timestamp_micros").asLong(0);
            if (micros < (System.currentTimeMillis() - 72L * 3600 * 1000) * 1000 || micros > (System.currentTimeMillis() + 900_000) * 1000) {
                return "timestamp_micros must be within the last 72 hours";
            }
        }
        return null;
    }

    private static String mixpanel(Map<String, String> query, String authorization, String body, JsonNode root) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return "Basic authentication is required";
        }
        String credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        if (!credentials.endsWith(":") && query.get("project_id") == null) {
            return "project_id is required with a service account";
        }
        if (!"1".equals(query.get("strict"))) {
            return "this test expects strict mode";
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > 10_000_000 || !root.isArray() || root.isEmpty() || root.size() > 2000) {
            return "the body must be an array of 1 to 2000 events within 10 MB";
        }
        for (JsonNode event : root) {
            JsonNode p = event.path("properties");
            if (!event.path("event").isTextual() || !p.path("time").isIntegralNumber() || !p.has("distinct_id")
                    || !INSERT_ID.matcher(p.path("$insert_id").asText()).matches()) {
                return "each event needs event, properties.time (ms), properties.distinct_id and a valid $insert_id";
            }
        }
        return null;
    }

    private static String amplitude(String body, JsonNode root) {
        if (!root.path("api_key").isTextual() || root.get("api_key").asText().isEmpty()) {
            return "missing api_key";
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > 1_000_000) {
            return "payload too large";
        }
        JsonNode events = root.path("events");
        if (!events.isArray() || events.isEmpty() || events.size() > 2000) {
            return "events must hold 1 to 2000 events";
        }
        int minIdLength = root.path("options").path("min_id_length").asInt(5);
        for (JsonNode event : events) {
            String user = event.path("user_id").asText("");
            String device = event.path("device_id").asText("");
            if (!event.path("event_type").isTextual() || (user.length() < minIdLength && device.length() < minIdLength)
                    || !event.path("time").isIntegralNumber() || !event.path("insert_id").isTextual()) {
                return "each event needs event_type, user_id or device_id, time (ms) and insert_id";
            }
        }
        return null;
    }

    private static String segment(String authorization, String body, JsonNode root) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return "the write key is required as Basic authentication";
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > 500_000) {
            return "the batch is larger than 500 KB";
        }
        JsonNode batch = root.path("batch");
        if (!batch.isArray() || batch.isEmpty()) {
            return "batch must hold calls";
        }
        for (JsonNode call : batch) {
            if (call.toString().getBytes(StandardCharsets.UTF_8).length > 32_000 || !"track".equals(call.path("type").asText())
                    || !call.path("event").isTextual() || !call.path("messageId").isTextual()
                    || !(call.has("userId") || call.has("anonymousId"))) {
                return "each call must be a track call within 32 KB with event, messageId and userId or anonymousId";
            }
        }
        return null;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
