package dev.campaignfn.http;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * API Gateway's own limits, answered as problems: a request target (path and query) over 8 KiB is a 414, request
 * headers over 10 KiB together a 431. Behind API Gateway the gateway refuses such requests first; on the launcher the
 * HTTP server's codec would refuse them with an empty body, so its limits are set above these (64 KiB, in the
 * launcher's application.properties) and this filter answers instead. Past the codec's limits the codec still
 * answers alone: Quarkus has no hook for those answers (quarkusio/quarkus#55082).
 */
public class RequestSizeFilter {

    static final int MAX_TARGET_BYTES = 8 * 1024;
    static final int MAX_HEADER_BYTES = 10 * 1024;

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        int target = length(uri.getRawPath()) + (uri.getRawQuery() == null ? 0 : uri.getRawQuery().length() + 1);
        String path = request.getUriInfo().getPath();
        if (target > MAX_TARGET_BYTES) {
            throw new WebApplicationException(Problem.of(Response.Status.REQUEST_URI_TOO_LONG, "uri-too-long", "URI too long",
                    "the path and query are " + target + " bytes; at most " + MAX_TARGET_BYTES + " are accepted", path)
                    .withDetails(Map.of("limit_bytes", MAX_TARGET_BYTES)).toResponse());
        }
        int headers = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                headers += header.getKey().length() + length(value) + 4; // name, ": ", value, CRLF
            }
        }
        if (headers > MAX_HEADER_BYTES) {
            throw new WebApplicationException(Problem.of(Response.Status.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                    "Request header fields too large", "the request headers are " + headers + " bytes together; at most "
                            + MAX_HEADER_BYTES + " are accepted", path)
                    .withDetails(Map.of("limit_bytes", MAX_HEADER_BYTES)).toResponse());
        }
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
