package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import com.fasterxml.jackson.databind.JsonNode;

import dev.campaignfn.deployment.RuntimeClientFixture.Running;
import dev.campaignfn.deployment.RuntimeClientFixture.Stack;
import dev.campaignfn.testing.ApiGateway;
import io.restassured.path.json.JsonPath;

/**
 * The Lambda contract: one deployment's five functions (a {@link Stack}: the JVM zips or the native executables)
 * driven the way API Gateway and EventBridge drive them, through the less-used paths as much as the common ones,
 * because that is where a native image differs: campaigns CRUD, lifecycle, budget, spend, KPIs, content, links,
 * plans, rules and webhooks with authorizer claims (and 401/403, and bad input answered with a problem); tracking
 * single, batch, pixel and redirect (user agents, UTM, IP truncation, duplicates, bots); the automation jobs
 * (migrate, rollup, lifecycle, rules, alerts with a signed webhook delivered to a local receiver, maintenance,
 * exports); analytics reports in several time zones; exports CSV and XLSX, direct and as a job to the store.
 * Every answer is also recorded in a {@link Transcript}, so the native run can be held to the JVM run's answers.
 */
final class ContractScenario {

    static final String ADMIN_API = "/v1/marketing/admin";
    static final String CAMPAIGNS = ADMIN_API + "/campaigns";
    static final String ANALYTICS = ADMIN_API + "/analytics";
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
    static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String WEBHOOK_SECRET = "contract-webhook-secret-of-enough-length";
    static final String SEGMENT_WRITE_KEY = "contract-segment-write-key";

    private final Stack stack;
    private final Instant base;
    private final WebhookReceiver receiver;
    private final Transcript transcript = new Transcript();
    private static final ApiDocument DOCUMENT = ApiDocument.committed();
    private final List<String> documentViolations = new ArrayList<>();
    private final Map<String, Running> running = new LinkedHashMap<>();

    /** The campaigns the scenario creates, by role. */
    private UUID sale;
    private UUID newsletter;
    private UUID pixel;
    private UUID scheduled;
    private UUID ending;
    private String integration;
    private String eventImport;

    /**
     * @param base the hour every date of the scenario is counted from: the same for both runs, so their answers can be compared
     * @param receiver the webhook receiver alerts are delivered to
     */
    ContractScenario(Stack stack, Instant base, WebhookReceiver receiver) {
        this.stack = stack;
        this.base = base;
        this.receiver = receiver;
    }

    static ApiGateway.Request admin() {
        return ApiGateway.as("admin@example.com", "marketing_admin");
    }

    static ApiGateway.Request analyst() {
        return ApiGateway.as("analyst@example.com", "analyst");
    }

    static ApiGateway.Request operator() {
        return ApiGateway.as("root@example.com", "super_admin");
    }

    /** Runs every part in the order a deployment lives them and answers what was answered. */
    Transcript run() throws Exception {
        try {
            migrate();
            campaigns();
            tracking();
            automation();
            adPlatforms();
            analytics();
            exports();
            return transcript;
        } finally {
            running.values().forEach(Running::close);
            // what was answered up to here, for whoever reads a failure (and compares two runs by hand)
            Files.writeString(stack.dir().resolve("transcript.txt"), transcript.toString());
        }
    }

    private Running function(String module) throws Exception {
        Running function = running.get(module);
        if (function == null) {
            function = stack.start(module, null);
            running.put(module, function);
        }
        return function;
    }

    private ApiGateway.Response call(String step, String module, ApiGateway.Request request, String method, String path, String body)
            throws Exception {
        return documented(step, method, path, body, transcript.http(step, function(module).http(request.event(method, path, body, false))));
    }

    /**
     * Holds the answer (and, when the API accepted it, the request) to openapi.yaml: the status is one the operation
     * documents and the body matches its schema, by networknt's validator. What contradicts it is collected for
     * {@link #documentViolations()}.
     */
    private ApiGateway.Response documented(String step, String method, String path, String body, ApiGateway.Response answer) {
        ApiDocument.Operation operation = DOCUMENT.operation(method, path);
        if (operation == null) {
            documentViolations.add(step + ": " + method + " " + path + " is no operation of openapi.yaml");
            return answer;
        }
        List<String> found = new ArrayList<>(DOCUMENT.violations(operation, answer.status(), answer.header("Content-Type"), answer.body()));
        // (a batch is answered 200 with each event's own outcome: an invalid event in it is rejected on its own)
        if (answer.status() < 300 && !operation.id().equals("trackEvents")) {
            found.addAll(DOCUMENT.requestViolations(operation, body));
        }
        if (!found.isEmpty()) {
            documentViolations.add(step + " (" + operation + ", " + answer.status() + "): " + found);
        }
        return answer;
    }

    /** What the scenario's requests and answers contradicted in openapi.yaml (empty when the document is true). */
    List<String> documentViolations() {
        return documentViolations;
    }

    private ApiGateway.Response campaigns(String step, ApiGateway.Request request, String method, String path, String body) throws Exception {
        return call(step, "campaigns", request, method, path, body);
    }

    private JsonNode job(String step, String handler) throws Exception {
        try (Running job = stack.start("automation", handler)) {
            JsonNode report = job.job(handler);
            assertEquals(handler, report.path("job").asText(), report::toString);
            return transcript.fact(step, report);
        }
    }

    // ---------------------------------------------------------------------------------------------------- migrate

    private void migrate() throws Exception {
        try (Running migrate = stack.start("automation", "migrate")) {
            JsonNode first = transcript.fact("migrate", migrate.job("migrate"));
            assertTrue(first.path("outcome").path("migrations_applied").asInt() >= 3, first::toString);
            JsonNode again = transcript.fact("migrate again", migrate.job("migrate"));
            assertEquals(0, again.path("outcome").path("migrations_applied").asInt(), again::toString);
        }
    }

    // -------------------------------------------------------------------------------------------------- campaigns

    private String created(String step, String body) throws Exception {
        ApiGateway.Response created = documented(step, "POST", CAMPAIGNS, body,
                transcript.http(step, function("campaigns").http(admin().event("POST", CAMPAIGNS, body, true))));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("data.id");
        assertEquals(CAMPAIGNS + "/" + id, URI.create(created.header("Location")).getPath());
        assertEquals("\"0\"", created.header("ETag"));
        return id;
    }

    private String campaign(String name, String type, Instant start, Instant end, String budget, String zone, String channels) {
        return """
                {"name": "%s", "description": "Contract run", "type": "%s", "start_date": "%s", "end_date": "%s", "budget": %s,
                 "currency": "EUR", "time_zone": "%s", "channels": [%s], "objectives": ["Sell"], "target_audience": ["returning"]}
                """.formatted(name, type, start, end, budget, zone, channels);
    }

    private void campaigns() throws Exception {
        ApiGateway.Response anonymous = campaigns("anonymous list", ApiGateway.anonymous(), "GET", CAMPAIGNS, null);
        assertEquals(401, anonymous.status());
        assertProblem(anonymous, 401);

        sale = UUID.fromString(created("create sale", campaign("Contract spring sale", "multichannel", base.minus(Duration.ofDays(10)),
                base.plus(Duration.ofDays(20)), "5000.00", "Asia/Kolkata", "\"email\", \"facebook\"")));
        newsletter = UUID.fromString(created("create newsletter", campaign("Contract newsletter", "email", base.minus(Duration.ofDays(10)),
                base.plus(Duration.ofDays(20)), "2000", "America/New_York", "\"email\"")));
        pixel = UUID.fromString(created("create pixel", campaign("Contract display", "display", base.minus(Duration.ofDays(2)),
                base.plus(Duration.ofDays(20)), "100", "UTC", "\"display\"")));
        scheduled = UUID.fromString(created("create scheduled", campaign("Contract scheduled", "social", base.plus(Duration.ofDays(30)),
                base.plus(Duration.ofDays(40)), "300", "Europe/Paris", "\"instagram\"")));
        ending = UUID.fromString(created("create ending", campaign("Contract ending", "email", base.minus(Duration.ofDays(5)),
                base.plus(Duration.ofDays(30)), "400", "UTC", "\"email\"")));

        // bad input: a problem naming what is wrong, and nothing written
        long before = count("select count(*) from campaigns");
        String[][] refusals = {
                { "malformed JSON", "{\"name\": \"x\",", null },
                { "negative budget", campaign("Bad", "email", base, base.plus(Duration.ofDays(1)), "-5", "UTC", ""), "budget" },
                { "budget as text", campaign("Bad", "email", base, base.plus(Duration.ofDays(1)), "\"a lot\"", "UTC", ""), "budget" },
                { "end before start", campaign("Bad", "email", base, base.minus(Duration.ofDays(1)), "5", "UTC", ""), "end_date" },
                { "unknown zone", campaign("Bad", "email", base, base.plus(Duration.ofDays(1)), "5", "Mars/Olympus", ""), "time_zone" },
                { "unknown type", campaign("Bad", "radio drama", base, base.plus(Duration.ofDays(1)), "5", "UTC", ""), "type" } };
        for (String[] refusal : refusals) {
            ApiGateway.Response refused = campaigns("refused create: " + refusal[0], admin(), "POST", CAMPAIGNS, refusal[1]);
            assertEquals(400, refused.status(), () -> refusal[0] + ": " + refused);
            assertProblem(refused, 400);
            if (refusal[2] != null) {
                assertEquals(refusal[2], refused.json().getString("errors[0].field"), () -> refusal[0] + ": " + refused);
            }
        }
        assertEquals(before, count("select count(*) from campaigns"), "a refused create writes nothing");
        assertEquals(404, campaigns("unknown campaign", analyst(), "GET", CAMPAIGNS + "/" + UUID.randomUUID(), null).status());
        assertEquals(400, campaigns("malformed id", analyst(), "GET", CAMPAIGNS + "/not-a-uuid", null).status());
        assertEquals(403, campaigns("analyst create", analyst(), "POST", CAMPAIGNS, campaign("No", "email", base,
                base.plus(Duration.ofDays(1)), "5", "UTC", "")).status());

        // read, update with the version, delete a draft
        ApiGateway.Response read = campaigns("read sale", analyst(), "GET", CAMPAIGNS + "/" + sale, null);
        assertEquals("Contract spring sale", read.json().getString("data.name"));
        assertEquals("Asia/Kolkata", read.json().getString("data.time_zone"));
        assertEquals(List.of("email", "facebook"), read.json().getList("data.channels"), read::toString);
        String update = campaign("Contract spring sale", "multichannel", base.minus(Duration.ofDays(10)), base.plus(Duration.ofDays(20)),
                "5000.00", "Asia/Kolkata", "\"email\", \"facebook\"").replace("Contract run", "Contract run, updated");
        assertEquals(412, campaigns("stale update", admin().header("If-Match", "\"7\""), "PUT", CAMPAIGNS + "/" + sale, update).status());
        ApiGateway.Response updated = campaigns("update sale", admin().header("If-Match", "\"0\""), "PUT", CAMPAIGNS + "/" + sale, update);
        assertEquals(200, updated.status(), updated::toString);
        assertEquals("\"1\"", updated.header("ETag"));
        String draft = created("create draft", campaign("Contract draft", "email", base, base.plus(Duration.ofDays(3)), "10", "UTC", ""));
        assertEquals(204, campaigns("delete draft", admin(), "DELETE", CAMPAIGNS + "/" + draft, null).status());
        assertEquals(404, campaigns("deleted draft", analyst(), "GET", CAMPAIGNS + "/" + draft, null).status());

        // lifecycle
        Map<String, UUID> launches = new LinkedHashMap<>();
        launches.put("sale", sale);
        launches.put("newsletter", newsletter);
        launches.put("pixel", pixel);
        launches.put("ending", ending);
        for (Map.Entry<String, UUID> launch : launches.entrySet()) {
            ApiGateway.Response launched = campaigns("launch " + launch.getKey(), admin(), "POST", CAMPAIGNS + "/" + launch.getValue() + "/launch", null);
            assertEquals("active", launched.json().getString("data.status"), launched::toString);
        }
        assertEquals("scheduled", campaigns("launch scheduled", admin(), "POST", CAMPAIGNS + "/" + scheduled + "/launch", null).json()
                .getString("data.status"), "a future start is scheduled");
        assertEquals(403, campaigns("analyst pause", analyst(), "POST", CAMPAIGNS + "/" + newsletter + "/pause", null).status());
        assertEquals("paused", campaigns("pause newsletter", admin(), "POST", CAMPAIGNS + "/" + newsletter + "/pause",
                "{\"reason\": \"Creative review\"}").json().getString("data.status"));
        assertEquals(409, campaigns("launch paused", admin(), "POST", CAMPAIGNS + "/" + newsletter + "/launch", null).status());
        assertEquals("active", campaigns("resume newsletter", admin(), "POST", CAMPAIGNS + "/" + newsletter + "/resume", null).json()
                .getString("data.status"));
        ApiGateway.Response history = campaigns("newsletter history", analyst(), "GET", CAMPAIGNS + "/" + newsletter + "/history", null);
        assertEquals(List.of("active", "paused", "active"), history.json().getList("data.to_status"), history::toString);
        assertEquals(400, campaigns("cancel without reason", admin(), "POST", CAMPAIGNS + "/" + ending + "/cancel", "{}").status());
        ApiGateway.Response list = campaigns("active list", analyst(), "GET", CAMPAIGNS + "?status=active&sort=name&order=asc", null);
        assertEquals(List.of("Contract display", "Contract ending", "Contract newsletter", "Contract spring sale"),
                list.json().getList("data.name"));
        campaigns("search", analyst(), "GET", CAMPAIGNS + "?q=spring&type=multichannel,email&page_size=5", null);
        campaigns("audit", analyst(), "GET", CAMPAIGNS + "/" + sale + "/audit?limit=20", null);

        // budget and the spend ledger
        ApiGateway.Response budget = campaigns("allocate sale", admin(), "PUT", CAMPAIGNS + "/" + sale + "/budget",
                "{\"total_budget\": 5000, \"contingency\": 500, \"allocations\": {\"email\": 1500, \"facebook\": 2500}}");
        assertEquals(200, budget.status(), budget::toString);
        assertEquals(200, campaigns("allocate newsletter", admin(), "PUT", CAMPAIGNS + "/" + newsletter + "/budget",
                "{\"total_budget\": 2000, \"allocations\": {\"email\": 1500}}").status());
        ApiGateway.Response moved = campaigns("reallocate sale", admin(), "POST", CAMPAIGNS + "/" + sale + "/budget/reallocations",
                "{\"from_channel\": \"facebook\", \"to_channel\": \"email\", \"amount\": 500}");
        assertEquals(200, moved.status(), moved::toString);
        ApiGateway.Response nowhere = campaigns("reallocate to nowhere", admin(), "POST", CAMPAIGNS + "/" + sale + "/budget/reallocations",
                "{\"from_channel\": \"facebook\", \"to_channel\": \"tiktok\", \"amount\": 5}");
        assertEquals("to_channel", nowhere.json().getString("errors[0].field"), nowhere::toString);
        String spend = """
                {"amount": 350.25, "channel_id": "facebook", "description": "Boosted posts", "occurred_at": "%s"}
                """.formatted(base.minus(Duration.ofHours(20)));
        ApiGateway.Response recorded = campaigns("spend", admin().header("Idempotency-Key", "contract-spend-1"), "POST",
                CAMPAIGNS + "/" + sale + "/spend", spend);
        assertEquals(201, recorded.status(), recorded::toString);
        ApiGateway.Response retried = campaigns("spend retried", admin().header("Idempotency-Key", "contract-spend-1"), "POST",
                CAMPAIGNS + "/" + sale + "/spend", spend);
        assertEquals(200, retried.status(), "a retry answers the entry already recorded");
        assertEquals(recorded.json().getString("data.id"), retried.json().getString("data.id"));
        assertEquals(201, campaigns("email spend", admin(), "POST", CAMPAIGNS + "/" + sale + "/spend", """
                {"amount": 49.75, "channel_id": "email", "occurred_at": "%s"}""".formatted(base.minus(Duration.ofHours(30)))).status());
        assertEquals(201, campaigns("newsletter spend", admin(), "POST", CAMPAIGNS + "/" + newsletter + "/spend", """
                {"amount": 80, "channel_id": "email", "occurred_at": "%s"}""".formatted(base.minus(Duration.ofHours(30)))).status());
        long entries = count("select count(*) from spend_entries");
        for (String bad : List.of("{\"amount\": -1}", "{\"amount\": 1e999}", "{\"amount\": \"NaN\"}", "{\"amount\": 0.001}",
                "{\"amount\": 5, \"currency\": \"USD\"}")) {
            ApiGateway.Response refused = campaigns("refused spend " + bad, admin(), "POST", CAMPAIGNS + "/" + sale + "/spend", bad);
            assertEquals(400, refused.status(), () -> bad + ": " + refused);
            assertProblem(refused, 400);
            assertEquals(bad.contains("USD") ? "currency" : "amount", refused.json().getString("errors[0].field"), refused::toString);
        }
        // one field breaking two rules: both named, always in the same order (the validator's set has none)
        assertEquals(List.of("must be less than or equal to 999999999999.99", "must have at most 12 integer digits and 2 decimals"),
                campaigns("refused spend, two rules", admin(), "POST", CAMPAIGNS + "/" + sale + "/spend", "{\"amount\": 1e999}").json()
                        .getList("errors.message"));
        assertEquals(entries, count("select count(*) from spend_entries"), "a refused entry writes nothing");
        ApiGateway.Response status = campaigns("budget status", analyst(), "GET", CAMPAIGNS + "/" + sale + "/budget", null);
        assertEquals(0, new BigDecimal("400.00").compareTo(new BigDecimal(status.json().getString("data.spent"))), status::toString);
        campaigns("ledger", analyst(), "GET", CAMPAIGNS + "/" + sale + "/spend", null);

        // KPIs, content, links, plans
        ApiGateway.Response kpi = campaigns("spend KPI", admin(), "POST", CAMPAIGNS + "/" + sale + "/kpis",
                "{\"name\": \"Spend ceiling\", \"metric\": \"spend\", \"target\": 4000}");
        assertEquals(201, kpi.status(), kpi::toString);
        assertEquals("400.00", kpi.json().getString("data.current"));
        ApiGateway.Response manual = campaigns("manual KPI", admin(), "POST", CAMPAIGNS + "/" + sale + "/kpis",
                "{\"name\": \"NPS\", \"target\": 50, \"current\": 35, \"unit\": \"points\"}");
        assertEquals("at_risk", manual.json().getString("data.status"));
        campaigns("KPIs", analyst(), "GET", CAMPAIGNS + "/" + sale + "/kpis", null);
        assertEquals(400, campaigns("KPI of an unknown metric", admin(), "POST", CAMPAIGNS + "/" + sale + "/kpis",
                "{\"name\": \"Bad\", \"metric\": \"happiness\", \"target\": 1}").status());
        ApiGateway.Response content = campaigns("content", admin(), "POST", CAMPAIGNS + "/" + sale + "/content",
                "{\"type\": \"reel\", \"title\": \"Teaser\", \"channel\": \"facebook\", \"publish_date\": \"" + base + "\"}");
        assertEquals(201, content.status(), content::toString);
        String item = CAMPAIGNS + "/" + sale + "/content/" + content.json().getString("data.id");
        assertEquals("published", campaigns("content published", admin(), "PUT", item,
                "{\"type\": \"reel\", \"title\": \"Teaser\", \"channel\": \"facebook\", \"status\": \"published\","
                        + " \"content_url\": \"https://cdn.example.com/teaser.mp4\"}").json().getString("data.status"));
        campaigns("content read", analyst(), "GET", item, null);
        ApiGateway.Response link = campaigns("link", admin(), "POST", CAMPAIGNS + "/" + pixel + "/links", """
                {"slug": "contract-banner", "destination_url": "https://shop.example.com/sale?ref=banner#top", "channel": "display",
                 "utm_source": "partner", "utm_medium": "display", "utm_campaign": "Spring Sale", "utm_content": "banner A"}""");
        assertEquals(201, link.status(), link::toString);
        // a generated slug is random: checked here, and recorded without it
        ApiGateway.Response generated = function("campaigns").http(admin().event("POST", CAMPAIGNS + "/" + pixel + "/links",
                "{\"destination_url\": \"https://shop.example.com/\"}", false));
        assertEquals(201, generated.status(), generated::toString);
        assertTrue(generated.json().getString("data.slug").matches("[a-km-zA-HJ-NP-Z2-9]{8}"), generated::toString);
        Map<String, Object> withoutSlug = new LinkedHashMap<>(generated.json().getMap("data"));
        withoutSlug.remove("slug");
        transcript.fact("link with a generated slug", withoutSlug);
        assertEquals(409, campaigns("link slug taken", admin(), "POST", CAMPAIGNS + "/" + sale + "/links",
                "{\"slug\": \"contract-banner\", \"destination_url\": \"https://shop.example.com/\"}").status());
        ApiGateway.Response validation = campaigns("plan validation", analyst(), "POST", ADMIN_API + "/plans/validate", """
                {"name": "Launch plan", "objectives": [],
                 "timeline": {"start_date": "2031-03-01T00:00:00Z", "end_date": "2031-03-31T00:00:00Z",
                              "milestones": [{"name": "Kick-off", "date": "2031-02-20T00:00:00Z", "deliverables": ["brief"]}]},
                 "budget": {"total": 1000, "allocations": {"facebook": 800, "email": 150}, "contingency": 100},
                 "channels": [{"channel": "facebook", "budget": 800}]}""");
        assertFalse(validation.json().getBoolean("data.valid"));
        assertTrue(validation.json().getList("data.errors.message").contains("Budget allocation exceeds total budget"));
        ApiGateway.Response estimate = campaigns("plan estimate", analyst(), "POST", ADMIN_API + "/plans/estimate", """
                {"name": "Estimate", "timeline": {"start_date": "2031-03-01T00:00:00Z", "end_date": "2031-03-31T00:00:00Z"},
                 "budget": {"total": 3000}, "channels": [{"channel": "facebook", "budget": 1000}, {"channel": "google_search", "budget": 2000}]}""");
        assertEquals(100000, estimate.json().getInt("data.channels[0].estimate.expected_impressions"), estimate::toString);
        assertEquals(200, campaigns("set benchmark", operator(), "PUT", ADMIN_API + "/plans/benchmarks/podcast",
                "{\"cpm\": 18.5, \"ctr\": 0.004, \"cvr\": 0.02, \"reach_ratio\": 0.7}").status());
        campaigns("benchmarks", analyst(), "GET", ADMIN_API + "/plans/benchmarks", null);

        // automation settings: a rule that fires at the next rules run, a dry-run rule, a webhook to the local receiver
        ApiGateway.Response rule = campaigns("budget rule", admin(), "POST", CAMPAIGNS + "/" + sale + "/rules", """
                {"name": "Spent 5 percent", "trigger_type": "budget_threshold", "trigger_config": {"spent_percentage": 5},
                 "actions": [{"type": "send_alert", "severity": "warning"}], "cooldown_minutes": 120}""");
        assertEquals(201, rule.status(), rule::toString);
        assertEquals("\"0\"", rule.header("ETag"), "the version the rule is stored at (a new rule's, as a new campaign's)");
        assertEquals(201, campaigns("dry-run rule", admin(), "POST", CAMPAIGNS + "/" + newsletter + "/rules", """
                {"name": "ROAS guard", "trigger_type": "performance_threshold", "trigger_config": {"metric": "roas", "value": 1.5, "min_impressions": 1},
                 "actions": [{"type": "pause_campaign", "reason": "ROAS under 1.5"}], "dry_run": true}""").status());
        assertEquals(400, campaigns("rule without actions", admin(), "POST", CAMPAIGNS + "/" + sale + "/rules", """
                {"name": "x", "trigger_type": "budget_threshold", "trigger_config": {"spent_percentage": 50}, "actions": []}""").status());
        campaigns("rule templates", analyst(), "GET", ADMIN_API + "/rule-templates", null);
        assertEquals(403, campaigns("webhook by an admin", admin(), "POST", ADMIN_API + "/webhooks",
                "{\"name\": \"Ops\", \"url\": \"" + receiver.url() + "\", \"format\": \"json\"}").status());
        ApiGateway.Response webhook = campaigns("webhook", operator(), "POST", ADMIN_API + "/webhooks",
                "{\"name\": \"Ops\", \"url\": \"" + receiver.url() + "\", \"format\": \"json\", \"secret\": \"" + WEBHOOK_SECRET + "\"}");
        assertEquals(201, webhook.status(), webhook::toString);
        ApiGateway.Response me = campaigns("me", analyst(), "GET", ADMIN_API + "/me", null);
        assertEquals("analyst@example.com", me.json().getString("data.subject"));
        assertFalse(me.json().getList("data.permissions").contains("campaigns.update"));
        integrations();
    }

    /** A Segment destination for the sale (its events are forwarded by the integrations job), and the two imports. */
    private void integrations() throws Exception {
        ApiGateway.Response destination = campaigns("integration", operator(), "POST", ADMIN_API + "/integrations", """
                {"name": "Segment", "platform": "segment", "settings": {}, "secrets": {"write_key": "%s"}, "campaign_ids": ["%s"]}"""
                .formatted(SEGMENT_WRITE_KEY, sale));
        assertEquals(201, destination.status(), destination::toString);
        assertFalse(destination.body().contains(SEGMENT_WRITE_KEY), "a secret is never answered");
        assertEquals(400, campaigns("integration without its key", operator(), "POST", ADMIN_API + "/integrations",
                "{\"name\": \"x\", \"platform\": \"segment\", \"secrets\": {}}").status());
        integration = destination.json().getString("data.id");

        String day = LocalDate.ofInstant(base.minus(Duration.ofDays(2)), ZoneOffset.UTC).toString();
        String csv = "date,campaign,channel,amount,currency\n" + day + "," + ending + ",email,12.50,EUR\n" + day + "," + ending + ",email,1.005,EUR\n";
        ApiGateway.Response spend = campaigns("spend import", admin().header("content-type", "text/csv"), "POST",
                ADMIN_API + "/spend-imports?platform=generic&file_name=contract.csv", csv);
        assertEquals(201, spend.status(), spend::toString);
        assertEquals(1, spend.json().getInt("data.report.counts.imported"), spend::toString);
        assertEquals(1, spend.json().getInt("data.report.counts.rejected"), "more than 2 decimals");
        ApiGateway.Response again = campaigns("spend import again", admin().header("content-type", "text/csv"), "POST",
                ADMIN_API + "/spend-imports?platform=generic", csv);
        assertEquals(1, again.json().getInt("data.report.counts.unchanged"), again::toString);

        String ndjson = """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "click", "occurred_at": "%s", "channel": "email"}
                {"event_id": "%s", "campaign_id": "%s", "event_type": "conversion", "occurred_at": "%s", "value": 30.00, "order_id": "C-1"}
                {"campaign_id": "%s", "event_type": "view"}
                """.formatted(UUID.nameUUIDFromBytes("contract-import-1".getBytes()), ending, base.minus(Duration.ofDays(3)),
                UUID.nameUUIDFromBytes("contract-import-2".getBytes()), ending, base.minus(Duration.ofDays(3)).plusSeconds(60), ending);
        ApiGateway.Response queued = campaigns("event import", admin().header("content-type", "application/x-ndjson"), "POST",
                ADMIN_API + "/event-imports?format=ndjson&file_name=history.ndjson", ndjson);
        assertEquals(202, queued.status(), queued::toString);
        eventImport = queued.json().getString("data.id");
    }

    // --------------------------------------------------------------------------------------------------- tracking

    private ApiGateway.Response track(String step, ApiGateway.Request request, String method, String path, String body) throws Exception {
        return call(step, "tracking", request, method, path, body);
    }

    private String event(UUID eventId, UUID campaign, String type, String agent, Duration before, String extra) {
        return """
                {"event_id": "%s", "campaign_id": "%s", "event_type": "%s", "user_agent": "%s", "occurred_at": "%s"%s}"""
                .formatted(eventId, campaign, type, agent, base.minus(before), extra.isEmpty() ? "" : ", " + extra);
    }

    private void tracking() throws Exception {
        UUID impression = UUID.randomUUID();
        String first = event(impression, sale, "impression", CHROME, Duration.ofHours(2), """
                "channel": "email", "audience_segment": "returning", "session_id": "s-1", "ip_address": "203.0.113.77",
                "utm_source": "newsletter", "utm_medium": "email", "utm_campaign": "spring", "referrer_url": "https://mail.example.com/\"""");
        ApiGateway.Response accepted = track("impression", ApiGateway.anonymous(), "POST", "/v1/marketing/track-event", first);
        assertEquals(200, accepted.status(), accepted::toString);
        assertEquals("accepted", accepted.json().getString("data.status"));
        assertEquals("duplicate", track("impression again", ApiGateway.anonymous(), "POST", "/v1/marketing/track-event", first).json()
                .getString("data.status"));
        UUID view = UUID.randomUUID();
        UUID v6 = UUID.randomUUID();
        UUID bot = UUID.randomUUID();
        UUID conversion = UUID.randomUUID();
        String[][] singles = {
                { "view", event(view, sale, "view", IPHONE, Duration.ofMinutes(110), "\"channel\": \"facebook\", \"audience_segment\": \"new\", \"session_id\": \"s-2\"") },
                { "click", event(UUID.randomUUID(), sale, "click", IPHONE, Duration.ofMinutes(100), "\"channel\": \"facebook\", \"audience_segment\": \"new\", \"session_id\": \"s-2\"") },
                { "conversion", event(conversion, sale, "conversion", IPHONE, Duration.ofMinutes(90),
                        "\"channel\": \"facebook\", \"session_id\": \"s-2\", \"value\": 120.00, \"currency\": \"EUR\", \"order_id\": \"ORD-1\"") },
                { "ipv6 impression", event(v6, sale, "impression", CHROME, Duration.ofHours(26), "\"channel\": \"email\", \"ip_address\": \"2001:db8:85a3::8a2e:370:7334\"") },
                { "bot impression", event(bot, sale, "impression", GOOGLEBOT, Duration.ofHours(3), "\"channel\": \"email\"") } };
        for (String[] single : singles) {
            ApiGateway.Response answer = track(single[0], ApiGateway.anonymous(), "POST", "/v1/marketing/track-event", single[1]);
            assertEquals("accepted", answer.json().getString("data.status"), () -> single[0] + ": " + answer);
        }
        String[][] rejected = {
                { "unknown event type", event(UUID.randomUUID(), sale, "purchase", CHROME, Duration.ofHours(1), ""), "400" },
                { "unknown campaign", event(UUID.randomUUID(), UUID.randomUUID(), "view", CHROME, Duration.ofHours(1), ""), "404" },
                { "negative value", event(UUID.randomUUID(), sale, "conversion", CHROME, Duration.ofHours(1), "\"value\": -3, \"currency\": \"EUR\""), "400" },
                { "malformed event", "{\"campaign_id\": ", "400" },
                { "event id not a uuid", "{\"event_id\": 12, \"campaign_id\": \"" + sale + "\", \"event_type\": \"view\"}", "400" } };
        long events = count("select count(*) from campaign_events");
        for (String[] bad : rejected) {
            ApiGateway.Response answer = track("rejected " + bad[0], ApiGateway.anonymous(), "POST", "/v1/marketing/track-event", bad[1]);
            assertEquals(Integer.parseInt(bad[2]), answer.status(), () -> bad[0] + ": " + answer);
            assertProblem(answer, answer.status());
            assertFalse(answer.body().contains("dev.campaignfn") || answer.body().contains("java."), answer::body);
        }

        StringBuilder batch = new StringBuilder("{\"events\": [");
        String[] segments = { "returning", "new", "returning", "new", "returning", "new" };
        for (int i = 0; i < segments.length; i++) {
            UUID campaign = i % 2 == 0 ? sale : newsletter;
            String type = i < 3 ? "impression" : i < 5 ? "click" : "conversion";
            batch.append(i == 0 ? "" : ", ").append(event(UUID.randomUUID(), campaign, type, i % 3 == 0 ? IPHONE : CHROME,
                    Duration.ofHours(24L * i + 5), "\"channel\": \"email\", \"audience_segment\": \"" + segments[i] + "\""
                            + (type.equals("conversion") ? ", \"value\": 80, \"currency\": \"EUR\", \"order_id\": \"ORD-B" + i + "\"" : "")));
        }
        batch.append(", {\"event_id\": \"").append(UUID.randomUUID()).append("\", \"campaign_id\": \"").append(sale)
                .append("\", \"event_type\": \"view\", \"device_type\": \"fridge\"}]}");
        ApiGateway.Response outcomes = track("batch", ApiGateway.anonymous(), "POST", "/v1/marketing/track-events", batch.toString());
        assertEquals(200, outcomes.status(), outcomes::toString);
        assertEquals(6, outcomes.json().getInt("data.accepted"), outcomes::toString);
        assertEquals(1, outcomes.json().getInt("data.rejected"));
        assertEquals(6, outcomes.json().getInt("data.results[6].index"));
        assertEquals("device_type", outcomes.json().getString("data.results[6].field"));
        assertEquals(events + 6, count("select count(*) from campaign_events"), "the batch stores its good events, the refused singles nothing");

        ApiGateway.Response gif = track("pixel", ApiGateway.anonymous().header("user-agent", CHROME).header("referer", "https://news.example.com/"),
                "GET", "/v1/marketing/t.gif?campaign_id=" + pixel + "&event_id=" + UUID.randomUUID() + "&utm_source=partner&utm_medium=display",
                null);
        assertEquals(200, gif.status());
        assertEquals("image/gif", gif.header("Content-Type"));
        assertArrayEquals(new byte[] { 'G', 'I', 'F', '8', '9', 'a' }, Arrays.copyOf(gif.bodyBytes(), 6));
        assertEquals("accepted", gif.header("X-Tracking-Outcome"));
        ApiGateway.Response strayGif = track("pixel of an unknown campaign", ApiGateway.anonymous(), "GET",
                "/v1/marketing/t.gif?campaign_id=" + UUID.randomUUID(), null);
        assertEquals("image/gif", strayGif.header("Content-Type"));
        assertTrue(strayGif.header("X-Tracking-Outcome").startsWith("rejected:"), strayGif.header("X-Tracking-Outcome"));
        ApiGateway.Response redirect = track("redirect", ApiGateway.anonymous().header("user-agent", IPHONE), "GET",
                "/v1/marketing/r/contract-banner?next=https://evil.example.net/", null);
        assertEquals(302, redirect.status(), redirect::toString);
        assertEquals("https://shop.example.com/sale?ref=banner&utm_source=partner&utm_medium=display&utm_campaign=Spring+Sale"
                + "&utm_content=banner+A#top", redirect.header("Location"));
        assertEquals(404, track("unknown link", ApiGateway.anonymous(), "GET", "/v1/marketing/r/no-such-link", null).status());

        // what was stored: the device from the user agent, the address only as its network, bots flagged
        assertEquals("203.0.113.0/24", value("select ip_prefix from campaign_events where event_id = ?", impression));
        assertEquals("2001:db8:85a3::/48", value("select ip_prefix from campaign_events where event_id = ?", v6));
        assertEquals("mobile", value("select device_type from campaign_events where event_id = ?", view));
        assertEquals(Boolean.TRUE, value("select is_bot from campaign_events where event_id = ?", bot));
        assertEquals(0L, value("select count(*) from campaign_events where cast(ip_prefix as text) like '%.77%'"), "no raw address stored");
        transcript.fact("stored events", rows("select event_type, channel, device_type, audience_segment, ip_prefix, is_bot, utm_source,"
                + " value, order_id from campaign_events order by occurred_at, event_type, channel"));
    }

    // ------------------------------------------------------------------------------------------------- automation

    private void automation() throws Exception {
        JsonNode folded = job("rollup", "rollup");
        assertTrue(folded.path("outcome").path("to_event_id").asLong() > 0, folded::toString);

        // time passes: the scheduled campaign's start and the ending campaign's end are now behind us
        update("update campaigns set start_date = now() - interval '1 minute', end_date = now() + interval '10 days' where id = ?", scheduled);
        update("update campaigns set end_date = now() - interval '1 minute' where id = ?", ending);
        JsonNode lifecycle = job("lifecycle", "lifecycle");
        assertEquals(List.of(scheduled.toString()), list(lifecycle.path("outcome").path("activated")), lifecycle::toString);
        assertEquals(List.of(ending.toString()), list(lifecycle.path("outcome").path("completed")), lifecycle::toString);
        ApiGateway.Response report = campaigns("final report", analyst(), "GET", CAMPAIGNS + "/" + ending + "/final-report", null);
        assertEquals(200, report.status(), report::toString);
        assertNotNull(report.json().get("data"), report::toString);

        JsonNode rules = job("rules", "rules");
        assertEquals(2, rules.path("outcome").path("fired").size(), () -> "the budget rule, and the dry run's: " + rules);
        ApiGateway.Response runs = campaigns("rule runs", analyst(), "GET", CAMPAIGNS + "/" + newsletter + "/rule-runs", null);
        assertEquals("fired", runs.json().getString("data[0].decision"), runs::toString);
        assertEquals(Boolean.TRUE, runs.json().get("data[0].dry_run"), runs::toString);
        assertEquals("active", value("select status from campaigns where id = ?", newsletter), "a dry run pauses nothing");
        ApiGateway.Response alerts = campaigns("alerts", analyst(), "GET", CAMPAIGNS + "/" + sale + "/alerts", null);
        assertEquals(1, alerts.json().getList("data").size(), alerts::toString);

        JsonNode delivered = job("alerts job", "alerts");
        assertTrue(delivered.path("outcome").isObject(), delivered::toString);
        List<WebhookReceiver.Delivery> received = receiver.drain();
        assertEquals(1, received.size(), () -> "one alert to one webhook: " + received);
        WebhookReceiver.Delivery delivery = received.get(0);
        assertEquals("sha256=" + hmac(WEBHOOK_SECRET, delivery.timestamp() + "." + delivery.body()), delivery.signature());
        JsonPath body = new JsonPath(delivery.body());
        assertEquals(sale.toString(), body.getString("campaign_id"));
        transcript.fact("webhook delivery", new JsonPath(delivery.body()).getMap(""));
        assertEquals("delivered", value("select status from alert_deliveries"));
        ApiGateway.Response acknowledged = campaigns("acknowledge", admin(), "POST",
                ADMIN_API + "/alerts/" + alerts.json().getString("data[0].id") + "/acknowledge", null);
        assertEquals(200, acknowledged.status(), acknowledged::toString);

        JsonNode forwarded = job("integrations", "integrations");
        assertTrue(forwarded.path("outcome").path("batches_sent").asInt() >= 1, forwarded::toString);
        List<WebhookReceiver.Delivery> batches = receiver.drain();
        assertTrue(!batches.isEmpty() && batches.stream().allMatch(b -> b.path().equals("/v1/batch")), batches::toString);
        assertTrue(batches.stream().allMatch(b -> b.body().contains("\"messageId\"") && b.body().contains(sale.toString())), batches::toString);
        ApiGateway.Response figures = campaigns("integration figures", operator(), "GET", ADMIN_API + "/integrations/" + integration, null);
        assertTrue(figures.json().getInt("data.deliveries.events_sent") > 0, figures::toString);
        assertEquals(0, figures.json().getInt("data.deliveries.events_pending"), figures::toString);

        JsonNode imported = job("imports", "imports");
        assertEquals(1, imported.path("outcome").path("done").asInt(), imported::toString);
        ApiGateway.Response history = campaigns("event import report", admin(), "GET", ADMIN_API + "/event-imports/" + eventImport, null);
        assertEquals("done", history.json().getString("data.status"), history::toString);
        assertEquals(2, history.json().getInt("data.report.accepted"), history::toString);
        assertEquals(1, history.json().getInt("data.report.rejected"), "history says when it happened");

        JsonNode maintenance = job("maintenance", "maintenance");
        assertTrue(maintenance.path("outcome").has("partitions_created"), maintenance::toString);
    }

    // ----------------------------------------------------------------------------------------------- ad platforms

    /**
     * A campaign whose e-mail channel is connected to a webhook (the receiver plays the e-mail service) and whose
     * Facebook channel to Meta (the receiver answers 204 with no body, which Meta never does): the check, the launch
     * pushed by the ads job and signed, a push the platform did not confirm kept for a retry, a spend pull that read
     * nothing, and bad input answered with a problem.
     */
    private void adPlatforms() throws Exception {
        String id = created("connected campaign", campaign("Connected", "multichannel", base.minus(Duration.ofDays(1)),
                base.plus(Duration.ofDays(20)), "900", "Europe/Paris", "\"email\", \"facebook\""));
        String channels = CAMPAIGNS + "/" + id + "/channels/";
        ApiGateway.Response esp = campaigns("connect e-mail", operator(), "PUT", channels + "email/connection", """
                {"platform": "esp_webhook", "settings": {"url": "%s/esp"}, "secrets": {"signing_secret": "%s"}}"""
                .formatted(receiver.baseUrl(), WEBHOOK_SECRET));
        assertEquals(200, esp.status(), esp::toString);
        assertFalse(esp.body().contains(WEBHOOK_SECRET), "a secret is never answered");
        assertEquals("unchecked", esp.json().getString("data.state"));
        ApiGateway.Response meta = campaigns("connect facebook", operator(), "PUT", channels + "facebook/connection", """
                {"platform": "meta", "settings": {"ad_account_id": "act_77", "campaign_id": "120200", "budget_mode": "lifetime"},
                 "secrets": {"access_token": "contract-meta-token"}}""");
        assertEquals(200, meta.status(), meta::toString);
        assertProblem(campaigns("connect the wrong platform", operator(), "PUT", channels + "email/connection",
                "{\"platform\": \"meta\", \"settings\": {}, \"secrets\": {}}"), 400);
        assertEquals(403, campaigns("connect as admin", admin(), "PUT", channels + "email/connection",
                "{\"platform\": \"esp_webhook\"}").status());
        ApiGateway.Response checked = campaigns("check e-mail", operator(), "POST", channels + "email/connection/check", null);
        assertEquals("ok", checked.json().getString("data.state"), checked::toString);
        assertProblem(campaigns("spend pull of e-mail", admin(), "POST", channels + "email/connection/spend-pull", null), 409);

        assertEquals(200, campaigns("launch connected", admin(), "POST", CAMPAIGNS + "/" + id + "/launch", null).status());
        ApiGateway.Response queued = campaigns("e-mail pushes", admin(), "GET", channels + "email/connection/pushes", null);
        assertEquals(List.of("launch"), queued.json().getList("data.kind"), queued::toString);
        receiver.drain();
        JsonNode ads = job("ads", "ads");
        assertEquals(1, ads.path("outcome").path("pushes").path("sent").asInt(), ads::toString);
        assertEquals(1, ads.path("outcome").path("pushes").path("retrying").asInt(), "Meta never confirmed: " + ads);
        assertEquals(1, ads.path("outcome").path("spend_pulls").asInt(), "the Facebook channel's spend was read: " + ads);
        ApiGateway.Response pulled = campaigns("spend pull", admin(), "POST", channels + "facebook/connection/spend-pull", null);
        assertEquals(200, pulled.status(), pulled::toString);
        assertEquals(Map.of(), pulled.json().getMap("data.days"), "the receiver reports no spend: " + pulled);
        List<WebhookReceiver.Delivery> calls = receiver.drain();
        WebhookReceiver.Delivery launch = calls.stream().filter(c -> c.path().equals("/esp")).findFirst().orElseThrow();
        assertTrue(launch.body().contains("\"channel.launch\"") && launch.body().contains(id), launch::toString);
        assertEquals("sha256=" + hmac(WEBHOOK_SECRET, launch.timestamp() + "." + launch.body()),
                launch.signature());
        assertTrue(calls.stream().anyMatch(c -> c.path().equals("/meta/v23.0/120200")), calls::toString);
        ApiGateway.Response facebook = campaigns("facebook connection", admin(), "GET", channels + "facebook/connection", null);
        assertEquals(1, facebook.json().getInt("data.pushes.pending"), facebook::toString);
        assertEquals("active", facebook.json().getString("data.queued_status"));
    }

    // -------------------------------------------------------------------------------------------------- analytics

    /** The days of the scenario's data in a zone, as explicit dates: both runs ask the same question whatever today is. */
    private String period(String zone) {
        LocalDate end = LocalDate.ofInstant(base, ZoneId.of(zone)).plusDays(1);
        return "start_date=" + end.minusDays(13) + "&end_date=" + end;
    }

    private ApiGateway.Response report(String step, String path) throws Exception {
        ApiGateway.Response answer = call(step, "analytics", analyst(), "GET", ANALYTICS + path, null);
        assertEquals(200, answer.status(), () -> step + ": " + answer);
        return answer;
    }

    private void analytics() throws Exception {
        ApiGateway.Response campaign = report("campaign report", "/campaigns/" + sale + "?" + period("Asia/Kolkata"));
        JsonPath data = campaign.json();
        assertEquals("Asia/Kolkata", data.getString("data.time_zone"));
        // impressions: the single one and the batch's two (the IPv6 one too); the bot's is left out; conversions 1 + 1 (batch index 5 is the newsletter's)
        assertEquals(4, data.getInt("data.summary.total_impressions"), campaign::toString);
        assertEquals(1, data.getInt("data.summary.total_conversions"), campaign::toString);
        assertEquals(0, new BigDecimal("120.00").compareTo(new BigDecimal(data.getString("data.summary.total_revenue"))), campaign::toString);
        assertEquals(14, data.getList("data.daily_stats").size(), "every day of the period");
        report("campaign report with bots", "/campaigns/" + sale + "?" + period("Asia/Kolkata") + "&include_bots=true");
        report("campaign report +5:45 by week", "/campaigns/" + sale + "?" + period("Asia/Kathmandu") + "&tz=Asia/Kathmandu&group_by=week");
        report("campaign report New York by month", "/campaigns/" + sale + "?" + period("America/New_York") + "&tz=America/New_York&group_by=month");
        report("summary", "/campaigns/" + sale + "/summary?" + period("Asia/Kolkata") + "&channel=facebook");
        report("daily", "/campaigns/" + sale + "/daily?" + period("Asia/Kolkata") + "&metrics=impressions,clicks,ctr,roas");
        ApiGateway.Response byDevice = report("segmented by device", "/campaigns/" + sale + "/segmented?" + period("Asia/Kolkata")
                + "&segment_by=device_type");
        assertTrue(byDevice.json().getMap("data.segmented_stats").containsKey("mobile"), byDevice::toString);
        report("segmented by audience", "/campaigns/" + sale + "/segmented?" + period("Asia/Kolkata"));
        report("funnel", "/campaigns/" + sale + "/funnel?" + period("Asia/Kolkata"));
        report("channels", "/campaigns/" + sale + "/channels?" + period("Asia/Kolkata"));
        ApiGateway.Response roi = report("roi", "/campaigns/" + sale + "/roi?remaining_days=10");
        assertNotNull(roi.json().get("data"), roi::toString);
        ApiGateway.Response compare = report("compare", "/compare?campaign_ids=" + sale + "," + newsletter + "&" + period("UTC"));
        assertEquals(2, compare.json().getList("data.comparison").size(), compare::toString);
        report("aggregate roi", "/roi?campaign_ids=" + sale + "," + newsletter);
        ApiGateway.Response dashboard = report("dashboard", "/dashboard?campaign_ids=" + sale + "," + newsletter + "&" + period("UTC")
                + "&group_by=week");
        assertEquals(2, dashboard.json().getList("data.top_campaigns").size(), dashboard::toString);
        for (String model : List.of("last_touch", "linear", "time_decay&half_life_days=3", "position_based")) {
            report("attribution " + model, "/attribution?model=" + model + "&" + period("UTC") + "&campaign_ids=" + sale);
        }
        ApiGateway.Response stream = report("stream", "/stream?campaign_id=" + sale + "&limit=3");
        assertEquals(3, stream.json().getList("data.events").size(), stream::toString);
        ApiGateway.Response after = report("stream after the cursor", "/stream?campaign_id=" + sale + "&last_updated="
                + stream.json().getString("data.last_updated"));
        assertEquals(0, after.json().getList("data.events").size(), "nothing newer than the newest");

        String[][] refusals = { { "date_range=2d", "date_range" }, { "metrics=happiness", "metrics" }, { "tz=Mars/Olympus", "tz" },
                { "start_date=2026-02-30", "start_date" } };
        for (String[] refusal : refusals) {
            ApiGateway.Response refused = call("refused report " + refusal[0], "analytics", analyst(), "GET",
                    ANALYTICS + "/campaigns/" + sale + "?" + refusal[0], null);
            assertEquals(400, refused.status(), refused::toString);
            assertProblem(refused, 400);
            assertEquals(refusal[1], refused.json().getString("errors[0].field"), refused::toString);
        }
        assertEquals(404, call("report of an unknown campaign", "analytics", analyst(), "GET",
                ANALYTICS + "/campaigns/" + UUID.randomUUID(), null).status());
        assertEquals(401, call("anonymous report", "analytics", ApiGateway.anonymous(), "GET", ANALYTICS + "/dashboard", null).status());
    }

    // ---------------------------------------------------------------------------------------------------- exports

    private ApiGateway.Response export(String step, String query) throws Exception {
        ApiGateway.Response answer = call(step, "exports", analyst(), "GET", ANALYTICS + "/export?" + query, null);
        assertEquals(200, answer.status(), () -> step + ": " + answer);
        return answer;
    }

    private void exports() throws Exception {
        ApiGateway.Response csv = export("csv", "campaign_id=" + sale + "&" + period("Asia/Kolkata"));
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.body().startsWith("Date,Campaign Name,Template Type,Views,Clicks,Conversions,Impressions"), csv.body());
        assertEquals(15, csv.body().strip().split("\n").length, "a header and a row per day");
        ApiGateway.Response xlsx = export("xlsx", "campaign_id=" + sale + "&" + period("Asia/Kolkata") + "&format=xlsx");
        List<List<String>> cells = table(transcript.fact("xlsx cells", cells(xlsx.bodyBytes())));
        assertEquals(List.of("Date", "Campaign Name", "Template Type"), cells.get(0).subList(0, 3));
        assertEquals(15, cells.size(), "a header and a row per day");
        export("segmented csv", "report=segmented&segment_by=channel&campaign_id=" + sale + "&" + period("Asia/Kolkata"));
        export("comparison csv", "report=comparison&campaign_ids=" + sale + "," + newsletter + "&" + period("UTC"));
        export("dashboard csv", "report=dashboard&campaign_ids=" + sale + "," + newsletter + "&" + period("UTC"));
        export("campaigns csv", "report=campaigns&status=active,completed");
        ApiGateway.Response raw = export("events csv", "report=events&campaign_id=" + sale + "&" + period("UTC") + "&bom=true");
        assertTrue(raw.body().startsWith("\uFEFF"), "a byte order mark for Excel");
        ApiGateway.Response refused = call("refused export", "exports", analyst(), "GET", ANALYTICS + "/export?report=pie&campaign_id=" + sale, null);
        assertEquals(400, refused.status(), refused::toString);
        assertProblem(refused, 400);

        // a job: queued by the exports function, run by the automation function's exports job, downloaded through its signed URL
        ApiGateway.Response queued = call("queue xlsx job", "exports", analyst(), "POST", ANALYTICS + "/exports?campaign_id=" + sale + "&"
                + period("Asia/Kolkata") + "&format=xlsx", null);
        assertEquals(202, queued.status(), queued::toString);
        String job = queued.json().getString("data.id");
        ApiGateway.Response csvJob = call("queue csv job", "exports", analyst(), "POST", ANALYTICS + "/exports?report=comparison&campaign_ids="
                + sale + "," + newsletter + "&" + period("UTC") + "&group_by=week&metrics=roas,cpa,ctr", null);
        assertEquals(202, csvJob.status(), csvJob::toString);
        int ran = 0;
        for (int i = 0; i < 3 && ran < 2; i++) {
            ran += job("exports job " + (i + 1), "exports").path("outcome").path("jobs_run").asInt();
        }
        assertEquals(2, ran, "both queued jobs ran");
        // a spreadsheet's size varies with the time written into it: checked against the file, recorded without it
        ApiGateway.Response done = function("exports").http(analyst().event("GET", ANALYTICS + "/exports/" + job, null, false));
        assertEquals("succeeded", done.json().getString("data.status"), done::toString);
        ApiGateway.Response file = call("xlsx job file", "exports", ApiGateway.anonymous(), "GET", done.json().getString("data.download_url"), null);
        assertEquals(200, file.status(), file::toString);
        assertEquals(file.bodyBytes().length, done.json().getLong("data.size_bytes"), done::toString);
        Map<String, Object> doneWithoutSize = new LinkedHashMap<>(done.json().getMap("data"));
        doneWithoutSize.remove("size_bytes");
        transcript.fact("xlsx job done", doneWithoutSize);
        assertEquals(cells, table(transcript.fact("xlsx job cells", cells(file.bodyBytes()))), "the job's file holds what the direct export answered");
        ApiGateway.Response comparison = call("csv job done", "exports", analyst(), "GET", ANALYTICS + "/exports/" + csvJob.json().getString("data.id"),
                null);
        assertEquals("succeeded", comparison.json().getString("data.status"), comparison::toString);
        ApiGateway.Response comparisonFile = call("csv job file", "exports", ApiGateway.anonymous(), "GET",
                comparison.json().getString("data.download_url"), null);
        assertTrue(comparisonFile.body().contains("Contract newsletter"), comparisonFile::toString);
        assertEquals(404, call("tampered download", "exports", ApiGateway.anonymous(), "GET",
                tampered(done.json().getString("data.download_url")), null).status());
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** The URL with the signature's first hex digit changed (to another digit: a signature may start with 0). */
    static String tampered(String url) {
        int at = url.indexOf("signature=") + "signature=".length();
        char digit = url.charAt(at);
        return url.substring(0, at) + (digit == '0' ? '1' : '0') + url.substring(at + 1);
    }

    /** A problem answer: RFC 9457 fields and the seed's, never an empty object (as natively before Problem was registered). */
    private static void assertProblem(ApiGateway.Response answer, int status) {
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer::toString);
        JsonPath problem = answer.json();
        assertEquals(String.valueOf(status), String.valueOf((Object) problem.get("status")), answer::toString);
        assertEquals(Boolean.FALSE, problem.get("success"), answer::toString);
        assertNotNull(problem.getString("title"), answer::toString);
        assertTrue(problem.getString("type").startsWith("urn:campaignfn:problem:"), answer::toString);
        assertNotNull(problem.getString("message"), answer::toString);
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx)); Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> {
                List<String> values = new ArrayList<>();
                row.forEach(cell -> values.add(cell == null ? null : cell.getRawValue()));
                rows.add(values);
            });
        }
        return rows;
    }

    /** A report sheet's table: from its header row (Date, ...) on, after the lines that say what the report is and when it was made. */
    private static List<List<String>> table(List<List<String>> sheet) {
        for (int i = 0; i < sheet.size(); i++) {
            if (!sheet.get(i).isEmpty() && "Date".equals(sheet.get(i).get(0))) {
                return sheet.subList(i, sheet.size());
            }
        }
        throw new AssertionError("no header row in " + sheet);
    }

    static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private long count(String sql) throws Exception {
        return ((Number) value(sql)).longValue();
    }

    private Object value(String sql, Object... parameters) throws Exception {
        List<Map<String, Object>> rows = rows(sql, parameters);
        assertEquals(1, rows.size(), () -> sql + " -> " + rows);
        return rows.get(0).values().iterator().next();
    }

    private List<Map<String, Object>> rows(String sql, Object... parameters) throws Exception {
        try (Connection connection = stack.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        Object value = result.getObject(c);
                        row.put(columns.getColumnLabel(c), value instanceof BigDecimal || value == null || value instanceof Number
                                || value instanceof Boolean || value instanceof String ? value : String.valueOf(value));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private void update(String sql, Object... parameters) throws Exception {
        try (Connection connection = stack.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    /** The hour both runs count from: a whole hour, so every event's day and week is the same in both. */
    static Instant baseHour() {
        return Instant.now().truncatedTo(ChronoUnit.HOURS);
    }
}
