package dev.campaignfn.deployment;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local launcher as a user runs it ({@code java -jar functions/local/target/quarkus-app/quarkus-run.jar}), on a
 * fresh data directory with its own embedded PostgreSQL, the schedules off (nothing writes behind a test's back) and
 * the tracking rate limit off (a fuzz run sends thousands of requests from one address).
 */
final class LauncherProcess implements AutoCloseable {

    static final Path JAR = Path.of("..", "functions", "local", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();

    private final Process process;
    private final Path pgdata;
    private boolean restarted;
    final String baseUrl;
    final String jdbcUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LauncherProcess(Process process, Path dataDirectory, int httpPort, int dbPort) {
        this.process = process;
        this.pgdata = dataDirectory.toAbsolutePath().resolve("pgdata");
        this.baseUrl = "http://127.0.0.1:" + httpPort;
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
    }

    /** A launcher on an empty data directory {@code target/<name>}, logging to {@code target/<name>.log}. */
    static LauncherProcess fresh(String name) throws IOException, InterruptedException {
        Path data = Path.of("target", name);
        if (Files.exists(data)) {
            try (var walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return start(Files.createDirectories(data), Path.of("target", name + ".log"));
    }

    private static LauncherProcess start(Path dataDirectory, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("no launcher at " + JAR + ": build it first (./mvnw -B package -DskipTests)");
        }
        int httpPort = freePort();
        int dbPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        env.put("CAMPAIGNFN_DATA_DIR", dataDirectory.toAbsolutePath().toString());
        env.put("CAMPAIGNFN_LOCAL_DB_PORT", String.valueOf(dbPort));
        // the exports schedule too: it runs export jobs and queues scheduled reports, both writes
        for (String schedule : List.of("LIFECYCLE", "ROLLUP", "RULES", "ALERTS", "MAINTENANCE", "EXPORTS", "INTEGRATIONS", "IMPORTS")) {
            env.put("CAMPAIGNFN_LOCAL_SCHEDULE_" + schedule, "off");
        }
        env.put("CAMPAIGNFN_TRACKING_RATE_LIMIT_REQUESTS_PER_SECOND", "0");
        LauncherProcess launcher = new LauncherProcess(builder.start(), dataDirectory, httpPort, dbPort);
        launcher.awaitReady(log);
        return launcher;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the launcher exited (" + process.exitValue() + "); its log: " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the launcher was not ready within 120 s; its log: " + log);
    }

    /** A bearer token for {@code role} from the launcher's own {@code /local/token}. */
    String token(String role) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/local/token?role=" + role)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(answer.body()).at("/data/access_token").asText();
    }

    /** A request to the launcher: a JSON body when {@code body} is given, a bearer token when {@code token} is. */
    HttpResponse<String> send(String method, String pathAndQuery, byte[] body, String token, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    /**
     * Stops the launcher's PostgreSQL as an outage would (a fast shutdown: SIGINT to the postmaster, open connections
     * cut), leaving the launcher running.
     */
    void stopDatabase() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).strip());
        new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start().waitFor();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (postmaster != null && postmaster.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (postmaster != null && postmaster.isAlive()) {
            throw new IllegalStateException("PostgreSQL (" + pid + ") did not stop within 60 s");
        }
    }

    /**
     * Starts the launcher's PostgreSQL again with the options it last ran with (postmaster.opts), through its
     * pg_ctl as the launcher's embedded server does.
     */
    void startDatabase(Path log) throws IOException, InterruptedException {
        String opts = Files.readString(pgdata.resolve("postmaster.opts")).strip();
        List<String> words = new ArrayList<>();
        java.util.regex.Matcher word = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        Path pgCtl = Path.of(words.get(0)).resolveSibling("pg_ctl");
        StringBuilder options = new StringBuilder();
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).equals("-D")) {
                i++; // the data directory is pg_ctl's own argument
                continue;
            }
            options.append(options.isEmpty() ? "" : " ").append(words.get(i));
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root: as the embedded server does, in a user namespace where it is not
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", pgdata.toString(), "-o", options.toString(), "-l", log.toString(), "-w", "-t", "60",
                "start"));
        Process pgCtlStart = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (pgCtlStart.waitFor() != 0) {
            throw new IllegalStateException("pg_ctl start failed (" + pgCtlStart.exitValue() + "); its log: " + log);
        }
        restarted = true;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        if (restarted && Files.exists(pgdata.resolve("postmaster.pid"))) {
            // the launcher stops the database it started; one this class started again is this class's to stop
            try {
                stopDatabase();
            } catch (IOException e) {
                throw new IllegalStateException("the restarted PostgreSQL could not be stopped", e);
            }
        }
    }
}
