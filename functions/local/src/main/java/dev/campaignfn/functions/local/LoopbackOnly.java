package dev.campaignfn.functions.local;

import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.campaignfn.http.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * The launcher's convenience routes (tokens, demo data) answer only a caller on this machine, and
 * not through a proxy: anyone who can reach them could otherwise mint an admin token.
 */
final class LoopbackOnly {

    private LoopbackOnly() {
    }

    static void require(HttpServerRequest request) {
        boolean proxied = request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null;
        if (proxied || !isLoopback(request.remoteAddress() == null ? null : request.remoteAddress().host())) {
            throw new WebApplicationException(Problem.of(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                    "this route of the local launcher answers only requests from this machine", request.path()).toResponse());
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
