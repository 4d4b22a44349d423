package io.prmos.engine.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.events.EventLog;
import io.prmos.engine.hooks.HookEvents;
import io.prmos.engine.query.ListQuery;
import io.prmos.engine.query.ListQueryParser;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.store.TenantTransactions;
import io.prmos.engine.store.TransactionRecords;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.engine.validation.WriteMode;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fixtures, injected events and unfiltered reads for {@code prm test} (docs/module-teams.md). Writes
 * go through the ordinary write path as the system caller {@code test-fixture} of the given tenant —
 * validation, hooks, rules and the outbox run, permissions do not — like a seeded database would.
 */
@Path("/api/test-support")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TestSupportResource {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @ConfigProperty(name = "prm.test-support.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    CallerResolver callers;

    @Inject
    CatalogHolder catalogs;

    @Inject
    TenantTransactions transactions;

    @Inject
    TransactionRecords records;

    @Inject
    RecordValidator validator;

    @Inject
    HookEvents events;

    @Inject
    Pool pool;

    /** {@code {tenant, entity: "module.Entity", values}} → 201 with the record as written. */
    @POST
    @Path("records")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(JsonNode body) {
        Caller system = system(body);
        Catalog catalog = catalogs.current();
        EntityDescriptor entity = entity(catalog, text(body, "entity"));
        JsonNode values = body.path("values").isObject() ? body.get("values") : JsonNodeFactory.instance.objectNode();
        Set<String> all = new HashSet<>();
        entity.fields().forEach(f -> all.add(f.name()));
        var typed = validator.validate(catalog.module(entity.module()).orElseThrow(), entity, (ObjectNode) values,
                WriteMode.CREATE, "", all, all);
        return transactions.run(system, c -> records.create(c, system, catalog, entity, typed))
                .map(record -> Response.status(201).entity(record).build());
    }

    /** The tenant's live records of an entity, unfiltered by permissions, optionally matching {@code filter}. */
    @GET
    @Path("records/{module}/{entity}")
    public Uni<JsonNode> find(@PathParam("module") String module, @PathParam("entity") String entityName,
                              @QueryParam("tenant") String tenant, @QueryParam("filter") String filter,
                              @QueryParam("limit") @DefaultValue("100") String limit) {
        Caller system = system(tenant);
        EntityDescriptor entity = entity(catalogs.current(), module + "." + entityName);
        Set<String> visible = TransactionRecords.system(entity).projection();
        ListQuery page = ListQueryParser.parse(entity, visible, null, null, limit, null, null, null);
        ListQuery query = new ListQuery(rule(entity, filter, system), page.sort(), page.limit(), page.after(), page.fields(),
                page.total(), page.sortSignature(), page.deleted());
        return transactions.run(system, c -> records.find(c, system, entity, query)).map(found -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            found.forEach(out.putArray("items")::add);
            return out;
        });
    }

    /** {@code {tenant, type: "module.Event", payload}}: emitted as the system, validated against the event's schema → 202. */
    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> emit(JsonNode body) {
        Caller system = system(body);
        String type = text(body, "type");
        JsonNode payload = body.path("payload").isObject() ? body.get("payload") : JsonNodeFactory.instance.objectNode();
        @SuppressWarnings("unchecked")
        Map<String, Object> values = JSON.convertValue(payload, Map.class);
        return transactions.run(system, c -> events.emit(c, system, type, values))
                .map(x -> Response.status(202).entity(JsonNodeFactory.instance.objectNode().put("type", type)).build());
    }

    /** The tenant's events after {@code after}, every type, unfiltered: {@code {items: [envelope…], next}}. */
    @GET
    @Path("events")
    public Uni<JsonNode> events(@QueryParam("tenant") String tenant, @QueryParam("after") @DefaultValue("0") long after,
                                @QueryParam("limit") @DefaultValue("500") int limit) {
        system(tenant);
        return EventLog.afterForTenant(pool, tenant, after, Math.min(Math.max(limit, 1), 1000)).map(found -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            var items = out.putArray("items");
            long next = after;
            for (var event : found) {
                items.add(event.envelope());
                next = Math.max(next, event.position());
            }
            return out.put("next", next);
        });
    }

    /** The filter bound like a permission rule: any field of the entity, filterable or not (the harness is not a client). */
    private static java.util.Optional<io.prmos.engine.query.BoundFilter> rule(EntityDescriptor entity, String filter, Caller system) {
        if (filter == null || filter.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(io.prmos.engine.query.RuleBinder.bind(entity, io.prmos.metadata.filter.FilterParser.parse(filter),
                    new io.prmos.engine.query.RuleBinder.Principal(system.user(), system.userName(), system.tenant(), system.roles())));
        } catch (io.prmos.engine.query.QueryException e) {
            throw e;
        } catch (io.prmos.metadata.filter.FilterSyntaxException e) {
            throw new io.prmos.engine.query.QueryException("filter", e.getMessage(), e.position());
        } catch (RuntimeException e) {
            throw new io.prmos.engine.query.QueryException("filter", String.valueOf(e.getMessage()));
        }
    }

    private Caller system(JsonNode body) {
        return system(body == null ? null : body.path("tenant").asText(null));
    }

    /** Enabled, asked by an operator, for a named tenant: the system caller that writes and reads there. */
    private Caller system(String tenant) {
        if (!enabled) {
            throw ApiProblem.notFound("test support is not enabled on this engine");
        }
        if (!callers.current().isPlatformOperator()) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "test support needs the role " + Caller.PLATFORM_OPERATOR_ROLE, List.of());
        }
        if (tenant == null || tenant.isBlank()) {
            throw new ApiProblem(422, "validation", "Invalid request", "name the tenant",
                    List.of(new io.prmos.engine.api.Problem.Error("/tenant", null, "required", "a tenant is required")));
        }
        return new Caller(tenant, "test-fixture", "test fixture", Set.of());
    }

    private static String text(JsonNode body, String key) {
        if (body == null || !body.path(key).isTextual()) {
            throw new ApiProblem(422, "validation", "Invalid request", key + " is required",
                    List.of(new io.prmos.engine.api.Problem.Error("/" + key, null, "required", key + " is required")));
        }
        return body.get(key).asText();
    }

    private static EntityDescriptor entity(Catalog catalog, String qualified) {
        int dot = qualified.indexOf('.');
        return (dot < 0 ? java.util.Optional.<EntityDescriptor>empty() : catalog.module(qualified.substring(0, dot))
                .flatMap(m -> m.entities().stream().filter(e -> e.name().equals(qualified.substring(dot + 1))).findFirst()))
                .orElseThrow(() -> ApiProblem.notFound("no installed entity " + qualified));
    }
}
