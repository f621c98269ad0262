package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.audit.AuditEntry;
import dev.campaignfn.audit.AuditLog;
import dev.campaignfn.campaign.CampaignStatus;
import dev.campaignfn.campaign.CampaignType;
import dev.campaignfn.campaign.Channels;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.Responses;
import dev.campaignfn.http.Versions;
import dev.campaignfn.lifecycle.CampaignCommand;
import dev.campaignfn.lifecycle.CampaignLifecycle;
import dev.campaignfn.lifecycle.CampaignQuery;
import dev.campaignfn.lifecycle.CampaignService;
import dev.campaignfn.lifecycle.CampaignSort;
import dev.campaignfn.lifecycle.CampaignView;
import dev.campaignfn.lifecycle.TransitionView;
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

/** Campaign CRUD and lifecycle (seed 004's campaign routes, seed 000's CampaignLifecycle). */
@Path("/v1/marketing/admin/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns")
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignLifecycle lifecycle;

    @Inject
    AuditLog audit;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listCampaigns", summary = "List campaigns",
            description = "Filters combine; start_date/end_date select campaigns whose run overlaps that range.")
    @APIResponse(responseCode = "200", description = "One page of campaigns")
    public Envelope.Paged<CampaignView> list(
            @Parameter(description = "Comma-separated statuses") @QueryParam("status") List<String> status,
            @Parameter(description = "Comma-separated types") @QueryParam("type") List<String> type,
            @QueryParam("channel") String channel,
            @Parameter(description = "Runs at or after this date-time") @QueryParam("start_date") String startDate,
            @Parameter(description = "Runs before this date-time") @QueryParam("end_date") String endDate,
            @Parameter(description = "Text searched in name and description") @QueryParam("q") String text,
            @QueryParam("page") String page,
            @QueryParam("page_size") String pageSize,
            @Parameter(description = "name, start_date, end_date, created_at, updated_at, budget, status or type") @QueryParam("sort") String sort,
            @Parameter(description = "asc or desc") @QueryParam("order") String order) {
        if (channel != null && !channel.matches(Channels.ID_PATTERN)) {
            throw ValidationException.of("channel", Channels.ID_RULE);
        }
        var from = Params.instant(startDate, "start_date");
        var to = Params.instant(endDate, "end_date");
        if (from != null && to != null && !to.isAfter(from)) {
            throw ValidationException.of("end_date", "must be after start_date");
        }
        boolean descending = switch (order == null ? "desc" : order) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw ValidationException.of("order", "must be asc or desc");
        };
        CampaignQuery query = new CampaignQuery(Params.listOf(CampaignStatus.class, status, "status"),
                Params.listOf(CampaignType.class, type, "type"), channel, from, to, Params.text(text, "q", 200),
                Params.integer(page, "page", 1, 1, 1_000_000),
                Params.integer(pageSize, "page_size", CampaignQuery.DEFAULT_PAGE_SIZE, 1, CampaignQuery.MAX_PAGE_SIZE),
                Params.oneOf(CampaignSort.class, sort, "sort", CampaignSort.CREATED_AT), descending);
        return Envelope.Paged.of(campaigns.list(query));
    }

    @POST
    @PermissionsAllowed(Permissions.CAMPAIGNS_CREATE)
    @Operation(operationId = "createCampaign", summary = "Create a campaign (as a draft)")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    public RestResponse<Envelope<CampaignView>> create(CampaignCommand command) {
        CampaignView created = campaigns.create(command, Actors.of(identity));
        return Responses.created("/v1/marketing/admin/campaigns/" + created.id(), created, created.version());
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getCampaign", summary = "Get a campaign")
    @APIResponse(responseCode = "200", description = "The campaign; its ETag is its version")
    public RestResponse<Envelope<CampaignView>> get(@PathParam("id") String id) {
        return withVersion(campaigns.get(Params.uuid(id, "id")));
    }

    @PUT
    @Path("/{id}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "updateCampaign", summary = "Replace a campaign's fields",
            description = "Full update. channels and kpis replace the lists when present and are left alone when absent. "
                    + "With If-Match, applies only to that version (412 otherwise).")
    @APIResponse(responseCode = "200", description = "The updated campaign")
    public RestResponse<Envelope<CampaignView>> update(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CampaignCommand command) {
        return withVersion(campaigns.update(Params.uuid(id, "id"), command, Versions.ifMatch(ifMatch), Actors.of(identity)));
    }

    @DELETE
    @Path("/{id}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "deleteCampaign", summary = "Delete a draft campaign",
            description = "Only drafts without recorded spend can be deleted; cancel any other campaign instead (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("id") String id) {
        campaigns.delete(Params.uuid(id, "id"), Actors.of(identity));
        return RestResponse.noContent();
    }

    @POST
    @Path("/{id}/launch")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "launchCampaign", summary = "Launch a draft or scheduled campaign",
            description = "A start date still ahead makes it scheduled (the lifecycle job activates it); otherwise it becomes active.")
    @APIResponse(responseCode = "200", description = "The campaign, now scheduled or active")
    public RestResponse<Envelope<CampaignView>> launch(@PathParam("id") String id) {
        return withVersion(lifecycle.launch(Params.uuid(id, "id"), Actors.of(identity)));
    }

    @POST
    @Path("/{id}/pause")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "pauseCampaign", summary = "Pause an active campaign, with an optional reason")
    @APIResponse(responseCode = "200", description = "The paused campaign")
    public RestResponse<Envelope<CampaignView>> pause(@PathParam("id") String id, ReasonBody body) {
        return withVersion(lifecycle.pause(Params.uuid(id, "id"), ReasonBody.of(body), Actors.of(identity)));
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "resumeCampaign", summary = "Resume a paused campaign")
    @APIResponse(responseCode = "200", description = "The active campaign")
    public RestResponse<Envelope<CampaignView>> resume(@PathParam("id") String id) {
        return withVersion(lifecycle.resume(Params.uuid(id, "id"), Actors.of(identity)));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "completeCampaign", summary = "Complete an active or paused campaign and store its final report")
    @APIResponse(responseCode = "200", description = "The completed campaign")
    public RestResponse<Envelope<CampaignView>> complete(@PathParam("id") String id) {
        return withVersion(lifecycle.complete(Params.uuid(id, "id"), Actors.of(identity)));
    }

    @POST
    @Path("/{id}/cancel")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "cancelCampaign", summary = "Cancel a campaign that has not ended, with a reason")
    @APIResponse(responseCode = "200", description = "The cancelled campaign")
    public RestResponse<Envelope<CampaignView>> cancel(@PathParam("id") String id, ReasonBody body) {
        return withVersion(lifecycle.cancel(Params.uuid(id, "id"), ReasonBody.of(body), Actors.of(identity)));
    }

    @GET
    @Path("/{id}/history")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getCampaignHistory", summary = "Every lifecycle transition of a campaign: who, when, from, to, why")
    @APIResponse(responseCode = "200", description = "The transitions, oldest first")
    public Envelope<List<TransitionView>> history(@PathParam("id") String id) {
        return Envelope.of(lifecycle.history(Params.uuid(id, "id")));
    }

    @GET
    @Path("/{id}/final-report")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getCampaignFinalReport", summary = "The report stored when the campaign completed")
    @APIResponse(responseCode = "200", description = "The final report, or null while the campaign has not completed")
    public Envelope<Object> finalReport(@PathParam("id") String id) {
        return Envelope.of(campaigns.finalReport(Params.uuid(id, "id")));
    }

    @GET
    @Path("/{id}/audit")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getCampaignAuditLog", summary = "The latest changes made to a campaign, newest first")
    @APIResponse(responseCode = "200", description = "Audit entries")
    public Envelope<List<AuditEntryView>> auditLog(@PathParam("id") String id, @QueryParam("limit") String limit) {
        var campaignId = Params.uuid(id, "id");
        campaigns.get(campaignId);
        return Envelope.of(audit.ofCampaign(campaignId, Params.integer(limit, "limit", 100, 1, 1000)).stream()
                .map(AuditEntryView::of).toList());
    }

    private static RestResponse<Envelope<CampaignView>> withVersion(CampaignView view) {
        return Responses.versioned(view, view.version());
    }

    /** One audit row as the API answers it. */
    public record AuditEntryView(long id, java.time.Instant occurredAt, String actor, String action, String entityType,
            String entityId, java.util.Map<String, Object> details) {
        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id, e.occurredAt, e.actor, e.action, e.entityType, e.entityId, e.details);
        }
    }
}
