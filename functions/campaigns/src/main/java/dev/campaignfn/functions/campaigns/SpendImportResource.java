package dev.campaignfn.functions.campaigns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.WireEnum;
import dev.campaignfn.http.Actors;
import dev.campaignfn.http.BaseUrls;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.http.Responses;
import dev.campaignfn.integration.ImportJobView;
import dev.campaignfn.integration.ImportJobs;
import dev.campaignfn.integration.SpendImportMapping;
import dev.campaignfn.integration.SpendImportPlatform;
import dev.campaignfn.integration.SpendImports;
import dev.campaignfn.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * Spend imported from the ad platforms' CSV reports into the ledger, through saved campaign mappings: a file in the
 * request body is imported at once; a large one is uploaded through a presigned URL and imported by the imports job.
 */
@Path("/v1/marketing/admin/spend-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Spend imports")
public class SpendImportResource {

    static final String BASE = "/v1/marketing/admin/spend-imports/";

    @Inject
    SpendImports imports;

    @Inject
    ImportJobs jobs;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    @POST
    // any content type (text/csv as sent by most clients): the permission is checked before the body is looked at
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "importSpend", summary = "Import a platform's daily spend report (CSV body): per-row report of imported, unchanged, corrected, rejected")
    @APIResponse(responseCode = "201", description = "The import, done, with its report")
    public RestResponse<Envelope<ImportJobView<SpendImports.Report>>> importCsv(@QueryParam("platform") String platform,
            @QueryParam("file_name") String fileName, String csv) {
        if (platform == null) {
            throw ValidationException.of("platform", "is required: one of " + WireEnum.allowed(SpendImportPlatform.class));
        }
        if (fileName != null && fileName.length() > 255) {
            throw ValidationException.of("file_name", "must be at most 255 characters");
        }
        SpendImports.Report report = jobs.importSpend(WireEnum.parse(SpendImportPlatform.class, platform, "platform"), csv == null ? "" : csv,
                fileName, Actors.of(identity));
        return Responses.created(BASE + report.id(), jobs.get(report.id(), ImportJobs.SPEND, SpendImports.Report.class), null);
    }

    @POST
    @Path("/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "createSpendUpload", summary = "A large spend file: an import awaiting its file, and the presigned URL to PUT it to")
    @APIResponse(responseCode = "201", description = "The import and its upload URL")
    public RestResponse<Envelope<ImportJobView.Slot<SpendImports.Report>>> upload(SpendImports.UploadCommand command) {
        ImportJobView.Slot<SpendImports.Report> slot = jobs.awaitSpendUpload(command, Actors.of(identity))
                .withUrl(url -> BaseUrls.absolute(uri, url));
        return Responses.created(BASE + slot.importJob().id(), slot, null);
    }

    @POST
    @Path("/{importId}/start")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "startSpendImport", summary = "The file is uploaded: queue the import for the imports job")
    @APIResponse(responseCode = "202", description = "Queued")
    public RestResponse<Envelope<ImportJobView<SpendImports.Report>>> start(@PathParam("importId") String importId) {
        return RestResponse.accepted(Envelope.of(jobs.start(Params.uuid(importId, "import_id"), ImportJobs.SPEND, SpendImports.Report.class)));
    }

    @GET
    @Path("/{importId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "getSpendImport", summary = "An import: its status and, once done, its report")
    @APIResponse(responseCode = "200", description = "The import")
    public Envelope<ImportJobView<SpendImports.Report>> get(@PathParam("importId") String importId) {
        return Envelope.of(jobs.get(Params.uuid(importId, "import_id"), ImportJobs.SPEND, SpendImports.Report.class));
    }

    @GET
    @Path("/mappings")
    @PermissionsAllowed(Permissions.CAMPAIGNS_READ)
    @Operation(operationId = "listSpendMappings", summary = "Saved mappings of platform campaigns to ours")
    @APIResponse(responseCode = "200", description = "Mappings")
    public Envelope<List<SpendImportMapping.View>> mappings(@QueryParam("platform") String platform) {
        return Envelope.of(imports.mappings(platform == null ? null : WireEnum.parse(SpendImportPlatform.class, platform, "platform")));
    }

    @POST
    @Path("/mappings")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "createSpendMapping", summary = "Map a platform's campaign (its id or name) to a campaign and channel")
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<Envelope<SpendImportMapping.View>> map(SpendImports.MappingCommand command) {
        SpendImportMapping.View created = imports.map(command, Actors.of(identity));
        return Responses.created(BASE + "mappings/" + created.id(), created, null);
    }

    @DELETE
    @Path("/mappings/{mappingId}")
    @PermissionsAllowed(Permissions.CAMPAIGNS_UPDATE)
    @Operation(operationId = "deleteSpendMapping", summary = "Remove a mapping (what it imported stays in the ledger)")
    @APIResponse(responseCode = "204", description = "Removed")
    public RestResponse<Void> unmap(@PathParam("mappingId") String mappingId) {
        imports.unmap(Params.uuid(mappingId, "mapping_id"), Actors.of(identity));
        return RestResponse.noContent();
    }
}
