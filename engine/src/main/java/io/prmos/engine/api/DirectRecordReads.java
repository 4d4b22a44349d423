package io.prmos.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.security.RequestIds;
import io.prmos.engine.store.RecordReader;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API's most frequent request, {@code GET /api/v1/{module}/{entity}/{uuid}} without query
 * parameters, answered on the Vert.x route directly (docs/adr/0093): the same identity (the request's
 * deferred authentication), the same permission decision, the same statement and row mapping as
 * {@link RecordResource#get}, without the REST layer's per-request machinery (resource matching,
 * interceptors, the CDI request context, context propagation), which cost more CPU than the read itself.
 *
 * <p>Only the plain success is answered here. Everything else — no or a bad identity, an unknown
 * entity, a role that may not read, a record that is not there or not visible, a public id, query
 * parameters, any failure — goes on to {@link RecordResource}, untouched, which answers it as it
 * always has (401, 403, 404 problem+json…). So this route can only ever add a faster 200, never a
 * different answer.
 */
@ApplicationScoped
public class DirectRecordReads {

    /** After {@link RequestGate} (-3) and Quarkus's body limit (-2), before static resources and the REST layer. */
    static final int ORDER = -1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    @Inject
    CatalogHolder catalogs;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordReader reader;

    @ConfigProperty(name = "prm.api.direct-reads", defaultValue = "true")
    boolean enabled;

    private final LongAdder answered = new LongAdder();

    void install(@Observes Router router) {
        if (enabled) {
            router.get("/api/v1/:module/:entity/:id").order(ORDER).handler(this::read);
        }
    }

    private void read(RoutingContext context) {
        String module = context.pathParam("module");
        String id = context.pathParam("id");
        if (context.request().query() != null || id.length() != 36 || KernelPaths.V1_COLLECTIONS.contains(module)) {
            context.next();
            return;
        }
        Context home = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe()
                .with(identity -> onHome(home, () -> answer(home, context, identity, module, context.pathParam("entity"), id)),
                        failure -> onHome(home, context::next));
    }

    /** Continues on the request's own context, whatever thread a result arrived on. */
    private static void onHome(Context home, Runnable step) {
        if (home == null || Vertx.currentContext() == home) {
            step.run();
        } else {
            home.runOnContext(ignored -> step.run());
        }
    }

    private void answer(Context home, RoutingContext context, SecurityIdentity identity, String module, String entityPath, String id) {
        try {
            Optional<Read> read = plan(context, identity, module, entityPath, id);
            if (read.isEmpty()) {
                context.next();
                return;
            }
            Read r = read.get();
            reader.get(r.caller(), r.entity(), r.id(), r.auth().access(r.decision())).subscribe()
                    .with(found -> onHome(home, () -> respond(context, r.entity(), found)), failure -> onHome(home, () -> passOn(context)));
        } catch (RuntimeException e) {
            passOn(context);
        }
    }

    /** What to read, or empty when the REST layer should answer (it knows every way of saying no). */
    private Optional<Read> plan(RoutingContext context, SecurityIdentity identity, String module, String entityPath, String id) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Caller caller = CallerResolver.of(identity).withRequestId(RequestIds.of(context));
        Catalog catalog = catalogs.forTenant(caller.tenant());
        Optional<EntityDescriptor> entity = catalog.entity(module, entityPath);
        UUID uuid = uuid(id);
        if (entity.isEmpty() || uuid == null) {
            return Optional.empty();
        }
        Authorizer auth = new Authorizer(evaluator, catalog, caller, entity.get());
        AccessDecision read = auth.read();
        return read.allowed() ? Optional.of(new Read(caller, entity.get(), uuid, auth, read)) : Optional.empty();
    }

    private void respond(RoutingContext context, EntityDescriptor entity, Optional<ObjectNode> found) {
        if (found.isEmpty()) {
            context.next();
            return;
        }
        ObjectNode record = found.get();
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(record);
        } catch (JsonProcessingException | RuntimeException e) {
            passOn(context);
            return;
        }
        var response = context.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE);
        if (entity.options().optimisticLock()) {
            response.putHeader(HttpHeaders.ETAG, RecordResponses.etag(record.get("version").asLong()));
        }
        answered.increment();
        response.end(Buffer.buffer(body));
    }

    /** How many requests this route has answered itself. */
    long answered() {
        return answered.sum();
    }

    private static void passOn(RoutingContext context) {
        if (!context.response().headWritten()) {
            context.next();
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Read(Caller caller, EntityDescriptor entity, UUID id, Authorizer auth, AccessDecision decision) {
    }
}
