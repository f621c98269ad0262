package dev.campaignfn.functions.campaigns;


import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.budget.BudgetCommand;
import dev.campaignfn.budget.BudgetLedger;
import dev.campaignfn.budget.BudgetStatus;
import dev.campaignfn.budget.ReallocationCommand;
import dev.campaignfn.budget.SpendCommand;
import dev.campaignfn.budget.SpendEntryView;
import dev.campaignfn.budget.SpendRecording;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.http.Actors;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.Responses;
import dev.campaignfn.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Budget allocation, the append-only spend ledger and budget status (seed 000's BudgetManager). */
@Path("/v1/marketing/admin/campaigns/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Budgets")
public class BudgetResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    BudgetLedger ledger;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/budget")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getBudgetStatus", summary = "Total, allocated, spent and remaining, per channel, with the thresholds reached")
    @APIResponse(responseCode = "200", description = "Budget status")
    public Envelope<BudgetStatus> status(@PathParam("id") String id) {
        return Envelope.of(ledger.status(Params.uuid(id, "id")));
    }

    @PUT
    @Path("/budget")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "allocateBudget", summary = "Set the total budget, the contingency and the per-channel allocations",
            description = "Allocations plus contingency never exceed the total; channels left out are allocated nothing.")
    @APIResponse(responseCode = "200", description = "The new budget status")
    public Envelope<BudgetStatus> allocate(@PathParam("id") String id, BudgetCommand command) {
        return Envelope.of(ledger.allocate(Params.uuid(id, "id"), command, Actors.of(identity)));
    }

    @POST
    @Path("/budget/reallocations")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "reallocateBudget", summary = "Move unspent allocation from one channel to another, in one transaction")
    @APIResponse(responseCode = "200", description = "The new budget status")
    public Envelope<BudgetStatus> reallocate(@PathParam("id") String id, ReallocationCommand command) {
        return Envelope.of(ledger.reallocate(Params.uuid(id, "id"), command, Actors.of(identity)));
    }

    @GET
    @Path("/spend")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listSpendEntries", summary = "The campaign's ledger entries, newest first")
    @APIResponse(responseCode = "200", description = "One page of ledger entries")
    public Envelope.Paged<SpendEntryView> entries(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("page_size") String pageSize) {
        return Envelope.Paged.of(ledger.entries(Params.uuid(id, "id"), Params.integer(page, "page", 1, 1, 1_000_000),
                Params.integer(pageSize, "page_size", 50, 1, 500)));
    }

    @POST
    @Path("/spend")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "recordSpend", summary = "Record spend (or a refund) in the ledger",
            description = "The same idempotency key (header Idempotency-Key or field idempotency_key) records once: "
                    + "a retry answers 200 with the entry recorded the first time.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "Already recorded under this idempotency key")
    public RestResponse<Envelope<SpendEntryView>> record(@PathParam("id") String id,
            @Parameter(description = "Makes retries safe") @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            SpendCommand command) {
        if (command != null && idempotencyKey != null) {
            if (command.idempotencyKey() != null && !command.idempotencyKey().equals(idempotencyKey)) {
                throw ValidationException.of("idempotency_key", "differs from the Idempotency-Key header");
            }
            command = command.withIdempotencyKey(idempotencyKey);
        }
        SpendRecording recording = ledger.record(Params.uuid(id, "id"), command, Actors.of(identity));
        if (recording.replayed()) {
            return RestResponse.ResponseBuilder.ok(Envelope.of(recording.entry())).header("Idempotent-Replayed", "true")
                    .build();
        }
        return Responses.created("/v1/marketing/admin/campaigns/" + id + "/spend/" + recording.entry().id(),
                recording.entry(), null);
    }
}
