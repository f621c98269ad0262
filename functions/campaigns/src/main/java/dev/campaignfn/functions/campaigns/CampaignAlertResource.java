package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.campaignfn.alert.AlertService;
import dev.campaignfn.alert.AlertView;
import dev.campaignfn.campaign.Campaign;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A campaign's alerts. */
@Path("/v1/marketing/admin/campaigns/{id}/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Automation")
public class CampaignAlertResource {

    @Inject
    AlertService alerts;

    @GET
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listCampaignAlerts", summary = "The campaign's alerts, newest first (open=true: unacknowledged only)")
    @APIResponse(responseCode = "200", description = "Alerts")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Envelope<List<AlertView>> campaignAlerts(@PathParam("id") String id, @QueryParam("open") String open,
            @QueryParam("limit") String limit) {
        Campaign campaign = Campaign.require(Params.uuid(id, "id"));
        return Envelope.of(alerts.list(campaign.id, Params.bool(open, "open", false), Params.integer(limit, "limit", 100, 1, RuleResource.MAX_LIMIT)));
    }
}
