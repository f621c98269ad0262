package dev.campaignfn.functions.tracking;

import io.vertx.core.http.HttpServerRequest;

/**
 * The address a request came from. Behind API Gateway it is the last X-Forwarded-For entry: API
 * Gateway appends the address it saw, while anything before it is what the client claimed. Without
 * the header (the launcher, direct connections) it is the connection's peer.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return request.remoteAddress() == null ? null : request.remoteAddress().host();
    }
}
