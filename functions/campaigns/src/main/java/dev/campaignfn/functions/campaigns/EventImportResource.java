package dev.campaignfn.functions.campaigns;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.common.ValidationException;
import dev.campaignfn.http.Actors;
import dev.campaignfn.http.BaseUrls;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.Responses;
import dev.campaignfn.integration.EventImports;
import dev.campaignfn.integration.ImportJobView;
import dev.campaignfn.integration.ImportJobs;
import dev.campaignfn.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * Historical events imported (a backfill), CSV or NDJSON with the fields of {@code POST /track-events}: a file in the
 * body, or a large one uploaded through a presigned URL; either way imported by the imports job, with a report.
 */
@Path("/v1/marketing/admin/event-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event imports")
public class EventImportResource {

    static final String BASE = "/v1/marketing/admin/event-imports/";

    @Inject
    ImportJobs jobs;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    @POST
    // any content type (text/csv, application/x-ndjson): the permission is checked before the body is looked at
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "importEvents", summary = "Import historical events (CSV or NDJSON body) as a job")
    @APIResponse(responseCode = "202", description = "Queued; read the import for its report")
    public RestResponse<Envelope<ImportJobView<EventImports.Report>>> importFile(@QueryParam("format") String format,
            @QueryParam("file_name") String fileName, String body) {
        if (format == null || !(format.equals("csv") || format.equals("ndjson"))) {
            throw ValidationException.of("format", "is required: csv or ndjson");
        }
        if (fileName != null && fileName.length() > 255) {
            throw ValidationException.of("file_name", "must be at most 255 characters");
        }
        if (body == null || body.isBlank()) {
            throw ValidationException.of("body", "is empty: send the file");
        }
        ImportJobView<EventImports.Report> job = jobs.queue(ImportJobs.EVENTS, format, fileName, body.getBytes(StandardCharsets.UTF_8),
                Actors.of(identity), EventImports.Report.class);
        return RestResponse.ResponseBuilder.<Envelope<ImportJobView<EventImports.Report>>> create(RestResponse.Status.ACCEPTED)
                .entity(Envelope.of(job)).type(MediaType.APPLICATION_JSON).location(URI.create(BASE + job.id())).build();
    }

    @POST
    @Path("/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "createEventUpload", summary = "A large events file: an import awaiting its file, and the presigned URL to PUT it to")
    @APIResponse(responseCode = "201", description = "The import and its upload URL")
    public RestResponse<Envelope<ImportJobView.Slot<EventImports.Report>>> upload(EventImports.UploadCommand command) {
        ImportJobView.Slot<EventImports.Report> slot = jobs.awaitEventUpload(command, Actors.of(identity))
                .withUrl(url -> BaseUrls.absolute(uri, url));
        return Responses.created(BASE + slot.importJob().id(), slot, null);
    }

    @POST
    @Path("/{importId}/start")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "startEventImport", summary = "The file is uploaded: queue the import for the imports job")
    @APIResponse(responseCode = "202", description = "Queued")
    public RestResponse<Envelope<ImportJobView<EventImports.Report>>> start(@PathParam("importId") String importId) {
        return RestResponse.accepted(Envelope.of(jobs.start(Params.uuid(importId, "import_id"), ImportJobs.EVENTS, EventImports.Report.class)));
    }

    @GET
    @Path("/{importId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getEventImport", summary = "An import: its status and, once done, its report")
    @APIResponse(responseCode = "200", description = "The import")
    public Envelope<ImportJobView<EventImports.Report>> get(@PathParam("importId") String importId) {
        return Envelope.of(jobs.get(Params.uuid(importId, "import_id"), ImportJobs.EVENTS, EventImports.Report.class));
    }
}
