package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.alert.AlertService;
import dev.campaignfn.alert.AlertView;
import dev.campaignfn.alert.WebhookCommand;
import dev.campaignfn.alert.WebhookView;
import dev.campaignfn.automation.RuleService;
import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.Responses;
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

/** Rule templates usable across campaigns, every campaign's alerts, and the webhooks alerts are delivered to. */
@Path("/v1/marketing/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Automation")
public class AutomationSettingsResource {

    @Inject
    RuleService rules;

    @Inject
    AlertService alerts;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/rule-templates")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listRuleTemplates", summary = "Rule templates")
    @APIResponse(responseCode = "200", description = "Templates")
    public Envelope<List<RuleService.TemplateView>> templates() {
        return Envelope.of(rules.templates());
    }

    @POST
    @Path("/rule-templates")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "createRuleTemplate", summary = "A rule template: trigger, actions, guardrails")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<Envelope<RuleService.TemplateView>> createTemplate(RuleService.TemplateCommand command) {
        RuleService.TemplateView created = rules.createTemplate(command, Actors.of(identity));
        return Responses.created("/v1/marketing/admin/rule-templates/" + created.id(), created, created.version());
    }

    @PUT
    @Path("/rule-templates/{templateId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "updateRuleTemplate", summary = "Replace a rule template (rules made from it keep their copy)")
    @APIResponse(responseCode = "200", description = "The template")
    public Envelope<RuleService.TemplateView> updateTemplate(@PathParam("templateId") String templateId, RuleService.TemplateCommand command) {
        return Envelope.of(rules.updateTemplate(Params.uuid(templateId, "template_id"), command, Actors.of(identity)));
    }

    @DELETE
    @Path("/rule-templates/{templateId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "deleteRuleTemplate", summary = "Remove a rule template")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> deleteTemplate(@PathParam("templateId") String templateId) {
        rules.deleteTemplate(Params.uuid(templateId, "template_id"), Actors.of(identity));
        return RestResponse.noContent();
    }

    @GET
    @Path("/alerts")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listAlerts", summary = "Alerts of every campaign, newest first (open=true: unacknowledged only)")
    @APIResponse(responseCode = "200", description = "Alerts")
    public Envelope<List<AlertView>> alerts(@QueryParam("open") String open, @QueryParam("limit") String limit) {
        return Envelope.of(alerts.list(null, Params.bool(open, "open", false), Params.integer(limit, "limit", 100, 1, RuleResource.MAX_LIMIT)));
    }

    @POST
    @Path("/alerts/{alertId}/acknowledge")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "acknowledgeAlert", summary = "Mark an alert as seen (the first acknowledgement stays)")
    @APIResponse(responseCode = "200", description = "The alert")
    public Envelope<AlertView> acknowledge(@PathParam("alertId") String alertId) {
        return Envelope.of(alerts.acknowledge(Params.uuid(alertId, "alert_id"), Actors.of(identity)));
    }

    @GET
    @Path("/webhooks")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "listWebhooks", summary = "Webhooks alerts are delivered to (secrets are never shown again)")
    @APIResponse(responseCode = "200", description = "Webhooks")
    public Envelope<List<WebhookView>> webhooks() {
        return Envelope.of(alerts.webhooks());
    }

    @POST
    @Path("/webhooks")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "createWebhook", summary = "A webhook (json or slack); the answer holds its signing secret, once")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<Envelope<WebhookView>> createWebhook(WebhookCommand command) {
        WebhookView created = alerts.createWebhook(command, Actors.of(identity));
        return Responses.created("/v1/marketing/admin/webhooks/" + created.id(), created, created.version());
    }

    @PUT
    @Path("/webhooks/{webhookId}")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "updateWebhook", summary = "Replace a webhook (without secret: the secret stays)")
    @APIResponse(responseCode = "200", description = "The webhook")
    public Envelope<WebhookView> updateWebhook(@PathParam("webhookId") String webhookId, WebhookCommand command) {
        return Envelope.of(alerts.updateWebhook(Params.uuid(webhookId, "webhook_id"), command, Actors.of(identity)));
    }

    @DELETE
    @Path("/webhooks/{webhookId}")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook (its pending deliveries go with it)")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> deleteWebhook(@PathParam("webhookId") String webhookId) {
        alerts.deleteWebhook(Params.uuid(webhookId, "webhook_id"), Actors.of(identity));
        return RestResponse.noContent();
    }
}
