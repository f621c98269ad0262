package dev.campaignfn.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.campaignfn.common.Causes;
import dev.campaignfn.common.ConflictException;
import dev.campaignfn.common.DatabaseUnavailableException;
import dev.campaignfn.common.FieldError;
import dev.campaignfn.common.FieldPaths;
import dev.campaignfn.common.Jdbc;
import dev.campaignfn.common.JsonFieldErrors;
import dev.campaignfn.common.NotFoundException;
import dev.campaignfn.common.PreconditionFailedException;
import dev.campaignfn.common.ValidationException;
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
        if (Causes.any(e, cause -> cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleStateException)) {
            return concurrentlyModified(uri);
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

    // the subtypes are named because Quarkus REST brings its own mappers for some of them (MismatchedInputException,
    // JsonParseException), and the most specific mapper wins
    @ServerExceptionMapper({ JsonProcessingException.class, com.fasterxml.jackson.core.JsonParseException.class,
            com.fasterxml.jackson.databind.JsonMappingException.class, com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class, com.fasterxml.jackson.databind.exc.PropertyBindingException.class,
            com.fasterxml.jackson.databind.exc.ValueInstantiationException.class, com.fasterxml.jackson.core.exc.StreamConstraintsException.class })
    public Response json(JsonProcessingException e, UriInfo uri) {
        return invalid(JsonFieldErrors.of(e), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // the JSON body reader reports Jackson's failures wrapped in a 400: answer them as the field errors they are
        JsonProcessingException json = Causes.find(e.getCause(), JsonProcessingException.class);
        if (json != null) {
            return json(json, uri);
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
        if (databaseUnavailable(e)) {
            // not the request's fault nor a bug: the caller may retry (ids and idempotency keys make a retry safe)
            LOG.warnf("database unavailable on %s: %s", path(uri), e.getMessage());
            Response response = Problem.of(Status.SERVICE_UNAVAILABLE, "database-unavailable", "Service unavailable",
                    "the database cannot be reached just now; retry in a few seconds", path(uri)).toResponse();
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, path(uri));
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request failed unexpectedly; quote error id " + errorId + " when reporting it", path(uri))
                .withDetails(Map.of("error_id", errorId)).toResponse();
    }

    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /**
     * Whether {@code e} comes from the database being out of reach rather than from the request: the domain's
     * {@link DatabaseUnavailableException} (plain JDBC), or, through JPA, an SQLException {@link Jdbc#unavailable}
     * sorts so, or the pool's transient connection failure.
     */
    private static boolean databaseUnavailable(Throwable e) {
        return Causes.any(e, cause -> cause instanceof DatabaseUnavailableException
                || cause instanceof java.sql.SQLTransientConnectionException
                || cause instanceof java.sql.SQLException sql && Jdbc.unavailable(sql));
    }

    private static boolean clientWentAway(Throwable e) {
        return Causes.find(e, HttpClosedException.class) != null;
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

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
