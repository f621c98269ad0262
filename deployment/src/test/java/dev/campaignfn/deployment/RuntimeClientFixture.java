package dev.campaignfn.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.fasterxml.jackson.databind.JsonNode;

import dev.campaignfn.deployment.FunctionProcess.Packaging;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.ScheduleEvents;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs built function.zip files the way Lambda runs them (JVM zips under AWS's runtime interface client, native zips
 * as their bootstrap), each against its own Runtime API emulator, on an embedded PostgreSQL; checks that an HTTP
 * function opens no database session while it initialises.
 */
abstract class RuntimeClientFixture {

    static final Duration INIT_TIMEOUT = Duration.ofSeconds(90);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    static EmbeddedPostgres postgres;
    /** Where the functions' analytics integrations send to (a local receiver), when a test sets one. */
    static String platformsUrl;
    static Path work;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        work = Files.createDirectories(Path.of("target", "contract"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** One packaging's functions on a fresh database of their own. */
    static Stack stack(Packaging packaging) throws Exception {
        String database = "contract_" + packaging.name().toLowerCase(Locale.ROOT);
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        }
        return new Stack(packaging, database, Files.createDirectories(work.resolve(database)).toAbsolutePath());
    }

    /** The functions of one packaging, the database they share and a directory for their task folders and logs. */
    record Stack(Packaging packaging, String database, Path dir) {

        /** The database URL a function instance gets, named so its sessions can be told apart. */
        String jdbcUrl(String instance) {
            return postgres.getJdbcUrl("postgres", database) + "&ApplicationName=" + instance;
        }

        Map<String, String> environment(String instance, String handler) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(instance));
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("CAMPAIGNFN_EXPORTS_LOCAL_DIR", dir.resolve("exports").toString());
            // one key for every function of the stack, as one deployment has: a URL the exports job signs, the exports function honours
            env.put("CAMPAIGNFN_EXPORTS_SIGNING_KEY", "contract-signing-key-" + database);
            // the integrations' key, the same for every function of the stack (made from its name: a test key sealing test secrets)
            env.put("CAMPAIGNFN_INTEGRATIONS_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(
                    java.util.Arrays.copyOf(("contract-integrations-key-" + database).getBytes(java.nio.charset.StandardCharsets.UTF_8), 32)));
            if (platformsUrl != null) {
                env.put("CAMPAIGNFN_INTEGRATIONS_SEGMENT_URL", platformsUrl);
                env.put("CAMPAIGNFN_ADS_META_URL", platformsUrl + "/meta");
            }
            if (handler != null) {
                env.put("QUARKUS_LAMBDA_HANDLER", handler);
            }
            return env;
        }

        /** A connection to the stack's database, for what the contract checks beyond the answers. */
        Connection connect() throws Exception {
            return DriverManager.getConnection(postgres.getJdbcUrl("postgres", database), "postgres", "postgres");
        }

        /**
         * Sessions the named function instance holds now. A function's pool keeps what it opened (idle connections
         * are removed after minutes), so a connection made during init would still be here.
         */
        long sessions(String instance) throws Exception {
            try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                    var select = connection.prepareStatement("select count(*) from pg_stat_activity where datname = ? and application_name = ?")) {
                select.setString(1, database);
                select.setString(2, instance);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        }

        String activity() {
            try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select application_name, backend_start, state, left(query, 120) from pg_stat_activity"
                            + " where datname = '" + database + "'")) {
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

        /** Starts a function (an automation job when {@code handler} names one) and waits until it asks for its first event. */
        Running start(String module, String handler) throws Exception {
            String instance = module + (handler == null ? "" : "-" + handler) + "-" + packaging.name().toLowerCase(Locale.ROOT);
            Path task = FunctionProcess.unpack(FunctionProcess.zip(packaging, module), dir.resolve(instance));
            RuntimeApiEmulator runtime = new RuntimeApiEmulator();
            FunctionProcess process = FunctionProcess.start(packaging, task, runtime.address(), environment(instance, handler),
                    dir.resolve(instance + ".log"));
            try {
                long polled = runtime.firstPoll.get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (handler == null) {
                    // an HTTP function initialises without the database: it connects on its first request
                    assertEquals(0, sessions(instance), () -> instance + " opened a database session before its first request: " + activity());
                }
                return new Running(this, instance, process, runtime, Duration.ofNanos(polled - process.startedAt));
            } catch (Exception | AssertionError e) {
                String log = process.logTail();
                process.close();
                runtime.close();
                throw new AssertionError(instance + " never asked for an event (init error: " + runtime.initError.getNow(null) + ")\n" + log, e);
            }
        }
    }

    /** A started function: its process, the emulator it talks to, and how long its init took. */
    record Running(Stack stack, String instance, FunctionProcess process, RuntimeApiEmulator runtime, Duration init) implements AutoCloseable {

        ApiGateway.Response http(Map<String, Object> event) throws Exception {
            RuntimeApiEmulator.Outcome outcome = runtime.invoke(event, CALL_TIMEOUT);
            assertFalse(outcome.error(), () -> instance + " reported an error: " + outcome.body() + "\n" + process.logTail());
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = RuntimeApiEmulator.JSON.readValue(outcome.body(), Map.class);
            return new ApiGateway.Response(answer);
        }

        JsonNode job(String schedule) throws Exception {
            RuntimeApiEmulator.Outcome outcome = runtime.invoke(ScheduleEvents.scheduled(schedule, Instant.now()), CALL_TIMEOUT);
            assertFalse(outcome.error(), () -> instance + " reported an error: " + outcome.body() + "\n" + process.logTail());
            return RuntimeApiEmulator.JSON.readTree(outcome.body());
        }

        @Override
        public void close() {
            process.close();
            runtime.close();
            // the server notices a closed client at once, but let it finish before the next function is measured
            try {
                for (int i = 0; i < 100 && stack.sessions(instance) > 0; i++) {
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
