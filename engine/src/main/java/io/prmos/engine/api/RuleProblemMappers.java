package io.prmos.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prmos.engine.hooks.HookFailure;
import io.prmos.engine.workflow.TransitionRefused;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** problem+json for hooks that refused, failed or timed out, and for refused workflow transitions. */
public class RuleProblemMappers {

    private static final Logger LOG = Logger.getLogger(RuleProblemMappers.class);

    @ServerExceptionMapper
    public Response hook(HookFailure e, HttpServerRequest request) {
        if (e.status() >= 500) {
            LOG.warnf(e.getCause(), "%s %s: %s", request.method(), request.path(), e.getMessage());
        }
        List<Problem.Error> errors = e.violations().stream()
                .map(v -> new Problem.Error(v.pointer(), null, v.code(), v.message())).toList();
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(new HookProblem(Problem.TYPE_BASE + e.type(),
                title(e.status()), e.status(), e.getMessage(), request.path(), e.hookId(), errors)).build();
    }

    @ServerExceptionMapper
    public Response transition(TransitionRefused e, HttpServerRequest request) {
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(new TransitionProblem(Problem.TYPE_BASE + e.type(),
                title(e.status()), e.status(), e.getMessage(), request.path(), e.state(),
                e.status() == 409 ? e.allowed() : null)).build();
    }

    private static String title(int status) {
        switch (status) {
            case 403: return "Forbidden";
            case 409: return "Transition not allowed";
            case 422: return "Refused";
            case 504: return "Hook timed out";
            default: return "Hook failed";
        }
    }

    /** A hook's problem names the hook ({@code hook}). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record HookProblem(String type, String title, int status, String detail, String instance, String hook,
                              List<Problem.Error> errors) {
    }

    /** A refused transition tells the record's state and the transitions allowed from it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransitionProblem(String type, String title, int status, String detail, String instance, String state,
                                    List<String> allowed) {
    }
}
