package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.automation.RuleCommand;
import dev.campaignfn.automation.RuleRunView;
import dev.campaignfn.automation.RuleService;
import dev.campaignfn.automation.RuleView;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** A campaign's automation rules and each rule's run history; the automation function's rules job runs them. */
// a class path ending in a literal: "/campaigns/{id}" alone would shadow the campaign routes
@Path("/v1/marketing/admin/campaigns/{id}/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Automation")
public class RuleResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    RuleService rules;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listRules", summary = "The campaign's automation rules")
    @APIResponse(responseCode = "200", description = "Rules")
    public Envelope<List<RuleView>> list(@PathParam("id") String id) {
        return Envelope.of(rules.list(Params.uuid(id, "id")));
    }

    @POST
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "createRule", summary = "Add a rule: trigger, actions, guardrails (or a template_id to start from)")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<Envelope<RuleView>> create(@PathParam("id") String id, RuleCommand command) {
        RuleView created = rules.create(Params.uuid(id, "id"), command, Actors.of(identity));
        return Responses.created("/v1/marketing/admin/campaigns/" + id + "/rules/" + created.id(), created, created.version());
    }

    @GET
    @Path("/{ruleId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getRule", summary = "One rule")
    @APIResponse(responseCode = "200", description = "The rule")
    public RestResponse<Envelope<RuleView>> get(@PathParam("id") String id, @PathParam("ruleId") String ruleId) {
        RuleView found = rules.get(Params.uuid(id, "id"), Params.uuid(ruleId, "rule_id"));
        return Responses.versioned(found, found.version());
    }

    @PUT
    @Path("/{ruleId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "updateRule", summary = "Replace a rule; If-Match guards against a concurrent change")
    @APIResponse(responseCode = "200", description = "The rule")
    public RestResponse<Envelope<RuleView>> update(@PathParam("id") String id, @PathParam("ruleId") String ruleId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, RuleCommand command) {
        RuleView updated = rules.update(Params.uuid(id, "id"), Params.uuid(ruleId, "rule_id"), command, Versions.ifMatch(ifMatch),
                Actors.of(identity));
        return Responses.versioned(updated, updated.version());
    }

    @DELETE
    @Path("/{ruleId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "deleteRule", summary = "Remove a rule (and its run history)")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> delete(@PathParam("id") String id, @PathParam("ruleId") String ruleId) {
        rules.delete(Params.uuid(id, "id"), Params.uuid(ruleId, "rule_id"), Actors.of(identity));
        return RestResponse.noContent();
    }

    @GET
    @Path("/{ruleId}/runs")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listRuleRuns", summary = "A rule's evaluations: what it saw, the decision, the outcome (newest first)")
    @APIResponse(responseCode = "200", description = "Runs")
    public Envelope<List<RuleRunView>> ruleRuns(@PathParam("id") String id, @PathParam("ruleId") String ruleId,
            @QueryParam("limit") String limit) {
        return Envelope.of(rules.runs(Params.uuid(id, "id"), Params.uuid(ruleId, "rule_id"), Params.integer(limit, "limit", 100, 1, MAX_LIMIT)));
    }
}
