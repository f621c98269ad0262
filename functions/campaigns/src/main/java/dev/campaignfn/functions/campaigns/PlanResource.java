package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.plan.BenchmarkCommand;
import dev.campaignfn.plan.BenchmarkService;
import dev.campaignfn.plan.BenchmarkView;
import dev.campaignfn.plan.CampaignPlan;
import dev.campaignfn.plan.CampaignPlanner;
import dev.campaignfn.plan.PlanCheck;
import dev.campaignfn.plan.PlanEstimate;
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
import jakarta.ws.rs.core.MediaType;

/** Campaign plans (seed 000's CampaignPlanner) and the channel benchmarks their estimates use. */
@Path("/v1/marketing/admin/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    @Inject
    CampaignPlanner planner;

    @Inject
    BenchmarkService benchmarks;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/validate")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "validatePlan", summary = "Check a campaign plan: errors block it, warnings do not")
    @APIResponse(responseCode = "200", description = "valid, errors and warnings (each naming its field)")
    public Envelope<PlanCheck> validate(CampaignPlan plan) {
        return Envelope.of(planner.validate(plan));
    }

    @POST
    @Path("/estimate")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "estimatePlan", summary = "Estimate a plan's reach, impressions, clicks, conversions and costs per channel")
    @APIResponse(responseCode = "200", description = "Per-channel and total estimates")
    public Envelope<PlanEstimate> estimate(CampaignPlan plan) {
        return Envelope.of(planner.estimate(plan));
    }

    @GET
    @Path("/benchmarks")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listBenchmarks", summary = "The channel benchmarks (CPM, CTR, CVR, reach ratio) estimates use")
    @APIResponse(responseCode = "200", description = "Benchmarks")
    public Envelope<List<BenchmarkView>> listBenchmarks() {
        return Envelope.of(benchmarks.list());
    }

    @PUT
    @Path("/benchmarks/{channel}")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "putBenchmark", summary = "Set one channel's benchmark (or 'default')")
    @APIResponse(responseCode = "200", description = "The benchmark")
    public Envelope<BenchmarkView> putBenchmark(@PathParam("channel") String channel, BenchmarkCommand command) {
        return Envelope.of(benchmarks.put(ChannelResource.channelId(channel), command, Actors.of(identity)));
    }

    @DELETE
    @Path("/benchmarks/{channel}")
    @PermissionsAllowed(Permissions.SETTINGS_MANAGE)
    @Operation(operationId = "deleteBenchmark", summary = "Remove a channel's benchmark; it falls back to 'default'")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> deleteBenchmark(@PathParam("channel") String channel) {
        benchmarks.delete(ChannelResource.channelId(channel), Actors.of(identity));
        return RestResponse.noContent();
    }
}
