package io.prmos.engine.api;

import io.prmos.engine.json.StrictJson;
import io.prmos.engine.query.QueryException;
import io.prmos.engine.store.StoreExceptions;
import io.prmos.engine.validation.ValidationException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json. Expected failures keep their status; anything else is a
 * 500 with an incident id in the log and nothing internal in the body.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiProblem problem, HttpServerRequest request) {
        return respond(problem.toProblem(request.path()));
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, HttpServerRequest request) {
        List<Problem.Error> errors = e.violations().stream()
                .map(v -> new Problem.Error(v.pointer(), null, v.code(), v.message())).toList();
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid record", 422,
                errors.size() + " field(s) are invalid", request.path(), errors));
    }

    @ServerExceptionMapper
    public Response query(QueryException e, HttpServerRequest request) {
        return respond(new Problem(Problem.TYPE_BASE + "invalid-query", "Invalid query", 400, e.getMessage(), request.path(),
                List.of(new Problem.Error(null, e.parameter(), "invalid", e.getMessage())), e.position()));
    }

    /** A body (or cursor) the strict JSON reader refused: broken JSON, or a character or number the engine cannot take. */
    @ServerExceptionMapper
    public Response json(StrictJson.Refused e, HttpServerRequest request) {
        return respond(switch (e.fault()) {
            case SYNTAX -> new Problem(Problem.TYPE_BASE + "malformed-json", "Bad request", 400, e.getMessage(), request.path(), List.of());
            case CHARACTER -> new Problem(Problem.TYPE_BASE + "invalid-character", "Bad request", 400, "text " + e.getMessage(),
                    request.path(), List.of(new Problem.Error(e.pointer(), null, "character", e.getMessage())));
            case RANGE -> new Problem(Problem.TYPE_BASE + "number-out-of-range", "Bad request", 400, e.getMessage(),
                    request.path(), List.of(new Problem.Error(e.pointer(), null, "range", e.getMessage())));
        });
    }

    @ServerExceptionMapper
    public Response notFound(StoreExceptions.RecordNotFound e, HttpServerRequest request) {
        return respond(new Problem(Problem.TYPE_BASE + "not-found", "Not found", 404, e.getMessage(), request.path(), List.of()));
    }

    @ServerExceptionMapper
    public Response stale(StoreExceptions.StaleVersion e, HttpServerRequest request) {
        Response.ResponseBuilder builder = Response.status(412).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + "precondition-failed", "Record changed meanwhile", 412,
                        e.getMessage(), request.path(), List.of()));
        return builder.header(HttpHeaders.ETAG, RecordResponses.etag(e.current())).build();
    }

    @ServerExceptionMapper
    public Response unique(StoreExceptions.UniqueConflict e, HttpServerRequest request) {
        List<Problem.Error> errors = e.violations().stream()
                .map(v -> new Problem.Error(v.pointer(), null, v.code(), v.message())).toList();
        return respond(new Problem(Problem.TYPE_BASE + "conflict", "Conflict", 409, e.getMessage(), request.path(), errors));
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        String detail = io.prmos.engine.security.TokenClaims.isRefusal(e)
                || (e instanceof io.quarkus.security.AuthenticationFailedException && e.getMessage() != null && e.getMessage().contains("tenant"))
                ? e.getMessage()
                : "a valid bearer token (Authorization: Bearer …) or API key (Authorization: ApiKey …) is required";
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer, ApiKey")
                .entity(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401, detail, request.path(), List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "your roles do not allow this", request.path(), List.of()));
    }

    @ServerExceptionMapper
    public Response notPermitted(StoreExceptions.NotPermitted e, HttpServerRequest request) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403, e.getMessage(), request.path(), List.of()));
    }

    @ServerExceptionMapper
    public Response publish(io.prmos.engine.registry.PublishException e, HttpServerRequest request) {
        if (e.kind() == io.prmos.engine.registry.PublishException.Kind.NOT_FOUND) {
            return respond(new Problem(Problem.TYPE_BASE + "not-found", "Not found", 404, e.getMessage(), request.path(), List.of()));
        }
        if (e.kind() == io.prmos.engine.registry.PublishException.Kind.INVALID) {
            return Response.status(422).type(Problem.MEDIA_TYPE).entity(new ManifestProblemBody(Problem.TYPE_BASE + "invalid-manifest",
                    "Invalid manifest", 422, e.getMessage(), request.path(), e.problems())).build();
        }
        List<Problem.Error> errors = e.refusals().stream().map(r -> new Problem.Error(null, null, "refused", r)).toList();
        if (e.kind() == io.prmos.engine.registry.PublishException.Kind.UNCERTIFIED) {
            return respond(new Problem(Problem.TYPE_BASE + "certification-refused", "Certification refused", 409, e.getMessage(),
                    request.path(), errors));
        }
        return respond(new Problem(Problem.TYPE_BASE + "breaking-change", "Change refused", 409, e.getMessage(), request.path(), errors));
    }

    /** problem+json whose errors carry the manifest location: file, line, column, pointer, message. */
    record ManifestProblemBody(String type, String title, int status, String detail, String instance,
                               List<io.prmos.metadata.load.ManifestProblem> errors) {
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem(Problem.TYPE_BASE + "http-" + status, title, status, title, request.path(), List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s %s (incident %s)", request.method(), request.path(), incident);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "the server failed to handle this request; incident " + incident, request.path(), List.of()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
