package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.campaignfn.campaign.Channels;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.lifecycle.CampaignChannels;
import dev.campaignfn.lifecycle.ChannelCommand;
import dev.campaignfn.lifecycle.ChannelView;
import dev.campaignfn.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A campaign's channels (seed 000's ChannelCampaign): platform, configuration and status. */
@Path("/v1/marketing/admin/campaigns/{id}/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Channels")
public class ChannelResource {

    @Inject
    CampaignChannels channels;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listChannels", summary = "The campaign's channels, in campaign order")
    @APIResponse(responseCode = "200", description = "Channels")
    public Envelope<List<ChannelView>> list(@PathParam("id") String id) {
        return Envelope.of(channels.list(Params.uuid(id, "id")));
    }

    @GET
    @Path("/{channel}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getChannel", summary = "One channel of the campaign")
    @APIResponse(responseCode = "200", description = "The channel")
    public Envelope<ChannelView> get(@PathParam("id") String id, @PathParam("channel") String channel) {
        return Envelope.of(channels.get(Params.uuid(id, "id"), channelId(channel)));
    }

    @PUT
    @Path("/{channel}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "updateChannel", summary = "Set a channel's platform and configuration; pause or resume it while the campaign is active")
    @APIResponse(responseCode = "200", description = "The updated channel")
    public Envelope<ChannelView> update(@PathParam("id") String id, @PathParam("channel") String channel,
            ChannelCommand command) {
        return Envelope.of(channels.update(Params.uuid(id, "id"), channelId(channel), command, Actors.of(identity)));
    }

    static String channelId(String channel) {
        if (channel == null || !channel.matches(Channels.ID_PATTERN)) {
            throw ValidationException.of("channel", Channels.ID_RULE);
        }
        return channel;
    }
}
