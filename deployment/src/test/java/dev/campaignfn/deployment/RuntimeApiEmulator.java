package dev.campaignfn.deployment;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small Lambda Runtime API (2018-06-01): the runtime client polls {@code /runtime/invocation/next}
 * for an event, then posts the answer to {@code .../{request id}/response} or an error to
 * {@code .../error}; an init failure goes to {@code /runtime/init/error}. One emulator serves one
 * function process.
 */
final class RuntimeApiEmulator implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What an invocation came to: the function's answer, or the error it reported. */
    record Outcome(String body, boolean error) {
    }

    private record Pending(String requestId, byte[] event) {
    }

    private final HttpServer server;
    private final BlockingQueue<Pending> events = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
    final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    final CompletableFuture<String> initError = new CompletableFuture<>();

    static {
        // answer at once: without it the JDK's server waits for delayed ACKs, ~40 ms per exchange
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    RuntimeApiEmulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** host:port, as AWS_LAMBDA_RUNTIME_API holds it. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event and waits for the function's answer. */
    Outcome invoke(Object event, Duration timeout) throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        outcomes.put(id, outcome);
        events.put(new Pending(id, JSON.writeValueAsBytes(event)));
        return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.endsWith("/invocation/next")) {
                firstPoll.complete(System.nanoTime());
                Pending next = events.take();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 900_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:eu-west-1:123456789012:function:contract-test");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                answer(exchange, 200, next.event());
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.endsWith("/init/error")) {
                initError.complete(body);
            } else {
                String[] parts = path.split("/");
                String requestId = parts[parts.length - 2];
                CompletableFuture<Outcome> outcome = outcomes.remove(requestId);
                if (outcome != null) {
                    outcome.complete(new Outcome(body, path.endsWith("/error")));
                }
            }
            answer(exchange, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
