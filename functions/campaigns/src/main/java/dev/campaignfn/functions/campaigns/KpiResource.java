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
import dev.campaignfn.kpi.KpiCommand;
import dev.campaignfn.kpi.KpiService;
import dev.campaignfn.kpi.KpiView;
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

/** KPI targets with their measured status (seed 000's KPIMetric). */
@Path("/v1/marketing/admin/campaigns/{id}/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "KPIs")
public class KpiResource {

    @Inject
    KpiService kpis;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listKpis", summary = "The campaign's KPIs with current value, percentage and status")
    @APIResponse(responseCode = "200", description = "KPIs")
    public Envelope<List<KpiView>> list(@PathParam("id") String id) {
        return Envelope.of(kpis.list(Params.uuid(id, "id")));
    }

    @POST
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "createKpi", summary = "Add a KPI; with a metric its current value is measured")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<Envelope<KpiView>> create(@PathParam("id") String id, KpiCommand command) {
        KpiView created = kpis.create(Params.uuid(id, "id"), command, Actors.of(identity));
        return Responses.created("/v1/marketing/admin/campaigns/" + id + "/kpis/" + created.id(), created, created.version());
    }

    @GET
    @Path("/{kpiId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getKpi", summary = "One KPI")
    @APIResponse(responseCode = "200", description = "The KPI")
    public RestResponse<Envelope<KpiView>> get(@PathParam("id") String id, @PathParam("kpiId") String kpiId) {
        KpiView found = kpis.get(Params.uuid(id, "id"), Params.uuid(kpiId, "kpi_id"));
        return Responses.versioned(found, found.version());
    }

    @PUT
    @Path("/{kpiId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "updateKpi", summary = "Replace a KPI")
    @APIResponse(responseCode = "200", description = "The updated KPI")
    public RestResponse<Envelope<KpiView>> update(@PathParam("id") String id, @PathParam("kpiId") String kpiId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, KpiCommand command) {
        KpiView updated = kpis.update(Params.uuid(id, "id"), Params.uuid(kpiId, "kpi_id"), command,
                Versions.ifMatch(ifMatch), Actors.of(identity));
        return Responses.versioned(updated, updated.version());
    }

    @DELETE
    @Path("/{kpiId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "deleteKpi", summary = "Remove a KPI")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> delete(@PathParam("id") String id, @PathParam("kpiId") String kpiId) {
        kpis.delete(Params.uuid(id, "id"), Params.uuid(kpiId, "kpi_id"), Actors.of(identity));
        return RestResponse.noContent();
    }
}
