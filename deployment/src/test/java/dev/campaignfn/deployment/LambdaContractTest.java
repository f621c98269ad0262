package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.ScheduleEvents;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The Lambda contract, proven on the built artifacts: each function.zip, unpacked, runs under AWS's
 * own runtime interface client against a Runtime API emulator, and answers real-shaped events: API
 * Gateway HTTP API v2 events with JWT authorizer claims (and a base64 body) for the admin routes, a
 * public tracking call, and EventBridge scheduled events for the automation function (whose migrate
 * job creates the schema first). No HTTP function opens a database session before its first request.
 */
class LambdaContractTest {

    static final Duration INIT_TIMEOUT = Duration.ofSeconds(90);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    static EmbeddedPostgres postgres;
    static String jdbcUrl;
    static Path work;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create database contract");
        }
        jdbcUrl = postgres.getJdbcUrl("postgres", "contract");
        work = Files.createDirectories(Path.of("target", "contract"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    static Map<String, String> environment(String handler) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("CAMPAIGNFN_EXPORTS_LOCAL_DIR", work.resolve("exports").toAbsolutePath().toString());
        if (handler != null) {
            env.put("QUARKUS_LAMBDA_HANDLER", handler);
        }
        return env;
    }

    /**
     * Sessions connected to the test database now. A function's pool keeps what it opened (idle
     * connections are removed after minutes), so a connection made during init would still be here.
     */
    static long sessions() throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from pg_stat_activity where datname = 'contract'")) {
            row.next();
            return row.getLong(1);
        }
    }

    static String activity() {
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select application_name, backend_start, state, left(query, 120) from pg_stat_activity"
                        + " where datname = 'contract'")) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                text.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ').append(rows.getString(3)).append(' ')
                        .append(rows.getString(4)).append('\n');
            }
            return text.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** A started function: its process, the emulator it talks to, and how long its init took. */
    record Running(FunctionProcess process, RuntimeApiEmulator runtime, Duration init) implements AutoCloseable {
        ApiGateway.Response http(Map<String, Object> event) throws Exception {
            RuntimeApiEmulator.Outcome outcome = runtime.invoke(event, CALL_TIMEOUT);
            assertFalse(outcome.error(), () -> "the function reported an error: " + outcome.body());
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = RuntimeApiEmulator.JSON.readValue(outcome.body(), Map.class);
            return new ApiGateway.Response(answer);
        }

        JsonNode job(String schedule) throws Exception {
            RuntimeApiEmulator.Outcome outcome = runtime.invoke(ScheduleEvents.scheduled(schedule, Instant.now()), CALL_TIMEOUT);
            assertFalse(outcome.error(), () -> "the job reported an error: " + outcome.body());
            return RuntimeApiEmulator.JSON.readTree(outcome.body());
        }

        @Override
        public void close() {
            process.close();
            runtime.close();
            // the server notices a closed client at once, but let it finish before the next function is measured
            try {
                for (int i = 0; i < 100 && sessions() > 0; i++) {
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Running start(String module, String handler) throws Exception {
        Path task = FunctionProcess.unpack(FunctionProcess.zip(module), work.resolve(module + (handler == null ? "" : "-" + handler))
                .toAbsolutePath());
        RuntimeApiEmulator runtime = new RuntimeApiEmulator();
        long sessionsBefore = 0; // every function before this one has exited
        FunctionProcess process = FunctionProcess.start(task, runtime.address(), environment(handler),
                work.resolve(module + (handler == null ? "" : "-" + handler) + ".log").toAbsolutePath());
        try {
            long polled = runtime.firstPoll.get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (handler == null) {
                // an HTTP function initialises without the database: it connects on its first request
                assertEquals(sessionsBefore, sessions(), () -> module + " opened a database session before its first request: " + activity());
            }
            return new Running(process, runtime, Duration.ofNanos(polled - process.startedAt));
        } catch (Exception | AssertionError e) {
            String log = process.logTail();
            process.close();
            runtime.close();
            throw new AssertionError(module + " never asked for an event (init error: " + runtime.initError.getNow(null) + ")\n" + log, e);
        }
    }

    @Test
    void everyFunctionAnswersRealShapedEventsUnderTheRuntimeClient() throws Exception {
        try (Running migrate = start("automation", "migrate")) {
            JsonNode report = migrate.job("migrate");
            assertEquals("migrate", report.path("job").asText(), report.toString());
            assertTrue(report.path("outcome").path("migrations_applied").asInt() >= 1, report.toString());
        }

        String campaignId;
        try (Running campaigns = start("campaigns", null)) {
            ApiGateway.Request admin = ApiGateway.as("admin@example.com", "marketing_admin");
            ApiGateway.Response created = campaigns.http(admin.event("POST", "/v1/marketing/admin/campaigns", """
                    {"name": "Contract campaign", "type": "email", "start_date": "%s", "end_date": "%s", "budget": 1000, "currency": "EUR",
                     "channels": ["email"]}
                    """.formatted(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(5))), true));
            assertEquals(201, created.status(), created::toString);
            campaignId = created.json().getString("data.id");
            assertEquals(200, campaigns.http(admin.event("POST", "/v1/marketing/admin/campaigns/" + campaignId + "/launch", null, false))
                    .status());
            ApiGateway.Response listed = campaigns.http(ApiGateway.as("analyst@example.com", "analyst").event("GET",
                    "/v1/marketing/admin/campaigns?status=active", null, false));
            assertEquals(200, listed.status(), listed::toString);
            assertEquals("Contract campaign", listed.json().getString("data[0].name"));
            assertEquals(403, campaigns.http(ApiGateway.as("analyst@example.com", "analyst").event("POST",
                    "/v1/marketing/admin/campaigns/" + campaignId + "/pause", null, false)).status());
            assertEquals(401, campaigns.http(ApiGateway.anonymous().event("GET", "/v1/marketing/admin/campaigns", null, false)).status());
        }

        try (Running tracking = start("tracking", null)) {
            ApiGateway.Response accepted = tracking.http(ApiGateway.anonymous().event("POST", "/v1/marketing/track-event", """
                    {"campaign_id": "%s", "event_type": "impression", "channel": "email", "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0"}
                    """.formatted(campaignId), false));
            assertEquals(200, accepted.status(), accepted::toString);
            assertEquals("accepted", accepted.json().getString("data.status"));
        }

        try (Running analytics = start("analytics", null)) {
            ApiGateway.Response report = analytics.http(ApiGateway.as("analyst@example.com", "analyst").event("GET",
                    "/v1/marketing/admin/analytics/campaigns/" + campaignId + "?date_range=7d", null, false));
            assertEquals(200, report.status(), report::toString);
            assertEquals(1, report.json().getInt("data.summary.total_impressions"));
        }

        try (Running exports = start("exports", null)) {
            ApiGateway.Response csv = exports.http(ApiGateway.as("analyst@example.com", "analyst").event("GET",
                    "/v1/marketing/admin/analytics/export?campaign_id=" + campaignId + "&metrics=impressions", null, false));
            assertEquals(200, csv.status(), csv::toString);
            assertTrue(csv.body().startsWith("Date,Campaign Name,Type,Impressions"), csv.body());
        }

        try (Running lifecycle = start("automation", "lifecycle")) {
            JsonNode report = lifecycle.job("lifecycle");
            assertEquals("lifecycle", report.path("job").asText(), report.toString());
        }
    }
}
