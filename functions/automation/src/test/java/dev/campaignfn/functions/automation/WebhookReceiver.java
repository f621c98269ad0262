package dev.campaignfn.functions.automation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook endpoint for the tests: records every request (path, body, status answered, signature
 * headers) and answers 200, or 500 to the first {@code failures} requests under /json.
 */
final class WebhookReceiver implements AutoCloseable {

    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    WebhookReceiver(int failures) throws IOException {
        AtomicInteger failuresLeft = new AtomicInteger(failures);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = exchange.getRequestURI().getPath().startsWith("/json") && failuresLeft.getAndDecrement() > 0;
            received.add(Map.of("path", exchange.getRequestURI().getPath(), "body", body, "status", fail ? "500" : "200",
                    "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("X-Campaignfn-Timestamp")),
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Campaignfn-Signature"))));
            exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
