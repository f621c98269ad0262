package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.campaignfn.automation.RuleRunView;
import dev.campaignfn.automation.RuleService;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import jakarta.inject.Inject;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Every rule evaluation of a campaign. */
@Path("/v1/marketing/admin/campaigns/{id}/rule-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Automation")
public class RuleRunResource {

    @Inject
    RuleService rules;

    @GET
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listCampaignRuleRuns", summary = "Every rule evaluation of the campaign (newest first)")
    @APIResponse(responseCode = "200", description = "Runs")
    public Envelope<List<RuleRunView>> campaignRuns(@PathParam("id") String id, @QueryParam("limit") String limit) {
        return Envelope.of(rules.runs(Params.uuid(id, "id"), null, Params.integer(limit, "limit", 100, 1, RuleResource.MAX_LIMIT)));
    }
}
