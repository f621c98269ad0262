package dev.campaignfn.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Segment's {@code /v1/batch} played on this machine for the tracking benchmark: accepts every batch and keeps each
 * call's {@code messageId}, so the run can show every stored event arrived, once.
 */
final class SegmentSink implements AutoCloseable {

    private final HttpServer server;
    private final Set<String> messageIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong copies = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    private SegmentSink(HttpServer server) {
        this.server = server;
    }

    static SegmentSink start() throws IOException {
        SegmentSink sink = new SegmentSink(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        sink.server.setExecutor(Executors.newFixedThreadPool(2));
        sink.server.createContext("/v1/batch", exchange -> {
            JsonNode body = Launcher.JSON.readTree(exchange.getRequestBody());
            for (JsonNode call : body.path("batch")) {
                sink.copies.incrementAndGet();
                sink.messageIds.add(call.path("messageId").asText());
            }
            sink.requests.incrementAndGet();
            byte[] answer = "{\"success\":true}".getBytes();
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        sink.server.start();
        return sink;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Waits until the stored events all arrived; the report's row (e). */
    String awaitAll(long stored, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (messageIds.size() < stored && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (messageIds.size() != stored) {
            throw new IllegalStateException("forwarded " + messageIds.size() + " of " + stored + " stored events");
        }
        return String.format("| (e) forwarded to a Segment sink (integrations job every 1 s, during the run) | %d of %d stored events, "
                + "each once (%d calls in %d requests), the last %.1f s after the measurements | every event once | |%n",
                messageIds.size(), stored, copies.get(), requests.get(), seconds);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
