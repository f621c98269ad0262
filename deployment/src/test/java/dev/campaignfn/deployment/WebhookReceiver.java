package dev.campaignfn.deployment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

/**
 * An alert webhook on this machine, and a platform events are forwarded to: keeps what each delivery sent (path, body,
 * timestamp and signature headers) and accepts it.
 */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String path, String body, String timestamp, String signature) {
    }

    private final HttpServer server;
    private final List<Delivery> received = new ArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Delivery delivery = new Delivery(exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Campaignfn-Timestamp"), exchange.getRequestHeaders().getFirst("X-Campaignfn-Signature"));
            synchronized (received) {
                received.add(delivery);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** The same for every run of the contract, so the webhook's URL is part of what two runs answer alike. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    /** The receiver's root, where a platform's API is played (the integrations post to {@code /v1/batch} there). */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What was delivered since the last call. */
    List<Delivery> drain() {
        synchronized (received) {
            List<Delivery> all = List.copyOf(received);
            received.clear();
            return all;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
