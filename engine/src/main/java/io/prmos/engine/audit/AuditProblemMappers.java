package io.prmos.engine.audit;

import io.prmos.engine.api.Problem;
import io.prmos.engine.store.StoreExceptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A delete or purge refused because other records reference the record: 409 with who references it. */
public class AuditProblemMappers {

    @ServerExceptionMapper
    public Response stillReferenced(StoreExceptions.StillReferenced e, HttpServerRequest request) {
        List<Problem.Error> errors = e.referencedBy().stream()
                .map(ref -> new Problem.Error(null, null, "referenced", "referenced by " + ref)).toList();
        Problem problem = new Problem(Problem.TYPE_BASE + "still-referenced", "Still referenced", 409, e.getMessage(),
                request.path(), errors);
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
