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

import com.fasterxml.jackson.databind.JsonNode;

import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.ScheduleEvents;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs built function.zip files under AWS's runtime interface client, each against its own Runtime API
 * emulator, on an embedded PostgreSQL; checks that an HTTP function opens no database session while it
 * initialises.
 */
abstract class RuntimeClientFixture {

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
}
