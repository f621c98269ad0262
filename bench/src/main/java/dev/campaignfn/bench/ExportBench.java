package dev.campaignfn.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Export benchmark (issue 5): one campaign with N raw events (default 1,000,000), exported as CSV and
 * as XLSX through the job flow of the launcher, which runs with the heap limited to 128 MB, against
 * PostgreSQL's own {@code COPY (...) TO STDOUT WITH CSV} of the same rows as the baseline, in the
 * same run. Reports each export's time (the job's own start to finish), the file's size and rows,
 * and the launcher's peak heap use sampled every 100 ms.
 */
public final class ExportBench {

    static final String API = "/v1/marketing/admin/analytics";
    static final String COPY_SQL = "copy (select event_id, occurred_at, received_at, event_type, channel, audience_segment, device_type,"
            + " value, order_id, conversion_type, session_id, user_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, utm_id,"
            + " referrer_url, landing_url, is_bot from campaign_events where campaign_id = '%s' order by occurred_at, id) to stdout with csv header";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path jar = Path.of(o.getOrDefault("jar", "functions/local/target/quarkus-app/quarkus-run.jar"));
        long events = Long.parseLong(o.getOrDefault("events", "1000000"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        String heap = o.getOrDefault("heap", "128m");
        Path out = Path.of(o.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        int dbPort = Integer.parseInt(o.getOrDefault("db-port", "15432"));
        Tools.Database db = new Tools.Database("127.0.0.1", dbPort, "postgres", "postgres", "postgres");
        Launcher launcher = Launcher.start(jar, Integer.parseInt(o.getOrDefault("port", "18080")), dbPort, null,
                out.resolve("exports-launcher.log"), List.of("-Xmx" + heap, "-Xms" + heap));
        try {
            String token = launcher.token("super_admin");
            Instant now = Instant.now();
            int days = 28;
            String id = launcher.post(API.replace("/analytics", "") + "/campaigns", token, """
                    {"name": "Export benchmark", "type": "multichannel", "start_date": "%s", "end_date": "%s", "budget": 100000,
                     "currency": "EUR", "time_zone": "UTC", "channels": ["email", "facebook"]}
                    """.formatted(now.minus(Duration.ofDays(days + 2)), now.plus(Duration.ofDays(10)))).path("data").path("id").asText();
            launcher.post(API.replace("/analytics", "") + "/campaigns/" + id + "/launch", token, null);
            EventGenerator.Campaign campaign = new EventGenerator.Campaign(UUID.fromString(id), ZoneId.of("UTC"), "EUR",
                    List.of("email", "facebook"));
            try (Connection sql = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                long t = System.nanoTime();
                new EventGenerator(List.of(campaign), 20261122).events(sql, events, now, days);
                System.out.printf("generated %,d events in %.0f s%n", events, (System.nanoTime() - t) / 1e9);
                try (Statement statement = sql.createStatement()) {
                    statement.execute("vacuum analyze campaign_events");
                }
            }
            List<Double> copySeconds = new ArrayList<>();
            Map<String, List<Double>> seconds = new HashMap<>();
            Map<String, Long> sizes = new HashMap<>();
            Map<String, Long> rows = new HashMap<>();
            long peakHeap = 0;
            for (int round = 0; round < rounds; round++) {
                copySeconds.add(copy(db, id));
                for (String format : List.of("csv", "xlsx")) {
                    HeapSampler sampler = new HeapSampler(launcher.pid());
                    sampler.start();
                    JsonNode job = runJob(launcher, token, "report=events&campaign_id=" + id + "&date_range=30d&format=" + format);
                    sampler.interrupt();
                    sampler.join();
                    peakHeap = Math.max(peakHeap, sampler.peakBytes.get());
                    Instant started = Instant.parse(job.path("started_at").asText());
                    Instant finished = Instant.parse(job.path("finished_at").asText());
                    seconds.computeIfAbsent(format, f -> new ArrayList<>()).add(Duration.between(started, finished).toMillis() / 1000.0);
                    sizes.put(format, job.path("size_bytes").asLong());
                    rows.put(format, job.path("row_count").asLong());
                    if (job.path("row_count").asLong() != events) {
                        throw new IllegalStateException(format + " export holds " + job.path("row_count") + " rows, not " + events);
                    }
                    System.out.printf("round %d %s: %.1f s, %,d bytes, heap peak so far %d MiB%n", round + 1, format,
                            seconds.get(format).get(seconds.get(format).size() - 1), job.path("size_bytes").asLong(), peakHeap >> 20);
                }
            }
            String table = String.format("Export benchmark, %s, %d cores: %,d raw events of one campaign, %d rounds (medians); launcher heap"
                    + " limited to %s (-Xmx)%n%n", Instant.now(), Runtime.getRuntime().availableProcessors(), events, rounds, heap)
                    + "| export | time (median) | file | rows | target | ratio to COPY |\n|---|---|---|---|---|---|\n"
                    + String.format("| baseline: PostgreSQL `COPY ... TO STDOUT WITH CSV` (to the client) | %.1f s | | %,d | | 1.0 |%n",
                            Stats.median(copySeconds), events)
                    + String.format("| CSV job | %.1f s | %.0f MB | %,d | ≤ 5 s | %.1f |%n", Stats.median(seconds.get("csv")),
                            sizes.get("csv") / 1e6, rows.get("csv"), Stats.median(seconds.get("csv")) / Stats.median(copySeconds))
                    + String.format("| XLSX job | %.1f s | %.0f MB | %,d | ≤ 15 s | %.1f |%n", Stats.median(seconds.get("xlsx")),
                            sizes.get("xlsx") / 1e6, rows.get("xlsx"), Stats.median(seconds.get("xlsx")) / Stats.median(copySeconds))
                    + String.format("%nPeak heap used by the launcher during the exports: %d MiB (target ≤ 128 MB; the heap cannot grow"
                            + " past %s).%n", peakHeap >> 20, heap);
            System.out.println(table);
            Files.writeString(out.resolve("exports-" + LocalDate.now() + ".md"), table);
        } finally {
            launcher.close();
        }
    }

    /** PostgreSQL writing the same rows as CSV to a client that counts the bytes. */
    static double copy(Tools.Database db, String campaignId) throws Exception {
        try (Connection sql = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            long t = System.nanoTime();
            sql.unwrap(PGConnection.class).getCopyAPI().copyOut(COPY_SQL.formatted(campaignId), OutputStream.nullOutputStream());
            return (System.nanoTime() - t) / 1e9;
        }
    }

    /** Queues an export and waits for the launcher's worker to finish it. */
    static JsonNode runJob(Launcher launcher, String token, String query) throws Exception {
        String id = launcher.post(API + "/exports?" + query, token, null).path("data").path("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = Launcher.JSON.readTree(launcher.get(API + "/exports/" + id, token).body()).path("data");
            switch (job.path("status").asText()) {
                case "succeeded" -> {
                    // the file downloads through its URL
                    HttpResponse<Void> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(job.path("download_url")
                            .asText())).build(), HttpResponse.BodyHandlers.discarding());
                    if (file.statusCode() != 200) {
                        throw new IllegalStateException("download answered " + file.statusCode());
                    }
                    return job;
                }
                case "failed", "expired" -> throw new IllegalStateException("export job " + job);
                default -> Thread.sleep(200);
            }
        }
        throw new IllegalStateException("export job " + id + " did not finish in 10 minutes");
    }

    /** Samples the used heap of a JVM with jcmd GC.heap_info. */
    static final class HeapSampler extends Thread {
        final AtomicLong peakBytes = new AtomicLong();
        private final long pid;

        HeapSampler(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(jcmd.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = lines.readLine()) != null;) {
                            // " garbage-first heap   total 131072K, used 45231K [..."
                            int used = line.indexOf("used ");
                            if (line.contains("heap") && line.contains("total") && used > 0) {
                                long kib = Long.parseLong(line.substring(used + 5, line.indexOf('K', used)));
                                peakBytes.accumulateAndGet(kib * 1024, Math::max);
                            }
                        }
                    }
                    jcmd.waitFor();
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException("cannot sample the heap with jcmd", e);
                }
            }
        }
    }
}
