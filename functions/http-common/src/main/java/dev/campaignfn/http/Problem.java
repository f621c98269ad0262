package dev.campaignfn.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.campaignfn.common.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem answer that also carries seed 004's {@code success: false} and
 * {@code message}, so clients written for the seed read errors the way they always did.
 */
// answered as a Response entity from exception mappers, never a resource method's declared type, so the
// REST layer does not register it: without this a native image writes every problem as {}
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, boolean success,
        String message, String code, List<FieldError> errors, Map<String, Object> details) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");
    private static final String TYPE_PREFIX = "urn:campaignfn:problem:";

    public static Problem of(Response.Status status, String slug, String title, String detail, String instance) {
        return new Problem(URI.create(TYPE_PREFIX + slug), title, status.getStatusCode(), detail, instance, false, detail,
                null, null, null);
    }

    public Problem withCode(String newCode) {
        return new Problem(type, title, status, detail, instance, success, message, newCode, errors, details);
    }

    public Problem withErrors(List<FieldError> newErrors) {
        return new Problem(type, title, status, detail, instance, success, message, code, newErrors, details);
    }

    public Problem withDetails(Map<String, Object> newDetails) {
        return new Problem(type, title, status, detail, instance, success, message, code, errors,
                newDetails == null || newDetails.isEmpty() ? null : newDetails);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
