package dev.campaignfn.functions.campaigns;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.common.ValidationException;
import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.Responses;
import dev.campaignfn.integration.IntegrationCommand;
import dev.campaignfn.integration.IntegrationService;
import dev.campaignfn.integration.IntegrationView;
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

/** The analytics destinations events are forwarded to (GA4, Mixpanel, Amplitude, Segment) and their outbox. */
@Path("/v1/marketing/admin/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations")
public class IntegrationResource {

    static final int MAX_BATCHES = 500;

    @Inject
    IntegrationService integrations;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "listIntegrations", summary = "Destinations with their delivery figures (secrets are never answered)")
    @APIResponse(responseCode = "200", description = "Integrations")
    public Envelope<List<IntegrationView>> list() {
        return Envelope.of(integrations.list());
    }

    @POST
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "createIntegration", summary = "A destination: platform, settings, secrets (sealed, never answered), campaigns")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<Envelope<IntegrationView>> create(IntegrationCommand command) {
        IntegrationView created = integrations.create(command, Actors.of(identity));
        return Responses.created("/v1/marketing/admin/integrations/" + created.id(), created, created.version());
    }

    @GET
    @Path("/{integrationId}")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "getIntegration", summary = "A destination and its delivery figures")
    @APIResponse(responseCode = "200", description = "The integration")
    public Envelope<IntegrationView> get(@PathParam("integrationId") String integrationId) {
        return Envelope.of(integrations.get(Params.uuid(integrationId, "integration_id")));
    }

    @PUT
    @Path("/{integrationId}")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "updateIntegration", summary = "Replace a destination (without secrets: the secrets stay)")
    @APIResponse(responseCode = "200", description = "The integration")
    public Envelope<IntegrationView> update(@PathParam("integrationId") String integrationId, IntegrationCommand command) {
        return Envelope.of(integrations.update(Params.uuid(integrationId, "integration_id"), command, Actors.of(identity)));
    }

    @DELETE
    @Path("/{integrationId}")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "deleteIntegration", summary = "Remove a destination (its outbox goes with it)")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> delete(@PathParam("integrationId") String integrationId) {
        integrations.delete(Params.uuid(integrationId, "integration_id"), Actors.of(identity));
        return RestResponse.noContent();
    }

    @GET
    @Path("/{integrationId}/batches")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "listIntegrationBatches", summary = "The destination's outbox, newest first (status: pending, sent, failed, dead)")
    @APIResponse(responseCode = "200", description = "Batches")
    public Envelope<List<IntegrationView.Batch>> batches(@PathParam("integrationId") String integrationId,
            @QueryParam("status") String status, @QueryParam("limit") String limit) {
        if (status != null && !List.of("pending", "sent", "failed", "dead").contains(status)) {
            throw ValidationException.of("status", "must be one of [pending, sent, failed, dead], not '" + status + "'");
        }
        return Envelope.of(integrations.batches(Params.uuid(integrationId, "integration_id"), status,
                Params.integer(limit, "limit", 100, 1, MAX_BATCHES)));
    }

    @POST
    @Path("/{integrationId}/replay")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "replayIntegration", summary = "Send the failed and dead-lettered batches again (same bodies, same de-duplication keys)")
    @APIResponse(responseCode = "200", description = "How many batches were queued again")
    public Envelope<Map<String, Integer>> replay(@PathParam("integrationId") String integrationId) {
        return Envelope.of(Map.of("replayed", integrations.replay(Params.uuid(integrationId, "integration_id"), Actors.of(identity))));
    }
}
