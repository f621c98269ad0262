package dev.campaignfn.functions.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.common.ApiJson;
import dev.campaignfn.common.FieldError;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.http.BodyLimit;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Problem;
import dev.campaignfn.tracking.ClientContext;
import dev.campaignfn.tracking.EventOutcome;
import dev.campaignfn.tracking.Rejection;
import dev.campaignfn.tracking.TrackEvent;
import dev.campaignfn.tracking.TrackingConfig;
import dev.campaignfn.tracking.TrackingService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Public event ingestion (seed 004's POST /track-event, and a batch route). Anyone may call it, so it
 * trusts nothing: every event is checked on its own and answered with its outcome. The answer is sent
 * once the events are committed, without a request thread waiting for that (see EventWriter).
 */
@Path("/v1/marketing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Tracking")
public class TrackingResource {

    /** One event is small; a limit keeps a public route from reading megabytes. */
    static final long EVENT_BODY_LIMIT = 32 * 1024;
    static final long BATCH_BODY_LIMIT = 2 * 1024 * 1024;

    private final BatchReader batches;

    @Inject
    TrackingService tracking;

    @Inject
    TrackingConfig config;

    @Inject
    public TrackingResource(ObjectMapper base) {
        this.batches = new BatchReader(ApiJson.from(base));
    }

    @POST
    @NonBlocking
    @Path("/track-event")
    @BodyLimit(EVENT_BODY_LIMIT)
    @Operation(operationId = "trackEvent", summary = "Record one event (idempotent by event_id)")
    @APIResponse(responseCode = "200", description = "accepted, or duplicate when the event_id (or the conversion's order_id) was already counted")
    @APIResponse(responseCode = "400", description = "rejected: the problem's code is the reason, errors names the field")
    @APIResponse(responseCode = "404", description = "the campaign does not exist")
    public CompletionStage<RestResponse<Envelope<TrackedEvent>>> trackEvent(TrackEvent event, @Context HttpServerRequest request) {
        if (event == null) {
            throw ValidationException.of("body", "a JSON event is required");
        }
        String path = request.path();
        return tracking.ingest(event, new ClientContext(ClientAddress.of(request), null, null, false, null)).thenApply(outcome -> {
            if (outcome.status() == EventOutcome.Status.REJECTED) {
                Response.Status status = Rejection.UNKNOWN_CAMPAIGN.equals(outcome.reason()) ? Response.Status.NOT_FOUND
                        : Response.Status.BAD_REQUEST;
                Problem problem = Problem.of(status, "event-rejected", "Event rejected", outcome.message(), path)
                        .withCode(outcome.reason())
                        .withErrors(List.of(new FieldError(outcome.field(), outcome.message())));
                throw new WebApplicationException(problem.toResponse());
            }
            return RestResponse.ok(Envelope.of(TrackedEvent.of(outcome)));
        });
    }

    /**
     * One event's answer, as seed 004's {@code track_campaign_event} gives it ({@code success},
     * {@code event_id}, {@code message}), with whether it was stored now or already ({@code status}) and,
     * for a duplicate, why ({@code reason}).
     */
    public record TrackedEvent(boolean success, UUID eventId, EventOutcome.Status status, String reason, String message) {

        /** The seed's message for a stored event. */
        static final String TRACKED = "Event tracked successfully";

        static TrackedEvent of(EventOutcome outcome) {
            return new TrackedEvent(true, outcome.eventId(), outcome.status(), outcome.reason(),
                    outcome.status() == EventOutcome.Status.ACCEPTED ? TRACKED : outcome.message());
        }
    }

    /** The documented shape of a batch: at most campaignfn.tracking.max-batch-size events, each answered on its own. */
    @Schema(name = "TrackBatch")
    public record TrackBatch(@Schema(required = true, maxItems = 500) java.util.List<TrackEvent> events) {
    }

    @POST
    @Blocking
    @Path("/track-events")
    @BodyLimit(BATCH_BODY_LIMIT)
    @Operation(operationId = "trackEvents", summary = "Record a batch of events in one request",
            description = "Stored with one multi-row insert. Each event is answered on its own: accepted, duplicate, or rejected with its reason.")
    @APIResponse(responseCode = "200", description = "The outcome of every event, in the order sent")
    // the body is read as a stream (BatchReader), so the document names its shape itself
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = TrackBatch.class)))
    public CompletionStage<Envelope<BatchResult>> trackEvents(InputStream body, @Context HttpServerRequest request)
            throws IOException {
        if (body == null) {
            throw ValidationException.of("events", "the body must be {\"events\": [...]}");
        }
        List<TrackingService.Candidate> candidates = batches.read(body, config.maxBatchSize());
        return tracking.ingest(candidates, ClientContext.of(ClientAddress.of(request)))
                .thenApply(outcomes -> Envelope.of(BatchResult.of(outcomes)));
    }

    /** A batch's answer: counts, and one outcome per event in the order sent. */
    public record BatchResult(int accepted, int duplicates, int rejected, List<EventOutcome> results) {
        static BatchResult of(List<EventOutcome> outcomes) {
            Map<EventOutcome.Status, Long> counts = new EnumMap<>(EventOutcome.Status.class);
            outcomes.forEach(o -> counts.merge(o.status(), 1L, Long::sum));
            return new BatchResult(counts.getOrDefault(EventOutcome.Status.ACCEPTED, 0L).intValue(),
                    counts.getOrDefault(EventOutcome.Status.DUPLICATE, 0L).intValue(),
                    counts.getOrDefault(EventOutcome.Status.REJECTED, 0L).intValue(), outcomes);
        }
    }
}
