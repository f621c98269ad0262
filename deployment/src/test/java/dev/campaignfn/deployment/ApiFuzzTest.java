package dev.campaignfn.deployment;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The API against inputs nobody should send, as an outside fuzzer would send them: requests over every operation of
 * openapi.yaml, made by jqwik, to the launcher started from its jar. Three properties:
 * <ul>
 * <li>hostile: one place of a plausible request (a body property, the whole body, a query or a path parameter) holds a
 * hostile value: NUL and other control characters, lone surrogates, 100 KB strings, 1e400, out-of-range dates,
 * wrong types, deep JSON, invalid UTF-8;</li>
 * <li>unstorable text: every place that takes text, given text PostgreSQL cannot store as sent, refuses it;</li>
 * <li>shaped: random requests shaped by the operation's own schemas.</li>
 * </ul>
 * Every answer: no 5xx; a 4xx is an {@code application/problem+json} body naming no Java type, SQL or stack frame, and
 * leaves every table as it was; every status is one openapi.yaml documents for the operation, and every body matches
 * the schema it documents (networknt's validator). Bounded: a few thousand requests, a few minutes.
 */
class ApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiDocument API = ApiDocument.committed();
    static final List<ApiDocument.Operation> OPERATIONS = new ArrayList<>();

    static {
        for (ApiDocument.Operation operation : API.operations) {
            // the launcher's own routes (a token, demo data) are not the product's API
            if (!operation.path().startsWith("/local/")) {
                OPERATIONS.add(operation);
            }
        }
    }

    private static final String LONG = "x".repeat(100_000);
    private static final String DEEP_ARRAY = "[".repeat(2_000) + "]".repeat(2_000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500);

    /** JSON values that replace one property of a plausible body, by the type the property has. */
    private static final List<String> HOSTILE_STRINGS = List.of("\"\"", "\"a\\u0000b\"", "\"bell\\u0007\"", "\"sur\\ud800rogate\"",
            "\"\\udc00\"", "\"" + LONG + "\"", "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"", "\"\uD83D\uDE00\"", "\"1700000000\"",
            "\"+999999999-12-31T23:59:59Z\"", "\"-0001-01-01T00:00:00Z\"", "\"2031-02-30T00:00:00Z\"", "\"NaN\"", "\"Infinity\"", "\"   \"",
            "\"not-a-uuid\"", "\"00000000-0000-0000-0000-000000000000\"");
    private static final List<String> HOSTILE_NUMBERS = List.of("1e400", "-1e400", "1e-400", "-1", "0", "1.005", "99999999999999999999999999",
            "2147483648", "-0", "0.1e1", "1700000000", "\"12\"", "\"NaN\"");
    private static final List<String> HOSTILE_OTHERS = List.of("null", "true", "[]", "{}", "[null]", "{\"unknown\": 1}", "[\"a\\u0000\"]",
            "{\"k\\u0000\": 1}", "{\"k\": \"\\ud800\"}", DEEP_ARRAY, DEEP_OBJECT);
    static final List<String> HOSTILE_VALUES = java.util.stream.Stream.of(HOSTILE_STRINGS, HOSTILE_NUMBERS, HOSTILE_OTHERS)
            .flatMap(List::stream).toList();

    /** Whole bodies. */
    static final List<byte[]> HOSTILE_BODIES = List.of(bytes(""), bytes("{"), bytes("null"), bytes("[]"), bytes("\"x\""),
            bytes(DEEP_ARRAY), bytes(DEEP_OBJECT), new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' },
            new byte[] { (byte) 0xFF, (byte) 0xFE, 0 }, bytes("{\"a\": 1, \"a\": 2}"), bytes("{} {}"), bytes("{\"name\": \"\\u0000\"}"),
            bytes("{\"k\\u0000\": 1}"), bytes("[" + "1,".repeat(200_000) + "1]"));

    /** Query and path parameter values (sent percent-encoded as UTF-8). */
    static final List<String> HOSTILE_TEXT = List.of("a\u0000b", "\u0007", "sur\uD800rogate", "x".repeat(2_000), "-1", "1e400",
            "+999999999-12-31", "+999999999-12-31T23:59:59Z", "-0001-01-01", "1700000000", "not-a-uuid", "' OR 1=1 --", "../..", "",
            " ", "\uD83D\uDE00", "%", "2031-02-30", "NaN", "true,false,,", "00000000-0000-0000-0000-000000000000");

    private static final List<String> INTERNAL_NAMES = List.of("java.", "javax.", "jakarta.", "dev.campaignfn", "org.hibernate",
            "org.postgresql", "com.fasterxml", "io.quarkus", "io.vertx", "Exception", "\tat ", "SQLState", "PSQL", "Jackson",
            "[Source", "CoercionConfig");

    enum Target {
        BODY_PROPERTY, BODY, QUERY, PATH
    }

    record Request(ApiDocument.Operation operation, String method, String uri, byte[] body) {

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return operation + " -> " + method + " " + abbreviate(uri) + (body == null ? "" : " " + abbreviate(text));
        }
    }

    private static LauncherProcess launcher;
    private static ApiDocument.Fixture fixture;
    private static String adminToken;
    private static List<String> tables;

    @BeforeContainer
    static void startLauncher() throws Exception {
        launcher = LauncherProcess.fresh("fuzz-launcher");
        adminToken = launcher.token("super_admin");
        String start = java.time.Instant.now().minus(Duration.ofDays(1)).toString();
        String end = java.time.Instant.now().plus(Duration.ofDays(60)).toString();
        HttpResponse<String> created = send("POST", "/v1/marketing/admin/campaigns", bytes("{\"name\": \"Fuzz fixture\", \"type\": \"multichannel\","
                + " \"start_date\": \"" + start + "\", \"end_date\": \"" + end + "\", \"budget\": 10000, \"currency\": \"EUR\","
                + " \"channels\": [\"email\", \"facebook\"]}"), true);
        String id = JSON.readTree(created.body()).at("/data/id").asText();
        send("POST", "/v1/marketing/admin/campaigns/" + id + "/launch", null, true);
        fixture = new ApiDocument.Fixture(id);
        try (Connection connection = launcher.database(); Statement statement = connection.createStatement();
                ResultSet names = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                        + " and tablename <> 'flyway_schema_history' order by tablename")) {
            tables = new ArrayList<>();
            while (names.next()) {
                tables.add(names.getString(1));
            }
        }
    }

    @AfterContainer
    static void stopLauncher() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Provide
    Arbitrary<Request> hostileRequests() {
        return Combinators.combine(Arbitraries.integers().between(0, OPERATIONS.size() - 1), Arbitraries.of(Target.values()),
                Arbitraries.integers().between(0, 10_000), Arbitraries.of(HOSTILE_VALUES), Arbitraries.of(HOSTILE_BODIES),
                Arbitraries.of(HOSTILE_TEXT), Arbitraries.longs())
                .as((index, target, pick, value, body, text, seed) -> hostile(fixture, index, target, pick, value, body, text, seed));
    }

    @Provide
    Arbitrary<Request> shapedRequests() {
        return Combinators.combine(Arbitraries.integers().between(0, OPERATIONS.size() - 1), Arbitraries.longs())
                .as((index, seed) -> plausible(fixture, OPERATIONS.get(index), new Random(seed), null, null, null, null));
    }

    /** Where an operation takes text: a string (or list of strings) property of its body, or a string query parameter. */
    record TextSlot(ApiDocument.Operation operation, String place, int index, String name, boolean list) {
    }

    private static final List<TextSlot> TEXT_SLOTS = new ArrayList<>();

    static {
        for (ApiDocument.Operation operation : OPERATIONS) {
            if (operation.body() != null) {
                List<String> names = new ArrayList<>();
                API.resolve(operation.body()).path("properties").fieldNames().forEachRemaining(names::add);
                for (int i = 0; i < names.size(); i++) {
                    JsonNode property = API.resolve(operation.body()).path("properties").path(names.get(i));
                    String type = API.type(property);
                    if (type.equals("string") && !API.resolve(property).has("enum")) {
                        TEXT_SLOTS.add(new TextSlot(operation, "property", i, names.get(i), false));
                    } else if (type.equals("array") && API.type(API.resolve(property).path("items")).equals("string")) {
                        TEXT_SLOTS.add(new TextSlot(operation, "property", i, names.get(i), true));
                    }
                }
            }
            List<ApiDocument.Parameter> query = operation.parameters().stream().filter(p -> p.in().equals("query")).toList();
            for (int i = 0; i < query.size(); i++) {
                if (API.type(query.get(i).schema()).equals("string")) {
                    TEXT_SLOTS.add(new TextSlot(operation, "query", i, query.get(i).name(), false));
                }
            }
        }
    }

    /** Text PostgreSQL cannot store as sent: a NUL, another control character, lone surrogates. */
    private static final List<String> UNSTORABLE = List.of("a\\u0000b", "bell\\u0007", "sur\\ud800rogate", "\\udc00", "\\u001b[0m");

    @Provide
    Arbitrary<Request> unstorableText() {
        // a lone surrogate cannot even be sent in a URL (UTF-8 has no bytes for it; encoders send '?'): bodies only
        List<String> inUrls = UNSTORABLE.stream().filter(text -> !text.contains("\\ud")).toList();
        return Arbitraries.of(TEXT_SLOTS).flatMap(slot -> Combinators.combine(Arbitraries.of(slot.place().equals("query") ? inUrls : UNSTORABLE),
                Arbitraries.longs()).as((text, seed) -> {
                    String json = "\"" + text + "\"";
                    String value = slot.place().equals("query") ? unescape(text) : slot.list() ? "[" + json + "]" : json;
                    return plausible(fixture, slot.operation(), new Random(seed), slot.place().equals("query") ? "query" : "text", slot.index(), value,
                            null);
                }));
    }

    /**
     * Every place that takes text refuses what cannot be stored as sent, with a 400 naming the field, and writes
     * nothing (PostgreSQL refuses a NUL, and UTF-8 a lone surrogate: accepted, one was a 500 and the other stored '?').
     */
    @Property(tries = 600, seed = "20261208", shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void textThatCannotBeStoredIsRefused(@ForAll("unstorableText") Request request) throws Exception {
        check(request, true);
    }

    private static String unescape(String jsonEscaped) {
        try {
            return JSON.readValue("\"" + jsonEscaped + "\"", String.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 3_000, seed = "20261206", shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void hostileInputIsAProblemAndWritesNothing(@ForAll("hostileRequests") Request request) throws Exception {
        check(request, false);
    }

    @Property(tries = 1_000, seed = "20261207", shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void schemaShapedRequestsAreAnsweredAsDocumented(@ForAll("shapedRequests") Request request) throws Exception {
        check(request, false);
    }

    /**
     * With {@code -Dfuzz.collect=true} every failure is written to target/fuzz-failures.txt and the run goes on (to
     * see them all at once while fixing); by default the first one fails the property.
     */
    private static void check(Request request, boolean mustBeRefused) throws Exception {
        try {
            checkAnswer(request, mustBeRefused);
        } catch (AssertionError failure) {
            if (!Boolean.getBoolean("fuzz.collect")) {
                throw failure;
            }
            Files.writeString(Path.of("target", "fuzz-failures.txt"), failure.getMessage() + "\n\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private static void checkAnswer(Request request, boolean mustBeRefused) throws Exception {
        boolean reads = request.method().equals("GET");
        String before = reads ? null : snapshot();
        HttpResponse<String> answer = send(request);
        int status = answer.statusCode();
        net.jqwik.api.statistics.Statistics.collect(status / 100 + "xx");
        if (Boolean.getBoolean("fuzz.trace")) { // every request and its answer, to see what the generators reach
            Files.writeString(Path.of("target", "fuzz-trace.txt"), request + "\n  " + status + " " + abbreviate(answer.body()) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        String type = answer.headers().firstValue("content-type").orElse("");
        String body = answer.body();
        String said = request + "\n  answered " + status + " " + type + " " + abbreviate(body);
        if (status >= 500) {
            throw new AssertionError("a 5xx: " + said);
        }
        for (String internal : INTERNAL_NAMES) {
            if (body.contains(internal) && !request.toString().contains(internal)) {
                throw new AssertionError("an internal name (" + internal + ") in the answer: " + said);
            }
        }
        // (the pixel answers its image whatever it is sent: its refusal is in X-Tracking-Outcome)
        boolean refused = status >= 400 || request.operation().id().equals("trackPixel")
                && answer.headers().firstValue("X-Tracking-Outcome").orElse("").startsWith("rejected");
        if (mustBeRefused && !refused) {
            throw new AssertionError("accepted what it cannot store as sent: " + said);
        }
        if (status >= 400) {
            if (!type.startsWith("application/problem+json")) {
                throw new AssertionError("a " + status + " without a problem body: " + said);
            }
            JsonNode problem = JSON.readTree(body);
            if (problem.path("status").asInt() != status || problem.path("detail").asText().isEmpty()) {
                throw new AssertionError("a problem that does not say its status and what is wrong: " + said);
            }
            if (!reads && !before.equals(snapshot())) {
                throw new AssertionError("a refused request wrote: " + said);
            }
        }
        List<String> violations = API.violations(request.operation(), status, type, body);
        if (!violations.isEmpty()) {
            throw new AssertionError("the answer contradicts openapi.yaml: " + violations + "\n  " + said);
        }
    }

    /** A plausible request for {@code operation} with one place made hostile. */
    static Request hostile(ApiDocument.Fixture fixture, int index, Target target, int pick, String value, byte[] wholeBody, String text,
            long seed) {
        ApiDocument.Operation operation = OPERATIONS.get(index);
        Random random = new Random(seed);
        return switch (target) {
            case BODY_PROPERTY -> operation.body() == null ? plausible(fixture, operation, random, "query", pick, text, null)
                    : plausible(fixture, operation, random, "property", pick, value, null);
            case BODY -> operation.body() == null ? plausible(fixture, operation, random, "query", pick, text, null)
                    : plausible(fixture, operation, random, null, pick, null, wholeBody);
            case QUERY -> plausible(fixture, operation, random, "query", pick, text, null);
            case PATH -> plausible(fixture, operation, random, operation.path().contains("{") ? "path" : "query", pick, text, null);
        };
    }

    /**
     * A request for {@code operation} made from its schemas; where {@code place} is given, the {@code pick}-th
     * property, query or path parameter gets {@code hostile} instead (for a query without parameters: an extra one),
     * and {@code body}, when given, replaces the body.
     */
    static Request plausible(ApiDocument.Fixture fixture, ApiDocument.Operation operation, Random random, String place, Integer pick,
            String hostile, byte[] body) {
        String path = operation.path();
        List<ApiDocument.Parameter> pathParameters = operation.parameters().stream().filter(p -> p.in().equals("path")).toList();
        List<ApiDocument.Parameter> queryParameters = operation.parameters().stream().filter(p -> p.in().equals("query")).toList();
        for (int i = 0; i < pathParameters.size(); i++) {
            ApiDocument.Parameter parameter = pathParameters.get(i);
            String value = "path".equals(place) && pick % pathParameters.size() == i ? hostile : pathValue(fixture, parameter.name(), random);
            // an empty segment is another route's path (the collection's), not a value of this one
            value = value.isEmpty() ? " " : value;
            path = path.replace("{" + parameter.name() + "}", encode(value).replace("+", "%20"));
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (ApiDocument.Parameter parameter : queryParameters) {
            if (parameter.required() || random.nextInt(3) == 0) {
                JsonNode sample = API.sample(parameter.schema(), parameter.name(), random, fixture, 0);
                query.put(parameter.name(), sample.isTextual() ? sample.asText() : sample.toString());
            }
        }
        if ("query".equals(place)) {
            String name = queryParameters.isEmpty() ? "q" : queryParameters.get(pick % queryParameters.size()).name();
            query.put(name, hostile);
        }
        StringBuilder uri = new StringBuilder(path);
        query.forEach((name, value) -> uri.append(uri.indexOf("?") < 0 ? '?' : '&').append(encode(name)).append('=').append(encode(value)));
        byte[] payload = body;
        if (payload == null && operation.body() != null) {
            // a hostile property stands among the required ones only, so that nothing else refuses the body first
            JsonNode sample = API.sample(operation.body(), "body", random, fixture, 0, !"property".equals(place) && !"text".equals(place));
            String text = sample.toString();
            if (("property".equals(place) || "text".equals(place)) && sample instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = API.resolve(operation.body()).path("properties").fieldNames(); it.hasNext();) {
                    names.add(it.next());
                }
                if (!names.isEmpty()) {
                    String name = names.get(pick % names.size());
                    if (!"text".equals(place)) {
                        hostile = ofType(API.type(API.resolve(operation.body()).path("properties").path(name)), hostile, random);
                    }
                    object.remove(name);
                    String rest = object.toString();
                    text = "{\"" + name + "\": " + hostile + (rest.equals("{}") ? "}" : ", " + rest.substring(1));
                }
            }
            payload = bytes(text);
        }
        return new Request(operation, operation.method().toUpperCase(), uri.toString(), payload);
    }

    /**
     * Mostly a hostile value of the property's own type (a string's NUL reaches the database only when the rest of
     * the request is right), sometimes {@code any} (a wrong type).
     */
    private static String ofType(String type, String any, Random random) {
        List<String> pool = switch (type) {
            case "string" -> HOSTILE_STRINGS;
            case "number", "integer" -> HOSTILE_NUMBERS;
            default -> HOSTILE_OTHERS;
        };
        return random.nextInt(4) == 0 ? any : pool.get(random.nextInt(pool.size()));
    }

    private static String pathValue(ApiDocument.Fixture fixture, String name, Random random) {
        String lower = name.toLowerCase();
        if (lower.equals("channel")) {
            return random.nextBoolean() ? "email" : "facebook";
        }
        if (lower.equals("slug") || lower.equals("key")) {
            return "fuzz" + random.nextInt(100);
        }
        return lower.equals("id") && random.nextInt(4) != 0 ? fixture.campaignId() : UUID.randomUUID().toString();
    }

    private static HttpResponse<String> send(Request request) throws IOException, InterruptedException {
        return send(request.method(), request.uri(), request.body(), request.operation().secured());
    }

    private static HttpResponse<String> send(String method, String uri, byte[] body, boolean secured) throws IOException, InterruptedException {
        return launcher.send(method, uri, body, secured ? adminToken : null, Duration.ofSeconds(60));
    }

    /** Every table's row count and a hash of its rows: any insert, update or delete changes it. */
    private static String snapshot() throws Exception {
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(table).append("', count(*), coalesce(sum(hashtext(t::text)::bigint), 0) from ")
                    .append(table).append(" t");
        }
        StringBuilder state = new StringBuilder();
        try (Connection connection = launcher.database(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql.toString())) {
            while (rows.next()) {
                state.append(rows.getString(1)).append('=').append(rows.getLong(2)).append('/').append(rows.getLong(3)).append(' ');
            }
        }
        return state.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 400 ? text : text.substring(0, 400) + "... (" + text.length() + " characters)";
    }
}
