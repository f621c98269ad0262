package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.content.ContentCommand;
import dev.campaignfn.content.ContentPlanService;
import dev.campaignfn.content.ContentView;
import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.Responses;
import dev.campaignfn.http.Versions;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The campaign's content plan (seed 000's ContentPlan). */
@Path("/v1/marketing/admin/campaigns/{id}/content")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Content plan")
public class ContentResource {

    @Inject
    ContentPlanService content;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listContent", summary = "The content plan, by publish date")
    @APIResponse(responseCode = "200", description = "Content items")
    public Envelope<List<ContentView>> list(@PathParam("id") String id) {
        return Envelope.of(content.list(Params.uuid(id, "id")));
    }

    @POST
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "createContent", summary = "Add a content item")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<Envelope<ContentView>> create(@PathParam("id") String id, ContentCommand command) {
        ContentView created = content.create(Params.uuid(id, "id"), command, Actors.of(identity));
        return Responses.created("/v1/marketing/admin/campaigns/" + id + "/content/" + created.id(), created,
                created.version());
    }

    @GET
    @Path("/{itemId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getContent", summary = "One content item")
    @APIResponse(responseCode = "200", description = "The item")
    public RestResponse<Envelope<ContentView>> get(@PathParam("id") String id, @PathParam("itemId") String itemId) {
        ContentView found = content.get(Params.uuid(id, "id"), Params.uuid(itemId, "item_id"));
        return Responses.versioned(found, found.version());
    }

    @PUT
    @Path("/{itemId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "updateContent", summary = "Replace a content item (including its status)")
    @APIResponse(responseCode = "200", description = "The updated item")
    public RestResponse<Envelope<ContentView>> update(@PathParam("id") String id, @PathParam("itemId") String itemId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ContentCommand command) {
        ContentView updated = content.update(Params.uuid(id, "id"), Params.uuid(itemId, "item_id"), command,
                Versions.ifMatch(ifMatch), Actors.of(identity));
        return Responses.versioned(updated, updated.version());
    }

    @DELETE
    @Path("/{itemId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "deleteContent", summary = "Remove a content item")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> delete(@PathParam("id") String id, @PathParam("itemId") String itemId) {
        content.delete(Params.uuid(id, "id"), Params.uuid(itemId, "item_id"), Actors.of(identity));
        return RestResponse.noContent();
    }
}
