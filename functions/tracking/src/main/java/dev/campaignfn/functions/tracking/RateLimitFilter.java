package dev.campaignfn.functions.tracking;

import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.campaignfn.http.Problem;
import dev.campaignfn.tracking.Rejection;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * 429 with Retry-After for a client over its rate on the JSON ingestion routes. The pixel and the
 * redirect apply the limit themselves: they must still answer the image or the redirect.
 */
public class RateLimitFilter {

    @Inject
    RateLimiter limiter;

    @ServerRequestFilter
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        String path = request.path();
        if (!path.endsWith("/track-event") && !path.endsWith("/track-events")) {
            return null;
        }
        long wait = limiter.secondsUntilAllowed(ClientAddress.of(request));
        if (wait == 0) {
            return null;
        }
        Problem problem = Problem.of(Response.Status.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "this client sends more than its rate allows; retry after " + wait + " s", path)
                .withCode(Rejection.RATE_LIMITED).withDetails(Map.of("retry_after_seconds", wait));
        return Response.fromResponse(problem.toResponse()).header(HttpHeaders.RETRY_AFTER, wait).build();
    }
}
