package dev.campaignfn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generators: pgbench for raw PostgreSQL and wrk for HTTP, both C programs that leave the
 * two cores to what is measured. (A JVM client on the same machine costs more CPU than the server it
 * measures.)
 */
final class Tools {

    /** What wrk measured: request rate, latency percentiles (ms), requests and non-2xx answers. */
    record WrkResult(double requestsPerSecond, double p50, double p99, long requests, long errors) {
    }

    private Tools() {
    }

    /** pgbench with a custom script at the given connections; answers transactions per second. */
    static double pgbench(Database db, Path script, int clients, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", db.host(), "-p", String.valueOf(db.port()), "-U", db.user(),
                "-n", "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds),
                "-M", "prepared", "-f", script.toString(), db.name()));
        String output = run(command, Map.of("PGPASSWORD", db.password()));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    static WrkResult wrk(String url, Path script, String campaign, int connections, int seconds) throws Exception {
        String output = run(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", script.toString(), url),
                Map.of("CAMPAIGN", campaign));
        Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        Matcher total = Pattern.compile("(\\d+) requests in").matcher(output);
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        if (!rate.find() || !total.find()) {
            throw new IllegalStateException("wrk printed no rate:\n" + output);
        }
        return new WrkResult(Double.parseDouble(rate.group(1)), percentile(output, "50%"), percentile(output, "99%"),
                Long.parseLong(total.group(1)), errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    private static double percentile(String output, String label) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    static String run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** Where the measured PostgreSQL is, for pgbench and for counting what was stored. */
    record Database(String host, int port, String name, String user, String password) {
        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        static Database fromJdbcUrl(String url, String user, String password) {
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*").matcher(url);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
            }
            return new Database(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), m.group(3), user, password);
        }
    }
}
