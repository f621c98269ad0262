package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.Responses;
import dev.campaignfn.http.Versions;
import dev.campaignfn.report.DeliveryView;
import dev.campaignfn.report.ReportSchedules;
import dev.campaignfn.report.ScheduleCommand;
import dev.campaignfn.report.ScheduleView;
import dev.campaignfn.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Scheduled reports: a campaign's or the dashboard's report, daily, weekly or monthly, to the webhooks with its file. */
@Path("/v1/marketing/admin/report-schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Automation")
public class ReportScheduleResource {

    @Inject
    ReportSchedules schedules;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listReportSchedules", summary = "Report schedules")
    @APIResponse(responseCode = "200", description = "Schedules, oldest first")
    public Envelope<List<ScheduleView>> list() {
        return Envelope.of(schedules.list());
    }

    @POST
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "createReportSchedule", summary = "Schedule a report",
            description = "The last complete day, ISO week or month in the schedule's time zone is delivered once: an export file and a message to the webhooks (JSON or Slack).")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<Envelope<ScheduleView>> create(ScheduleCommand command) {
        ScheduleView created = schedules.create(command, Actors.of(identity));
        return Responses.created("/v1/marketing/admin/report-schedules/" + created.id(), created, created.version());
    }

    @GET
    @Path("/{scheduleId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getReportSchedule", summary = "One report schedule")
    @APIResponse(responseCode = "200", description = "The schedule")
    public RestResponse<Envelope<ScheduleView>> get(@PathParam("scheduleId") String scheduleId) {
        ScheduleView found = schedules.get(Params.uuid(scheduleId, "schedule_id"));
        return Responses.versioned(found, found.version());
    }

    @PUT
    @Path("/{scheduleId}")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "updateReportSchedule", summary = "Replace a report schedule")
    @APIResponse(responseCode = "200", description = "The schedule")
    public RestResponse<Envelope<ScheduleView>> update(@PathParam("scheduleId") String scheduleId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ScheduleCommand command) {
        ScheduleView updated = schedules.update(Params.uuid(scheduleId, "schedule_id"), command, Versions.ifMatch(ifMatch),
                Actors.of(identity));
        return Responses.versioned(updated, updated.version());
    }

    @DELETE
    @Path("/{scheduleId}")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "deleteReportSchedule", summary = "Remove a report schedule (its delivery history goes with it)")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> delete(@PathParam("scheduleId") String scheduleId) {
        schedules.delete(Params.uuid(scheduleId, "schedule_id"), Actors.of(identity));
        return RestResponse.noContent();
    }

    @GET
    @Path("/{scheduleId}/deliveries")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listReportDeliveries", summary = "A schedule's deliveries, newest period first")
    @Parameter(name = "limit", description = "At most this many (default 50, at most 1000)")
    @APIResponse(responseCode = "200", description = "Deliveries")
    public Envelope<List<DeliveryView>> deliveries(@PathParam("scheduleId") String scheduleId, @QueryParam("limit") String limit) {
        return Envelope.of(schedules.deliveries(Params.uuid(scheduleId, "schedule_id"), Params.integer(limit, "limit", 50, 1, 1000)));
    }
}
