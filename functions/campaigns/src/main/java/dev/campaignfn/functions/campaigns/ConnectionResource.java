package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.adplatform.AdPlatformSync;
import dev.campaignfn.adplatform.ChannelConnections;
import dev.campaignfn.adplatform.ChannelPush;
import dev.campaignfn.adplatform.ConnectionCommand;
import dev.campaignfn.adplatform.ConnectionView;
import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A channel's connection to the platform campaign it runs as (Meta, Google Ads) or to the user's e-mail service: the
 * platform follows the channel's status and budget. Credentials are operator settings; reading is for campaign readers.
 */
@Path("/v1/marketing/admin/campaigns/{id}/channels/{channel}/connection")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Channels")
public class ConnectionResource {

    static final int MAX_PUSHES = 500;

    @Inject
    ChannelConnections connections;

    @Inject
    AdPlatformSync sync;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getChannelConnection", summary = "The channel's platform connection: state, what was last pushed, the last spend pull (never its secrets)")
    @APIResponse(responseCode = "200", description = "The connection")
    public Envelope<ConnectionView> get(@PathParam("id") String id, @PathParam("channel") String channel) {
        return Envelope.of(connections.get(Params.uuid(id, "id"), ChannelResource.channelId(channel)));
    }

    @PUT
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "putChannelConnection", summary = "Connect the channel to its Meta or Google Ads campaign or e-mail webhook (secrets sealed; left out, they stay)")
    @APIResponse(responseCode = "200", description = "The connection, unchecked until checked")
    public Envelope<ConnectionView> put(@PathParam("id") String id, @PathParam("channel") String channel, ConnectionCommand command) {
        return Envelope.of(connections.put(Params.uuid(id, "id"), ChannelResource.channelId(channel), command, Actors.of(identity)));
    }

    @DELETE
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "deleteChannelConnection", summary = "Disconnect the channel (its outbox goes with it; the platform campaign is left as it is)")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> delete(@PathParam("id") String id, @PathParam("channel") String channel) {
        connections.delete(Params.uuid(id, "id"), ChannelResource.channelId(channel), Actors.of(identity));
        return RestResponse.noContent();
    }

    @POST
    @Path("/check")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "checkChannelConnection", summary = "Ask the platform whether the credentials reach the account and its campaign; a failing connection blocks launch")
    @APIResponse(responseCode = "200", description = "The connection with the check's outcome (state, state_reason, the account's currency and time zone)")
    public Envelope<ConnectionView> check(@PathParam("id") String id, @PathParam("channel") String channel) {
        return Envelope.of(connections.check(Params.uuid(id, "id"), ChannelResource.channelId(channel)));
    }

    @GET
    @Path("/pushes")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listChannelPushes", summary = "The changes pushed to the platform, newest first (pending, sent, failed, dead, superseded)")
    @APIResponse(responseCode = "200", description = "Pushes")
    public Envelope<List<ChannelPush.View>> pushes(@PathParam("id") String id, @PathParam("channel") String channel,
            @QueryParam("limit") String limit) {
        return Envelope.of(connections.pushes(Params.uuid(id, "id"), ChannelResource.channelId(channel),
                Params.integer(limit, "limit", 100, 1, MAX_PUSHES)));
    }

    @POST
    @Path("/spend-pull")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "pullChannelSpend", summary = "Read the channel's daily spend from its platform now into the ledger (as the ads job does hourly)")
    @APIResponse(responseCode = "200", description = "The days read and what became of them (imported, unchanged, corrected) or the error")
    public Envelope<AdPlatformSync.SpendPull> pull(@PathParam("id") String id, @PathParam("channel") String channel) {
        return Envelope.of(sync.pull(Params.uuid(id, "id"), ChannelResource.channelId(channel)));
    }
}
