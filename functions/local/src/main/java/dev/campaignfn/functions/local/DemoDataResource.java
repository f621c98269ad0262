package dev.campaignfn.functions.local;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.campaignfn.http.Envelope;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /local/demo-data}: loads the demo campaigns (local launcher only, loopback only). */
@Path("/local/demo-data")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Local launcher")
public class DemoDataResource {

    @Inject
    DemoData demo;

    @POST
    @Operation(operationId = "loadDemoData", summary = "Load the demo campaigns, budgets and spend (idempotent)")
    @APIResponse(responseCode = "200", description = "What was created and what was already there")
    public Envelope<DemoData.Loaded> load(@Context HttpServerRequest request) {
        LoopbackOnly.require(request);
        return Envelope.of(demo.load());
    }
}
