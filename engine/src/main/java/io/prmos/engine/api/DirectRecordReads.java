package io.prmos.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.ListQuery;
import io.prmos.engine.query.ListQueryParser;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.RequestIds;
import io.prmos.engine.store.RecordReader;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's most frequent reads answered on the Vert.x route directly (docs/adr/0093): a get by uuid
 * without query parameters, and a list page whose parameters are the plain ones ({@code filter, sort,
 * limit, cursor, fields, total, deleted}). The same identity (the request's deferred authentication),
 * the same permission decision, query parser, statements and row mapping as {@link RecordResource},
 * without the REST layer's per-request machinery (resource matching, interceptors, the CDI request
 * context, context propagation), which cost more CPU than the read itself.
 *
 * <p>Only the plain success is answered here. Everything else — no or a bad identity, an unknown
 * entity, a role that may not read, a record that is not there or not visible, a public id, a bad or
 * unusual parameter, {@code expand}, any failure — goes on to {@link RecordResource}, untouched, which
 * answers it as it always has (401, 400, 403, 404 problem+json…). So these routes can only ever add a
 * faster 200, never a different answer.
 */
@ApplicationScoped
public class DirectRecordReads {

    /** After {@link RequestGate} (-3) and Quarkus's body limit (-2), before static resources and the REST layer. */
    static final int ORDER = -1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final Set<String> LIST_PARAMETERS = Set.of("filter", "sort", "limit", "cursor", "fields", "total", "deleted");

    @Inject
    Targets targets;

    @Inject
    RecordReader reader;

    @ConfigProperty(name = "prm.api.direct-reads", defaultValue = "true")
    boolean enabled;

    private final LongAdder answered = new LongAdder();

    /** What a read needs once the caller and the entity are known; empty = let the REST layer answer. */
    private interface Work extends Function<Plan, Optional<Uni<Optional<ObjectNode>>>> {
    }

    private record Plan(Caller caller, EntityDescriptor entity, Authorizer auth, AccessDecision read) {
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.get("/api/v1/:module/:entity/:id").order(ORDER).handler(this::get);
            router.get("/api/v1/:module/:entity").order(ORDER).handler(this::list);
        }
    }

    private void get(RoutingContext context) {
        UUID id = uuid(context.pathParam("id"));
        if (context.request().query() != null || id == null) {
            context.next();
            return;
        }
        answer(context, plan -> Optional.of(reader.get(plan.caller(), plan.entity(), id, plan.auth().access(plan.read()))));
    }

    private void list(RoutingContext context) {
        MultiMap q;
        try {
            q = context.queryParams();
        } catch (RuntimeException e) {
            context.next(); // a malformed query string: the resource answers it
            return;
        }
        if (!LIST_PARAMETERS.containsAll(q.names()) || q.size() != q.names().size()) {
            context.next(); // expand, unknown or repeated parameters
            return;
        }
        answer(context, plan -> {
            ListQuery query = ListQueryParser.parse(plan.entity(), plan.read().visibleFields(), q.get("filter"), q.get("sort"),
                    q.get("limit"), q.get("cursor"), q.get("fields"), q.get("total"), q.get("deleted"));
            return Optional.of(reader.list(plan.caller(), plan.entity(), query, plan.auth().access(plan.read()))
                    .map(page -> Optional.of(RecordResource.pageJson(page))));
        });
    }

    private void answer(RoutingContext context, Work work) {
        String module = context.pathParam("module");
        if (KernelPaths.V1_COLLECTIONS.contains(module)) {
            context.next();
            return;
        }
        Context home = Vertx.currentContext();
        io.prmos.engine.web.AuthFailureHandover.withdraw(context); // a failed identity is the resource's to answer
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(
                identity -> onHome(home, () -> start(home, context, identity, module, context.pathParam("entity"), work)),
                failure -> onHome(home, context::next));
    }

    private void start(Context home, RoutingContext context, SecurityIdentity identity, String module, String entity, Work work) {
        try {
            Optional<Plan> plan = plan(context, identity, module, entity);
            Optional<Uni<Optional<ObjectNode>>> read = plan.flatMap(work);
            if (read.isEmpty()) {
                context.next();
                return;
            }
            // a record carries its version as an ETag when the entity locks optimistically; a page does not
            boolean etag = context.pathParam("id") != null && plan.get().entity().options().optimisticLock();
            read.get().subscribe().with(found -> onHome(home, () -> respond(context, found, etag)),
                    failure -> onHome(home, () -> passOn(context)));
        } catch (RuntimeException e) {
            passOn(context); // a bad parameter, a refusal: the resource says it properly
        }
    }

    /** The caller's read of the entity, or empty when the REST layer should answer (it knows every way of saying no). */
    private Optional<Plan> plan(RoutingContext context, SecurityIdentity identity, String module, String entityPath) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Caller caller = CallerResolver.of(identity).withRequestId(RequestIds.of(context));
        return targets.find(caller, module, entityPath).flatMap(t -> {
            AccessDecision read = t.auth().read();
            return read.allowed() ? Optional.of(new Plan(caller, t.entity(), t.auth(), read)) : Optional.empty();
        });
    }

    private void respond(RoutingContext context, Optional<ObjectNode> found, boolean etag) {
        if (found.isEmpty()) {
            context.next();
            return;
        }
        ObjectNode body = found.get();
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            passOn(context);
            return;
        }
        var response = context.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE);
        if (etag) {
            response.putHeader(HttpHeaders.ETAG, RecordResponses.etag(body.get("version").asLong()));
        }
        answered.increment();
        response.end(Buffer.buffer(bytes));
    }

    /** Continues on the request's own context, whatever thread a result arrived on. */
    private static void onHome(Context home, Runnable step) {
        if (home == null || Vertx.currentContext() == home) {
            step.run();
        } else {
            home.runOnContext(ignored -> step.run());
        }
    }

    private static void passOn(RoutingContext context) {
        if (!context.response().headWritten()) {
            context.next();
        }
    }

    private static UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How many requests these routes have answered themselves. */
    long answered() {
        return answered.sum();
    }
}
