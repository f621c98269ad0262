package dev.campaignfn.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The local launcher as a separate process: started, asked for a token, measured, stopped. */
final class Launcher implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    private final Process process;
    private final Settings settings;

    /** How to start it: the same settings start it again on the same data (a restart). */
    record Settings(Path jar, int port, int dbPort, String databaseUrl, Path log, Path dataDir, List<String> jvmOptions,
            java.util.Map<String, String> environment) {
    }

    private Launcher(Process process, String base, Settings settings) {
        this.process = process;
        this.base = base;
        this.settings = settings;
    }

    /** Starts the launcher jar with its own data directory and, unless one is given, its embedded database on dbPort. */
    static Launcher start(Path jar, int port, int dbPort, String databaseUrl, Path log) throws Exception {
        return start(jar, port, dbPort, databaseUrl, log, List.of());
    }

    /** The same, with JVM options for the launcher (a heap limit, say). */
    static Launcher start(Path jar, int port, int dbPort, String databaseUrl, Path log, List<String> jvmOptions) throws Exception {
        return start(jar, port, dbPort, databaseUrl, log, jvmOptions, java.util.Map.of());
    }

    /** The same, with more environment for the launcher (its configuration). */
    static Launcher start(Path jar, int port, int dbPort, String databaseUrl, Path log, List<String> jvmOptions,
            java.util.Map<String, String> environment) throws Exception {
        Files.deleteIfExists(log);
        return start(new Settings(jar, port, dbPort, databaseUrl, log, Files.createTempDirectory("campaignfn-bench"), jvmOptions,
                environment));
    }

    /** Stops this launcher (and its embedded database) and starts it again on the same data. */
    Launcher restart() throws Exception {
        stop();
        return start(settings);
    }

    static Launcher start(Settings settings) throws Exception {
        Path jar = settings.jar();
        int port = settings.port();
        int dbPort = settings.dbPort();
        String databaseUrl = settings.databaseUrl();
        Path log = settings.log();
        requireFree(port);
        if (databaseUrl == null) {
            requireFree(dbPort);
        }
        Path data = settings.dataDir();
        List<String> command = new java.util.ArrayList<>(List.of("java"));
        command.addAll(settings.jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("CAMPAIGNFN_DATA_DIR", data.toString());
        builder.environment().put("CAMPAIGNFN_LOCAL_DB_PORT", String.valueOf(dbPort));
        builder.environment().put("CAMPAIGNFN_TRACKING_RATE_LIMIT_REQUESTS_PER_SECOND", "0");
        builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
        if (databaseUrl != null) {
            builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", databaseUrl);
        }
        builder.environment().putAll(settings.environment());
        Launcher launcher = new Launcher(builder.start(), "http://127.0.0.1:" + port, settings);
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (!launcher.process.isAlive()) {
                throw new IllegalStateException("the launcher exited with " + launcher.process.exitValue() + "; see " + log);
            }
            try {
                if (launcher.get("/q/health/ready").statusCode() == 200) {
                    return launcher;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        launcher.close();
        throw new IllegalStateException("the launcher did not become ready; see " + log);
    }

    /** A launcher or database left over from an earlier run would be measured instead of this build: refuse. */
    private static void requireFree(int port) throws IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (java.net.BindException e) {
            throw new IllegalStateException("port " + port + " is in use; stop what listens there or pass --port / --db-port");
        }
    }

    long pid() {
        return process.pid();
    }

    /** Peak resident set size of the launcher process, in MiB (VmHWM). */
    double peakRssMib() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the launcher exited during the run with " + process.exitValue());
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /**
     * CPU seconds the JIT compiler threads of a process have used so far ("C1/C2 CompilerThre..." in
     * /proc), or NaN where /proc is not there: what the analytics benchmark prints beside each warm-up pass.
     */
    static double jitCpuSeconds(String pid) {
        Path tasks = Path.of("/proc", pid, "task");
        if (!Files.isDirectory(tasks)) {
            return Double.NaN;
        }
        long ticks = 0;
        try (var threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    // pid (comm) state ...: comm may hold spaces, the fields after it are space-separated
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.matches("C[12] CompilerThre.*")) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException threadEnded) {
                    // a thread that ended while listed (its stat file gone) has no time left to count
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return ticks / 100.0; // USER_HZ, 100 on Linux
    }

    double jitCpuSeconds() {
        return jitCpuSeconds(Long.toString(process.pid()));
    }

    String token(String role) throws Exception {
        return JSON.readTree(get("/local/token?role=" + role).body()).path("data").path("access_token").asText();
    }

    /** An authenticated GET; a non-2xx answer is an error. */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /**
     * A GET for timing: the JDK's blocking HttpURLConnection over a kept-alive connection. The
     * asynchronous HttpClient hands each exchange between its own threads, which on two shared cores
     * added about 0.3 ms to every answer when the two were timed side by side on the same report.
     */
    String timedGet(String path, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token);
        int status = connection.getResponseCode();
        try (InputStream in = status >= 300 ? connection.getErrorStream() : connection.getInputStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 300) {
                throw new IllegalStateException(path + " answered " + status + ": " + body);
            }
            return body;
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Stops it and deletes its data directory (the embedded database: some 6 GB after 10,000,000 events). */
    @Override
    public void close() {
        stop();
        try (java.util.stream.Stream<Path> files = Files.walk(settings.dataDir())) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + settings.dataDir() + ": " + e);
        }
    }

    /** Stops it, keeping its data for a restart. */
    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
