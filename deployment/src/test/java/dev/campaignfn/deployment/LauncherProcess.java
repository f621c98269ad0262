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
    final String baseUrl;
    final String jdbcUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LauncherProcess(Process process, int httpPort, int dbPort) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + httpPort;
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
    }

    static LauncherProcess start(Path dataDirectory, Path log) throws IOException, InterruptedException {
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
        for (String schedule : List.of("LIFECYCLE", "ROLLUP", "RULES", "ALERTS", "MAINTENANCE")) {
            env.put("CAMPAIGNFN_LOCAL_SCHEDULE_" + schedule, "off");
        }
        env.put("CAMPAIGNFN_TRACKING_RATE_LIMIT_REQUESTS_PER_SECOND", "0");
        LauncherProcess launcher = new LauncherProcess(builder.start(), httpPort, dbPort);
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

    Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
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
    }
}
