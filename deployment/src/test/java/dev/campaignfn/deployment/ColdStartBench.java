package dev.campaignfn.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.campaignfn.deployment.FunctionProcess.Packaging;
import dev.campaignfn.testing.ApiGateway;
import dev.campaignfn.testing.ScheduleEvents;

/**
 * Cold start of each function, JVM zip and native executable side by side (bench/coldstart.sh runs it; the test
 * suite skips it): time from process start to the first answered event, the answer times of the next 100 events,
 * the process's peak resident memory, and each function.zip's size. The baseline is the smallest Java handler
 * ({@link EchoHandler}) under the runtime interface client, in the same run. Rounds alternate the functions and
 * the packagings; cold starts are medians over the rounds.
 */
class ColdStartBench extends RuntimeClientFixture {

    static final int WARM_CALLS = Integer.getInteger("warm.calls", 100);

    /** One start: to the first answer, of which init (process start to the first poll of the Runtime API); the next answers; peak RSS. */
    record Sample(double coldMillis, double initMillis, List<Double> warmMillis, long peakRssBytes) {
    }

    /** The event each function answers: a read route, the tracking pixel, or the lifecycle job. */
    static final Map<String, Map<String, Object>> EVENTS = Map.of(
            "campaigns", ApiGateway.as("analyst@example.com", "analyst").event("GET", "/v1/marketing/admin/campaigns", null, false),
            "analytics", ApiGateway.as("analyst@example.com", "analyst").event("GET", "/v1/marketing/admin/analytics/dashboard", null, false),
            "tracking", ApiGateway.anonymous().event("GET", "/v1/marketing/t.gif?campaign_id=00000000-0000-0000-0000-000000000000", null, false),
            "exports", ApiGateway.as("analyst@example.com", "analyst").event("GET", "/v1/marketing/admin/analytics/exports/"
                    + "00000000-0000-0000-0000-000000000000", null, false));

    @Test
    void coldStarts() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("coldstart"), "a benchmark: run bench/coldstart.sh");
        int rounds = Integer.getInteger("rounds", 5);
        // -Dpackagings=native measures one packaging; by default both, native only where it is built
        List<Packaging> packagings = new ArrayList<>();
        for (String name : System.getProperty("packagings", "jvm,native").split(",")) {
            Packaging packaging = Packaging.valueOf(name.trim().toUpperCase(Locale.ROOT));
            if (packaging.built()) {
                packagings.add(packaging);
            } else {
                System.out.println("not measured: no " + packaging + " function.zip files (see docs/deployment.md to build them)");
            }
        }
        // -Dfunctions=campaigns,tracking measures only those (and the baseline)
        List<String> chosen = List.of(System.getProperty("functions", String.join(",", FunctionProcess.FUNCTIONS)).split(","));
        Map<Packaging, Stack> stacks = new LinkedHashMap<>();
        for (Packaging packaging : packagings) {
            Stack stack = stack(packaging);
            try (Running migrate = stack.start("automation", "migrate")) {
                migrate.job("migrate");
            }
            stacks.put(packaging, stack);
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            add(samples, "baseline", baseline(), round);
            for (String function : FunctionProcess.FUNCTIONS.stream().filter(chosen::contains).toList()) {
                for (Stack stack : stacks.values()) {
                    add(samples, function + " " + stack.packaging().name().toLowerCase(Locale.ROOT), measure(stack, function), round);
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format("Cold starts, %s, %d cores, %d rounds (medians), JVM %s%n%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), rounds, System.getProperty("java.version")));
        table.append("| function | event | cold start (process start to first answer) | of which init | next ").append(WARM_CALLS)
                .append(": p50 / p99 | peak RSS | function.zip |\n|---|---|---|---|---|---|---|\n");
        samples.forEach((name, measured) -> {
            List<Double> cold = new ArrayList<>();
            List<Double> init = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            List<Double> rss = new ArrayList<>();
            measured.forEach(s -> {
                cold.add(s.coldMillis());
                init.add(s.initMillis());
                warm.addAll(s.warmMillis());
                rss.add(s.peakRssBytes() / 1e6);
            });
            String function = name.split(" ")[0];
            String zip = function.equals("baseline") ? "–" : String.format("%.1f MB", size(Packaging.valueOf(
                    name.split(" ")[1].toUpperCase(Locale.ROOT)).zip(function)) / 1e6);
            table.append(String.format("| %s | %s | %.0f ms | %.0f ms | %.2f / %.2f ms | %.0f MB | %s |%n",
                    function.equals("baseline") ? "baseline: echo handler (JVM)" : name,
                    function.equals("automation") ? "scheduled (lifecycle)" : function.equals("baseline") ? "echo" : "GET (read route)",
                    percentile(cold, 50), percentile(init, 50), percentile(warm, 50), percentile(warm, 99), percentile(rss, 50), zip));
        });
        System.out.println(table);
        Path out = Path.of("..", "bench", "results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("coldstart-" + LocalDate.now() + ".md"), table);
    }

    private static void add(Map<String, List<Sample>> samples, String name, Sample sample, int round) {
        samples.computeIfAbsent(name, f -> new ArrayList<>()).add(sample);
        System.out.printf("round %d %s: cold %.0f ms (init %.0f ms), warm p50 %.2f ms, peak RSS %.0f MB%n", round + 1, name,
                sample.coldMillis(), sample.initMillis(), percentile(sample.warmMillis(), 50), sample.peakRssBytes() / 1e6);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Sample measure(Stack stack, String function) throws Exception {
        try (Running running = stack.start(function, function.equals("automation") ? "lifecycle" : null)) {
            long started = running.process().startedAt;
            invoke(running, function);
            double cold = (System.nanoTime() - started) / 1e6;
            List<Double> warm = new ArrayList<>();
            for (int i = 0; i < WARM_CALLS; i++) {
                long t = System.nanoTime();
                invoke(running, function);
                warm.add((System.nanoTime() - t) / 1e6);
            }
            return new Sample(cold, running.init().toNanos() / 1e6, warm, running.process().peakRssBytes());
        }
    }

    private static void invoke(Running running, String function) throws Exception {
        if (function.equals("automation")) {
            running.job("lifecycle");
        } else {
            int status = running.http(EVENTS.get(function)).status();
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
            return new Sample(cold, (runtime.firstPoll.get() - process.startedAt) / 1e6, warm, process.peakRssBytes());
        }
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }
}
