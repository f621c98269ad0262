package dev.campaignfn.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.ScheduleEvents;

/**
 * Cold start of each function under the runtime interface client (bench/coldstart.sh runs it; the
 * test suite skips it): time from process start to the first answered event, then the answer times
 * of the next 100 events, and each function.zip's size; the baseline is the smallest Java handler
 * ({@link EchoHandler}) under the same client, in the same run. Rounds alternate the functions.
 */
class ColdStartBench extends RuntimeClientFixture {

    static final int WARM_CALLS = Integer.getInteger("warm.calls", 100);

    record Sample(double coldMillis, List<Double> warmMillis) {
    }

    @Test
    void coldStarts() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("coldstart"), "a benchmark: run bench/coldstart.sh");
        int rounds = Integer.getInteger("rounds", 3);
        try (Running migrate = start("automation", "migrate")) {
            migrate.job("migrate");
        }
        Map<String, Map<String, Object>> http = Map.of(
                "campaigns", ApiGateway.as("analyst@example.com", "analyst").event("GET", "/v1/marketing/admin/campaigns", null, false),
                "analytics", ApiGateway.as("analyst@example.com", "analyst").event("GET", "/v1/marketing/admin/analytics/dashboard", null, false),
                "tracking", ApiGateway.anonymous().event("GET", "/v1/marketing/t.gif?campaign_id=00000000-0000-0000-0000-000000000000", null,
                        false),
                "exports", ApiGateway.as("analyst@example.com", "analyst").event("GET", "/v1/marketing/admin/analytics/exports/"
                        + "00000000-0000-0000-0000-000000000000", null, false));
        // -Dfunctions=campaigns,tracking measures only those (and the baseline)
        List<String> chosen = List.of(System.getProperty("functions", String.join(",", FunctionProcess.FUNCTIONS)).split(","));
        List<String> order = Stream.concat(Stream.of("baseline"), FunctionProcess.FUNCTIONS.stream().filter(chosen::contains)).toList();
        Map<String, List<Sample>> samples = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String function : order) {
                Sample sample = function.equals("baseline") ? baseline() : measure(function, http.get(function));
                samples.computeIfAbsent(function, f -> new ArrayList<>()).add(sample);
                System.out.printf("round %d %s: cold %.0f ms, warm p50 %.2f ms%n", round + 1, function, sample.coldMillis(),
                        percentile(sample.warmMillis(), 50));
            }
        }
        StringBuilder table = new StringBuilder(String.format("Cold starts, %s, %d cores, %d rounds (medians), JVM %s%n%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), rounds, System.getProperty("java.version")));
        table.append("| function | event | cold start (process start to first answer) | next 100: p50 / p99 | function.zip |\n|---|---|---|---|---|\n");
        for (String function : order) {
            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            samples.get(function).forEach(s -> {
                cold.add(s.coldMillis());
                warm.addAll(s.warmMillis());
            });
            String zip = function.equals("baseline") ? "–" : String.format("%.1f MB", Files.size(FunctionProcess.zip(function)) / 1e6);
            table.append(String.format("| %s | %s | %.0f ms | %.2f / %.2f ms | %s |%n", function.equals("baseline") ? "baseline: echo handler" : function,
                    function.equals("automation") ? "scheduled (lifecycle)" : function.equals("baseline") ? "echo" : "GET (read route)",
                    percentile(cold, 50), percentile(warm, 50), percentile(warm, 99), zip));
        }
        System.out.println(table);
        Path out = Path.of("..", "bench", "results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("coldstart-" + LocalDate.now() + ".md"), table);
    }

    private Sample measure(String function, Map<String, Object> event) throws Exception {
        try (Running running = start(function, function.equals("automation") ? "lifecycle" : null)) {
            long started = running.process().startedAt;
            invoke(running, function, event);
            double cold = (System.nanoTime() - started) / 1e6;
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < WARM_CALLS; i++) {
                long t = System.nanoTime();
                invoke(running, function, event);
                warm.add((System.nanoTime() - t) / 1e6);
            }
            return new Sample(cold, warm);
        }
    }

    private static void invoke(Running running, String function, Map<String, Object> event) throws Exception {
        if (function.equals("automation")) {
            running.job("lifecycle");
        } else {
            int status = running.http(event).status();
            if (status >= 500) {
                throw new IllegalStateException(function + " answered " + status);
            }
        }
    }

    private Sample baseline() throws Exception {
        try (RuntimeApiEmulator runtime = new RuntimeApiEmulator();
                FunctionProcess process = FunctionProcess.start(Path.of("target", "test-classes").toAbsolutePath(),
                        EchoHandler.class.getName() + "::handleRequest", runtime.address(), Map.of(),
                        work.resolve("baseline.log").toAbsolutePath())) {
            Map<String, Object> event = ScheduleEvents.scheduled("echo", Instant.now());
            runtime.invoke(event, Duration.ofSeconds(60));
            double cold = (System.nanoTime() - process.startedAt) / 1e6;
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < WARM_CALLS; i++) {
                long t = System.nanoTime();
                runtime.invoke(event, Duration.ofSeconds(60));
                warm.add((System.nanoTime() - t) / 1e6);
            }
            return new Sample(cold, warm);
        }
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }
}
