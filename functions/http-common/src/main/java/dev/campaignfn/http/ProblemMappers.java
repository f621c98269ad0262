package dev.campaignfn.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.FieldError;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.PreconditionFailedException;
import dev.campaignfn.common.ValidationException;
import dev.campaignfn.common.WireEnum;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every failure becomes a problem answer that says what is wrong: bad input a 400 naming the
 * field, missing things a 404, state conflicts a 409. Anything unexpected is a 500 that says only
 * which error id to look for in the logs; stack traces never leave the function.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return invalid(e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String field = FieldPaths.of(violation.getPropertyPath());
            String message = "body".equals(field) && violation.getInvalidValue() == null ? "a JSON body is required"
                    : violation.getMessage();
            errors.add(new FieldError(field, message));
        }
        // the validator reports a set: one order for every answer (two rules broken by one field came either way round)
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return invalid(errors, uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problem.of(Status.NOT_FOUND, "not-found", "Not found", e.getMessage(), path(uri))
                .withDetails(Map.of("entity", e.entity(), "id", e.id())).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return Problem.of(Status.CONFLICT, "conflict", "Conflict", e.getMessage(), path(uri)).withCode(e.code())
                .withDetails(e.details()).toResponse();
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e, UriInfo uri) {
        return Problem.of(Status.PRECONDITION_FAILED, "precondition-failed", "Precondition failed", e.getMessage(), path(uri))
                .withCode("version_mismatch").withDetails(Map.of("current_version", e.currentVersion())).toResponse();
    }

    @ServerExceptionMapper({ OptimisticLockException.class, org.hibernate.StaleStateException.class })
    public Response concurrentModification(Exception e, UriInfo uri) {
        return concurrentlyModified(uri);
    }

    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // the service checks first; a constraint firing here means a concurrent request won the race
        LOG.debugf("constraint %s refused a write on %s", e.getConstraintName(), path(uri));
        return Problem.of(Status.CONFLICT, "conflict", "Conflict",
                "the request conflicts with a concurrent change; reload and retry", path(uri)).withCode("concurrent_modification")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response transactionFailed(jakarta.transaction.TransactionalException e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
                return concurrentlyModified(uri);
            }
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response payloadTooLarge(PayloadTooLargeException e, UriInfo uri) {
        return Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Payload too large", e.getMessage(), path(uri))
                .withDetails(Map.of("limit_bytes", e.limit())).toResponse();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(Exception e, UriInfo uri) {
        Response response = Problem.of(Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "this route needs a valid bearer token", path(uri)).toResponse();
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Status.FORBIDDEN, "forbidden", "Forbidden",
                "your roles do not grant the permission this route needs", path(uri)).toResponse();
    }

    @ServerExceptionMapper
    public Response malformedJson(com.fasterxml.jackson.core.JsonParseException e, UriInfo uri) {
        return invalidBody("request body is not valid JSON (" + locationOf(e) + ")", uri);
    }

    @ServerExceptionMapper
    public Response tooDeep(StreamConstraintsException e, UriInfo uri) {
        return invalidBody("request body breaks a JSON limit: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(PropertyBindingException e, UriInfo uri) {
        Collection<Object> known = e.getKnownPropertyIds() == null ? List.of() : e.getKnownPropertyIds();
        String knownList = known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]"));
        return invalid(List.of(new FieldError(FieldPaths.of(e.getPath()), "is not a property of this request; known: " + knownList)), uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        Class<?> target = e.getTargetType();
        String message;
        if (target != null && target.isEnum() && WireEnum.class.isAssignableFrom(target)) {
            message = "must be one of " + Arrays.stream(target.getEnumConstants()).map(c -> ((WireEnum) c).wire())
                    .collect(Collectors.joining(", ", "[", "]")) + ", not '" + e.getValue() + "'";
        } else {
            message = "must be " + describe(target) + ", not " + quoted(e.getValue());
        }
        return invalid(List.of(new FieldError(FieldPaths.of(e.getPath()), message)), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = FieldPaths.of(e.getPath());
        String message = e.getTargetType() == null ? "has the wrong type"
                : "must be " + describe(e.getTargetType());
        if (e.getMessage() != null && e.getMessage().contains("No content to map")) {
            field = "body";
            message = "a JSON body is required";
        }
        return invalid(List.of(new FieldError(field, message)), uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return invalid(List.of(new FieldError(FieldPaths.of(e.getPath()), cause.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response otherJsonMapping(JsonMappingException e, UriInfo uri) {
        return invalid(List.of(new FieldError(FieldPaths.of(e.getPath()), e.getOriginalMessage())), uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return invalidBody("request body could not be read as JSON: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // the JSON body reader reports Jackson's failures wrapped in a 400: answer them as the field errors they are
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json, uri);
            }
        }
        if (e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse();
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Status known = Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no route matches " + path(uri);
            case 405 -> "this route does not accept that method";
            case 406 -> "this route cannot answer in the requested media type";
            case 415 -> "this route does not accept that content type; send application/json";
            default -> e.getMessage();
        };
        Problem problem = new Problem(java.net.URI.create("urn:campaignfn:problem:" + slug(title)), title, status, detail,
                path(uri), false, detail, null, null, null);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (clientWentAway(e)) {
            // the caller closed the connection while its body was being read: nobody will see an answer, and it is not our error
            LOG.debugf("client closed the connection on %s", path(uri));
            return Problem.of(Status.BAD_REQUEST, "client-closed", "Client closed the connection",
                    "the connection closed before the request body was read", path(uri)).toResponse();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, path(uri));
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed unexpectedly; quote error id " + errorId + " when reporting it", path(uri))
                .withDetails(Map.of("error_id", errorId)).toResponse();
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof com.fasterxml.jackson.core.JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e instanceof StreamConstraintsException limits) {
            return tooDeep(limits, uri);
        }
        if (e instanceof PropertyBindingException unknown) {
            return unknownProperty(unknown, uri);
        }
        if (e instanceof InvalidFormatException format) {
            return invalidFormat(format, uri);
        }
        if (e instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched, uri);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            return valueInstantiation(instantiation, uri);
        }
        if (e instanceof JsonMappingException mapping) {
            return otherJsonMapping(mapping, uri);
        }
        return otherJson(e, uri);
    }

    private static String quoted(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }

    private static Response concurrentlyModified(UriInfo uri) {
        return Problem.of(Status.CONFLICT, "conflict", "Conflict",
                "the resource was changed by another request at the same time; reload it and retry", path(uri))
                .withCode("concurrent_modification").toResponse();
    }

    private static Response invalid(List<FieldError> errors, UriInfo uri) {
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return Problem.of(Status.BAD_REQUEST, "validation", "Invalid request", detail, path(uri))
                .withCode("validation_failed").withErrors(errors).toResponse();
    }

    private static Response invalidBody(String message, UriInfo uri) {
        return invalid(List.of(new FieldError("body", message)), uri);
    }

    private static String locationOf(com.fasterxml.jackson.core.JsonParseException e) {
        return e.getLocation() == null ? e.getOriginalMessage()
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                        + e.getOriginalMessage().replaceAll("\\s+", " ");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.math.BigDecimal.class || Number.class.isAssignableFrom(type) || type == int.class
                || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.Instant.class) {
            return "an RFC 3339 date-time with offset, such as 2026-03-01T09:00:00Z";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (type.isEnum() && WireEnum.class.isAssignableFrom(type)) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((WireEnum) c).wire())
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return "a " + type.getSimpleName();
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
