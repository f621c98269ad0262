package dev.campaignfn.functions.exports;

import java.io.InputStream;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.export.ExportFormat;
import dev.campaignfn.export.ExportStore;
import dev.campaignfn.http.BodyLimit;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Downloads of finished exports (streamed from the file, never read into memory) kept by the local store, through the signed, expiring URL a job
 * answered. Public like a presigned S3 URL: the signature is the permission. With the S3 store the
 * URLs point at S3 and this route finds nothing. Uploads of import files come in the same way: a signed, expiring
 * PUT URL.
 */
@Path("/v1/marketing/exports")
@Tag(name = "Exports")
public class ExportFileResource {

    /** The largest file the local store takes through an upload URL (S3 takes up to 5 GB per PUT). */
    static final long UPLOAD_LIMIT = 64L * 1024 * 1024;

    @Inject
    ExportStore store;

    @GET
    @Path("/files/{key}")
    @Operation(operationId = "downloadExport", summary = "A finished export's file, through the signed URL a job answered (local store only)")
    @APIResponse(responseCode = "200", description = "The file, as the job was asked for it", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "404", description = "No such file, or the URL expired or is not signed right")
    public RestResponse<Object> download(@PathParam("key") String key, @QueryParam("name") String name,
            @QueryParam("expires") String expires, @QueryParam("signature") String signature) {
        long until;
        try {
            until = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw new NotFoundException("export file", key);
        }
        Optional<java.nio.file.Path> file = store.signedFile(key, name, until, signature);
        if (file.isEmpty()) {
            throw new NotFoundException("export file", key);
        }
        String type = (key.endsWith(".xlsx") ? ExportFormat.XLSX : ExportFormat.CSV).contentType();
        return RestResponse.ResponseBuilder.<Object> ok(file.get().toFile(), type)
                .header("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PUT
    @Path("/uploads/{key}")
    @Consumes(MediaType.WILDCARD)
    @BodyLimit(UPLOAD_LIMIT)
    @Operation(operationId = "uploadImportFile", summary = "An import's file, through the signed upload URL the import answered (local store only)")
    @APIResponse(responseCode = "204", description = "Stored; start the import")
    @APIResponse(responseCode = "404", description = "The URL expired or is not signed right")
    public RestResponse<Void> upload(@PathParam("key") String key, @QueryParam("expires") String expires,
            @QueryParam("signature") String signature, InputStream content) throws Exception {
        long until;
        try {
            until = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw new NotFoundException("upload", key);
        }
        if (!store.acceptUpload(key, until, signature, content)) {
            throw new NotFoundException("upload", key);
        }
        return RestResponse.noContent();
    }
}
