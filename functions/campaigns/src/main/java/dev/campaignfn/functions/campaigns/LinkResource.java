package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.Responses;
import dev.campaignfn.http.Versions;
import dev.campaignfn.link.LinkCommand;
import dev.campaignfn.link.LinkView;
import dev.campaignfn.link.TrackedLinks;
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

/** A campaign's tracked links: GET /v1/marketing/r/{slug} records a click and redirects to them. */
@Path("/v1/marketing/admin/campaigns/{id}/links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tracked links")
public class LinkResource {

    @Inject
    TrackedLinks links;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listLinks", summary = "The campaign's tracked links")
    @APIResponse(responseCode = "200", description = "Links, with the URL each redirects to")
    public Envelope<List<LinkView>> list(@PathParam("id") String id) {
        return Envelope.of(links.list(Params.uuid(id, "id")));
    }

    @POST
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "createLink", summary = "Register a tracked link (slug, destination, channel, UTM parameters)")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<Envelope<LinkView>> create(@PathParam("id") String id, LinkCommand command) {
        LinkView created = links.create(Params.uuid(id, "id"), command, Actors.of(identity));
        return Responses.created("/v1/marketing/admin/campaigns/" + id + "/links/" + created.id(), created, created.version());
    }

    @GET
    @Path("/{linkId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getLink", summary = "One tracked link")
    @APIResponse(responseCode = "200", description = "The link")
    public RestResponse<Envelope<LinkView>> get(@PathParam("id") String id, @PathParam("linkId") String linkId) {
        LinkView found = links.get(Params.uuid(id, "id"), Params.uuid(linkId, "link_id"));
        return Responses.versioned(found, found.version());
    }

    @PUT
    @Path("/{linkId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "updateLink", summary = "Replace a tracked link (disabled links answer 404)")
    @APIResponse(responseCode = "200", description = "The updated link")
    public RestResponse<Envelope<LinkView>> update(@PathParam("id") String id, @PathParam("linkId") String linkId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, LinkCommand command) {
        LinkView updated = links.update(Params.uuid(id, "id"), Params.uuid(linkId, "link_id"), command,
                Versions.ifMatch(ifMatch), Actors.of(identity));
        return Responses.versioned(updated, updated.version());
    }

    @DELETE
    @Path("/{linkId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "deleteLink", summary = "Remove a tracked link")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> delete(@PathParam("id") String id, @PathParam("linkId") String linkId) {
        links.delete(Params.uuid(id, "id"), Params.uuid(linkId, "link_id"), Actors.of(identity));
        return RestResponse.noContent();
    }
}
