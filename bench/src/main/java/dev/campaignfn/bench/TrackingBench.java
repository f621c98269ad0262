package dev.campaignfn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Issue 3's benchmark, one run on one machine: (a) raw PostgreSQL INSERT rates into the events table
 * at 8 connections, single rows and 100-row statements (the baseline, with pgbench); (b) POST
 * /track-event at 8 concurrent clients, events/s and p50/p99 (wrk); (c) POST /track-events with
 * batches of 500 (wrk); (d) the launcher's peak RSS; with {@code --forward true}, (e) every stored event forwarded once to a
 * Segment destination played by a local sink, the integrations job running every second during the measurements. Rounds alternate baseline and API so both see
 * the same machine; the table reports medians over rounds and the ratios of those medians. Every
 * event the API accepted is checked to be in the database.
 */
public final class TrackingBench {

    static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path jar = Path.of(o.getOrDefault("jar", "functions/local/target/quarkus-app/quarkus-run.jar"));
        int port = Integer.parseInt(o.getOrDefault("port", "18080"));
        int dbPort = Integer.parseInt(o.getOrDefault("db-port", "15432"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "10"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        Path out = Path.of(o.getOrDefault("out", "bench/results"));
        String databaseUrl = o.get("database-url");
        Tools.Database db = databaseUrl != null
                ? Tools.Database.fromJdbcUrl(databaseUrl, o.getOrDefault("user", "postgres"), o.getOrDefault("password", ""))
                : new Tools.Database("127.0.0.1", dbPort, "postgres", "postgres", "postgres");
        Files.createDirectories(out);

        // --forward true: every accepted event is also forwarded to a Segment destination (a local sink) while measured
        boolean forward = Boolean.parseBoolean(o.getOrDefault("forward", "false"));
        Map<String, String> environment = new HashMap<>();
        SegmentSink sink = forward ? SegmentSink.start() : null;
        if (forward) {
            environment.put("CAMPAIGNFN_INTEGRATIONS_SEGMENT_URL", sink.url());
            environment.put("CAMPAIGNFN_LOCAL_SCHEDULE_INTEGRATIONS", "1s");
        }
        try (Launcher launcher = Launcher.start(jar, port, dbPort, databaseUrl, out.resolve("tracking-launcher.log"), List.of(), environment);
                Connection sql = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            String token = launcher.token("super_admin");
            String campaign = launcher.post("/v1/marketing/admin/campaigns", token, """
                    {"name": "Benchmark", "type": "multichannel", "start_date": "%s", "end_date": "%s", "budget": 1000,
                     "currency": "EUR", "time_zone": "Europe/Paris", "channels": ["email"]}
                    """.formatted(Instant.now().minusSeconds(86_400), Instant.now().plusSeconds(86_400 * 30)))
                    .path("data").path("id").asText();
            launcher.post("/v1/marketing/admin/campaigns/" + campaign + "/launch", token, null);
            if (forward) {
                launcher.post("/v1/marketing/admin/integrations", token, """
                        {"name": "Benchmark sink", "platform": "segment", "secrets": {"write_key": "bench"}, "campaign_ids": ["%s"]}
                        """.formatted(campaign));
            }
            Path single = pgbenchScript(out, "raw-1.sql", campaign, 1);
            Path hundred = pgbenchScript(out, "raw-100.sql", campaign, 100);
            Path eventScript = Path.of("bench/wrk/track-event.lua");
            Path batchScript = Path.of("bench/wrk/track-events.lua");

            // warm-up: the JIT, the driver's prepared statements, PostgreSQL's caches
            Tools.wrk(launcher.base + "/v1/marketing/track-event", eventScript, campaign, clients, 5);
            Tools.wrk(launcher.base + "/v1/marketing/track-events", batchScript, campaign, clients, 5);

            List<Double> a1 = new ArrayList<>();
            List<Double> a100 = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            List<Double> c = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                a1.add(Tools.pgbench(db, single, clients, seconds));
                long before = stored(sql, campaign);
                Tools.WrkResult events = Tools.wrk(launcher.base + "/v1/marketing/track-event", eventScript, campaign, clients, seconds);
                check(events, stored(sql, campaign) - before, 1);
                a100.add(Tools.pgbench(db, hundred, clients, seconds) * 100);
                before = stored(sql, campaign);
                Tools.WrkResult batches = Tools.wrk(launcher.base + "/v1/marketing/track-events", batchScript, campaign, clients, seconds);
                check(batches, stored(sql, campaign) - before, 500);
                b.add(events.requestsPerSecond());
                c.add(batches.requestsPerSecond() * 500);
                p50.add(events.p50());
                p99.add(events.p99());
                System.out.printf("round %d: raw 1-row %.0f/s, API single %.0f/s (p50 %.2f ms, p99 %.2f ms), raw 100-row %.0f rows/s,"
                        + " API batch %.0f events/s%n", round, a1.get(round - 1), b.get(round - 1), events.p50(), events.p99(),
                        a100.get(round - 1), c.get(round - 1));
            }
            String table = report(clients, seconds, rounds, a1, a100, b, c, p50, p99, launcher.peakRssMib());
            if (forward) {
                table += sink.awaitAll(forwardable(sql, campaign), Duration.ofMinutes(10));
            }
            System.out.println(table);
            Files.writeString(out.resolve("tracking-" + LocalDate.now() + ".md"), table);
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }

    /** Every request the API answered stored its events: none lost, none doubled. */
    private static void check(Tools.WrkResult result, long stored, int perRequest) {
        if (result.errors() > 0) {
            throw new IllegalStateException(result.errors() + " requests were not answered 2xx");
        }
        long expected = result.requests() * perRequest;
        // wrk counts the requests it saw answered; requests cut off at the end of the run may still have been stored
        if (stored < expected || stored > expected + 8L * perRequest) {
            throw new IllegalStateException("the API answered " + expected + " events but stored " + stored);
        }
    }

    private static long stored(Connection sql, String campaign) throws Exception {
        return stored(sql, campaign, "");
    }

    /** The events the forwarder is to send (the baseline's rows are not). */
    private static long forwardable(Connection sql, String campaign) throws Exception {
        return stored(sql, campaign, " and forwardable");
    }

    private static long stored(Connection sql, String campaign, String condition) throws Exception {
        try (PreparedStatement count = sql.prepareStatement("select count(*) from campaign_events where campaign_id = ?::uuid" + condition)) {
            count.setString(1, campaign);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A plain multi-row INSERT of the same columns the API stores. Its rows are not forwardable: they bypass the event
     * fence the forwarder reads behind, and are the baseline, not events.
     */
    private static Path pgbenchScript(Path dir, String name, String campaign, int rows) throws Exception {
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rows; i++) {
            values.add("(gen_random_uuid(), '" + campaign + "', 'impression', now(), now(), 'email', 'returning', 'desktop', 's-42', '"
                    + USER_AGENT + "', false, false)");
        }
        Path script = dir.resolve(name);
        Files.writeString(script, "insert into campaign_events (event_id, campaign_id, event_type, occurred_at, received_at, channel,"
                + " audience_segment, device_type, session_id, user_agent, is_bot, forwardable) values " + values + ";\n");
        return script;
    }

    static String report(int clients, int seconds, int rounds, List<Double> rawSingle, List<Double> rawBatch, List<Double> apiSingle,
            List<Double> apiBatch, List<Double> p50, List<Double> p99, double rss) {
        double a1 = Stats.median(rawSingle);
        double a100 = Stats.median(rawBatch);
        double b = Stats.median(apiSingle);
        double c = Stats.median(apiBatch);
        StringBuilder report = new StringBuilder();
        report.append("Tracking benchmark, ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(clients).append(" connections/clients, medians of ").append(rounds).append(" rounds of ")
                .append(seconds).append(" s\n\n");
        report.append("| measure | result | target | ratio |\n|---|---|---|---|\n");
        report.append(String.format("| (a) raw single-row INSERT (pgbench) | %.0f rows/s | baseline | |%n", a1));
        report.append(String.format("| (a) raw 100-row INSERT (pgbench) | %.0f rows/s | baseline | |%n", a100));
        report.append(String.format("| (b) POST /track-event (wrk) | %.0f events/s | ≥ 0.50 of (a) single | %.2f |%n", b, b / a1));
        report.append(String.format("| (b) latency p50 / p99 | %.2f / %.2f ms | p99 < 25 ms | |%n", Stats.median(p50), Stats.median(p99)));
        report.append(String.format("| (c) POST /track-events, 500 per batch (wrk) | %.0f events/s | ≥ 0.50 of (a) 100-row | %.2f |%n", c,
                c / a100));
        report.append(String.format("| (d) launcher peak RSS | %.0f MiB | | |%n", rss));
        return report.toString();
    }
}
