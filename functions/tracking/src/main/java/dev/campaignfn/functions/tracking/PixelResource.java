package dev.campaignfn.functions.tracking;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.EventType;
import dev.campaignfn.tracking.Rejection;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingService;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /t.gif}: the 1x1 pixel of e-mails and display ads. It always answers the image, never
 * cached, so a broken or forged hit never shows a broken image; the event is recorded only when valid.
 * The {@code X-Tracking-Outcome} header says what happened, for whoever is debugging a tag.
 */
@Path("/v1/marketing/t.gif")
@PermitAll
@Tag(name = "Tracking")
public class PixelResource {

    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
    static final String OUTCOME_HEADER = "X-Tracking-Outcome";

    @Inject
    TrackingService tracking;

    @Inject
    RateLimiter limiter;

    @GET
    @NonBlocking
    @Produces("image/gif")
    @Operation(operationId = "trackPixel", summary = "1x1 GIF that records an impression or view",
            description = "Whatever it is sent, it answers the image: a hit that cannot be recorded says why in X-Tracking-Outcome.")
    @APIResponse(responseCode = "200", description = "Always the image; X-Tracking-Outcome tells whether the hit was recorded")
    @Parameters({
            @Parameter(name = "campaign_id", in = ParameterIn.QUERY, description = "the campaign (required for the hit to be recorded)", schema = @Schema(type = SchemaType.STRING, format = "uuid")),
            @Parameter(name = "event_type", in = ParameterIn.QUERY, description = "impression (the default) or view", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "event_id", in = ParameterIn.QUERY, description = "the client's id of the hit, for de-duplication", schema = @Schema(type = SchemaType.STRING, format = "uuid")),
            @Parameter(name = "channel", in = ParameterIn.QUERY, description = "the channel id", schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "audience_segment", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "session_id", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "user_id", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "utm_source", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "utm_medium", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "utm_campaign", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "utm_term", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "utm_content", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "utm_id", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING)),
            @Parameter(name = "forwarding_consent", in = ParameterIn.QUERY, description = "false: store and count the hit, never forward it to the analytics integrations", schema = @Schema(type = SchemaType.BOOLEAN)) })
    public CompletionStage<Response> pixel(@Context UriInfo uri, @Context HttpServerRequest request) {
        String address = ClientAddress.of(request);
        CompletionStage<String> outcome = limiter.secondsUntilAllowed(address) > 0
                ? CompletableFuture.completedFuture("rejected:" + Rejection.RATE_LIMITED)
                : record(uri.getQueryParameters(), request, address);
        // whatever happened to the hit (even a failed write), the page gets its image
        return outcome.exceptionally(failure -> "error").thenApply(result -> Response.ok(GIF, "image/gif")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, must-revalidate, private, max-age=0")
                .header("Pragma", "no-cache").header(HttpHeaders.EXPIRES, "0").header(OUTCOME_HEADER, result).build());
    }

    private CompletionStage<String> record(jakarta.ws.rs.core.MultivaluedMap<String, String> query, HttpServerRequest request,
            String address) {
        UUID campaign = uuid(query.getFirst("campaign_id"));
        String type = query.getFirst("event_type");
        EventType eventType = type == null ? EventType.IMPRESSION : type.equals("view") ? EventType.VIEW
                : type.equals("impression") ? EventType.IMPRESSION : null;
        String eventId = query.getFirst("event_id");
        if (campaign == null || eventType == null || (eventId != null && uuid(eventId) == null)) {
            return CompletableFuture.completedFuture("rejected:" + Rejection.INVALID_FIELD);
        }
        TrackEvent event = new TrackEvent(uuid(eventId), campaign, eventType, null, null, query.getFirst("audience_segment"),
                query.getFirst("channel"), null, null, null, null, null, query.getFirst("session_id"), query.getFirst("user_id"),
                null, null, null, null, query.getFirst("utm_source"), query.getFirst("utm_medium"), query.getFirst("utm_campaign"),
                query.getFirst("utm_term"), query.getFirst("utm_content"), query.getFirst("utm_id"),
                "false".equals(query.getFirst("forwarding_consent")) ? Boolean.FALSE : null);
        return tracking.ingest(event, new ClientContext(address, request.getHeader(HttpHeaders.USER_AGENT),
                request.getHeader("Referer"), true, null)).thenApply(PixelResource::describe);
    }

    /** The X-Tracking-Outcome value: accepted, or status:reason. */
    static String describe(EventOutcome outcome) {
        return outcome.status() == EventOutcome.Status.ACCEPTED ? "accepted" : outcome.status().wire() + ":" + outcome.reason();
    }

    static UUID uuid(String value) {
        try {
            return value == null || value.length() != 36 ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
