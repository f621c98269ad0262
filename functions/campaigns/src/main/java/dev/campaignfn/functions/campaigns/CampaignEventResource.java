package dev.campaignfn.functions.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.campaignfn.analytics.AnalyticsConfig;
import dev.campaignfn.analytics.EventStream;
import dev.campaignfn.common.Rfc3339;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.security.Permissions;
import dev.campaignfn.tracking.EventType;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Seed 000's getEvents: one campaign's tracked events, newest first, filtered and paged by cursor. */
@Path("/v1/marketing/admin/campaigns/{id}/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class CampaignEventResource {

    @Inject
    EventStream events;

    @Inject
    AnalyticsConfig config;

    @GET
    @PermissionsAllowed(Permissions.ANALYTICS_READ)
    @Operation(operationId = "listCampaignEvents", summary = "The campaign's events, newest first, a page at a time",
            description = "Each event with the stream's fields. The next page starts after next_cursor; has_more says whether there is one.")
    @Parameter(name = "event_type", description = "Only these event types (a comma list: impression, view, click, conversion)")
    @Parameter(name = "channel", description = "Only this channel's events")
    @Parameter(name = "start_date", description = "Events at or after this RFC 3339 date-time, or from this day (UTC)")
    @Parameter(name = "end_date", description = "Events at or before this RFC 3339 date-time, or up to the end of this day (UTC)")
    @Parameter(name = "include_bots", description = "Bots' events too (default false)")
    @Parameter(name = "limit", description = "Events per page (default 50)")
    @Parameter(name = "cursor", description = "The next_cursor of the previous page")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public Envelope<EventStream.EventPage> list(@PathParam("id") String id, @QueryParam("event_type") List<String> eventTypes,
            @QueryParam("channel") String channel, @QueryParam("start_date") String startDate, @QueryParam("end_date") String endDate,
            @QueryParam("include_bots") String includeBots, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        EventStream.EventFilter filter = new EventStream.EventFilter(Params.listOf(EventType.class, eventTypes, "event_type"),
                Params.text(channel, "channel", 50), Params.instant(startDate, "start_date"), endExclusive(endDate),
                Params.bool(includeBots, "include_bots", false));
        return Envelope.of(events.list(Params.uuid(id, "id"), filter,
                Params.integer(limit, "limit", EventStream.DEFAULT_LIMIT, 1, config.maxStreamPage()), cursor));
    }

    /** The end as the first instant after the range: a date-time is included, a plain date is included whole. */
    private static Instant endExclusive(String endDate) {
        Instant end = Params.instant(endDate, "end_date");
        if (end == null) {
            return null;
        }
        LocalDate day = Rfc3339.date(endDate.strip());
        return day != null ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() : end.plusNanos(1000);
    }
}
