package dev.campaignfn.functions.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.campaignfn.analytics.AnalyticsConfig;
import dev.campaignfn.export.ExportJobs;
import dev.campaignfn.export.ExportQuery;
import dev.campaignfn.export.ExportService;
import dev.campaignfn.export.ExportTable;
import dev.campaignfn.export.ExportsConfig;
import dev.campaignfn.export.TableWriter;
import dev.campaignfn.http.Actors;
import dev.campaignfn.http.BaseUrls;
import dev.campaignfn.http.Envelope;
import dev.campaignfn.http.Params;
import dev.campaignfn.security.Permissions;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * Seed 004's export route and the background jobs behind it. A direct export answers the file; one
 * that would not fit in an API Gateway/Lambda answer (or that the caller queues with POST) becomes a
 * job whose file is stored and downloaded through a time-limited URL.
 */
// the same class path as the analytics routes: RESTEasy Reactive routes a request to the classes of the
// longest matching class path only, and merges classes that share it (the launcher serves both)
@Path(ExportResource.BASE)
@Tag(name = "Exports")
public class ExportResource {

    static final String BASE = "/v1/marketing/admin/analytics";

    @Inject
    ExportService exports;

    @Inject
    ExportJobs jobs;

    @Inject
    ExportsConfig config;

    @Inject
    AnalyticsConfig analyticsConfig;

    @Inject
    SecurityIdentity identity;

    @Context
    UriInfo uri;

    @GET
    @Path("/export")
    @PermissionsAllowed(Permissions.ANALYTICS_EXPORT)
    @Operation(operationId = "exportAnalytics", summary = "Seed 004's export: the file, or a background job (202) when it is too large for a direct answer")
    @APIResponse(responseCode = "200", description = "The CSV or XLSX file", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "202", description = "Too large for a direct answer: a job was queued (Location: the job)")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "A campaign does not exist")
    public RestResponse<Object> export(@BeanParam ExportParams params) throws Exception {
        ExportQuery query = params.toQuery(analyticsConfig);
        if (exports.estimatedBytes(query) > config.maxDirectBytes()) {
            return queued(query);
        }
        ExportTable table = exports.table(query);
        CappedBuffer buffer = new CappedBuffer(config.maxDirectBytes());
        try {
            TableWriter.of(query.format(), query.byteOrderMark()).write(table, buffer);
        } catch (CappedBuffer.Full full) {
            return queued(query);
        }
        return RestResponse.ResponseBuilder.<Object> ok(buffer.toByteArray(), query.format().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + exports.fileName(query, table) + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("/exports")
    @PermissionsAllowed(Permissions.ANALYTICS_EXPORT)
    @Operation(operationId = "createExportJob", summary = "Queues an export (the same parameters as GET /export) to run in the background")
    @APIResponse(responseCode = "202", description = "The job (Location: where to follow it)")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "A campaign does not exist")
    public RestResponse<Object> queue(@BeanParam ExportParams params) {
        ExportQuery query = params.toQuery(analyticsConfig);
        // the same checks a direct export makes (unknown campaign, bad period), before anything is stored
        exports.table(query);
        return queued(query);
    }

    @GET
    @Path("/exports/{id}")
    @PermissionsAllowed(Permissions.ANALYTICS_EXPORT)
    @Operation(operationId = "getExportJob", summary = "An export job: its status and, when done, a time-limited download URL")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such job")
    public Envelope<ExportJobs.JobView> job(@PathParam("id") String id) {
        return Envelope.of(absolute(jobs.get(Params.uuid(id, "id"))));
    }

    private RestResponse<Object> queued(ExportQuery query) {
        ExportJobs.JobView job = absolute(jobs.create(query, Actors.of(identity).name()));
        return RestResponse.ResponseBuilder.<Object> create(RestResponse.Status.ACCEPTED).entity(Envelope.of(job))
                .type(MediaType.APPLICATION_JSON).location(URI.create(BASE + "/exports/" + job.id())).build();
    }

    /** A local store's download path made absolute against this request's base URL. */
    private ExportJobs.JobView absolute(ExportJobs.JobView job) {
        if (job.downloadUrl() == null || !job.downloadUrl().startsWith("/")) {
            return job;
        }
        return new ExportJobs.JobView(job.id(), job.report(), job.format(), job.status(), job.fileName(), job.sizeBytes(), job.rowCount(),
                job.error(), job.attempts(), job.requestedBy(), job.createdAt(), job.startedAt(), job.finishedAt(), job.expiresAt(),
                BaseUrls.absolute(uri, job.downloadUrl()), job.downloadUrlExpiresAt());
    }

    /** The bytes of a direct answer, refusing to grow past what such an answer may hold. */
    static final class CappedBuffer extends OutputStream {

        /** The export outgrew a direct answer. */
        static final class Full extends IOException {
            private static final long serialVersionUID = 1L;

            Full() {
                super("the export is larger than a direct answer may be");
            }
        }

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        private final long cap;

        CappedBuffer(long cap) {
            this.cap = cap;
        }

        @Override
        public void write(int b) throws IOException {
            check(1);
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check(len);
            bytes.write(b, off, len);
        }

        private void check(int more) throws Full {
            if (bytes.size() + (long) more > cap) {
                throw new Full();
            }
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
