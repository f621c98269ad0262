package dev.campaignfn.functions.tracking;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.link.TrackedLinks;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventType;
import dev.campaignfn.tracking.Rejection;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /r/{slug}}: records the click of a tracked link and redirects to its registered
 * destination with the link's UTM parameters. The visitor is always sent on, even when the click is
 * not recorded (campaign over, rate limit); an unknown slug is a 404 and never a redirect.
 */
@Path("/v1/marketing/r/{slug}")
@PermitAll
@Tag(name = "Tracking")
public class RedirectResource {

    @Inject
    TrackedLinks links;

    @Inject
    TrackingService tracking;

    @Inject
    RateLimiter limiter;

    @GET
    @Blocking
    @Operation(operationId = "followTrackedLink", summary = "Record a click and redirect to the link's destination")
    @APIResponse(responseCode = "302", description = "To the registered destination, with the link's UTM parameters")
    @APIResponse(responseCode = "404", description = "No such (enabled) link")
    public CompletionStage<Response> follow(@PathParam("slug") String slug, @Context HttpServerRequest request) {
        if (slug == null || !slug.matches("[A-Za-z0-9_-]{3,64}")) {
            throw new NotFoundException("link", slug);
        }
        TrackedLinks.Target target = links.resolve(slug).orElseThrow(() -> new NotFoundException("link", slug));
        String address = ClientAddress.of(request);
        CompletionStage<String> outcome = CompletableFuture.completedFuture("rejected:" + Rejection.RATE_LIMITED);
        if (limiter.secondsUntilAllowed(address) == 0) {
            TrackEvent click = new TrackEvent(null, target.campaignId(), EventType.CLICK, null, null, null, target.channel(), null,
                    null, null, null, null, null, null, null, null, null, null, target.utm().source(), target.utm().medium(),
                    target.utm().campaign(), target.utm().term(), target.utm().content(), target.utm().id());
            outcome = tracking.ingest(click, new ClientContext(address, request.getHeader(HttpHeaders.USER_AGENT),
                    request.getHeader("Referer"), true, target.linkId())).thenApply(PixelResource::describe);
        }
        // the visitor is sent on whatever happened to the click, even a failed write
        return outcome.exceptionally(failure -> "error").thenApply(result -> Response.status(Response.Status.FOUND)
                .location(URI.create(target.location())).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(PixelResource.OUTCOME_HEADER, result).build());
    }
}
