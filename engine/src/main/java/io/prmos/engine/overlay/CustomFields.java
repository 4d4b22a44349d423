package io.prmos.engine.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.schema.CustomFieldStorage;
import io.prmos.engine.schema.OverlayRows;
import io.prmos.engine.schema.OverlayRows.StoredField;
import io.prmos.engine.schema.RegistryRows;
import io.prmos.engine.schema.SchemaMigrator;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.OverlayData;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.overlay.CustomField;
import io.prmos.metadata.overlay.CustomFieldCheck;
import io.prmos.metadata.overlay.ModuleText;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Adds, relabels and removes a tenant's custom fields. A change is checked like a manifest field
 * ({@link CustomFieldCheck}), then the storage DDL (if any), the kernel row and a NOTIFY commit in
 * one transaction under the schema lock, so it never interleaves with a publish.
 */
@ApplicationScoped
public class CustomFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    CatalogHolder holder;

    @Inject
    TenantCatalogs tenants;

    @Inject
    OverlayData data;

    /** The outcome of a change: the field document and the DDL it ran (or would run on a dry run). */
    public record Outcome(JsonNode field, List<String> statements, boolean applied) {
    }

    public List<JsonNode> list(String tenant) {
        return tenants.stored(tenant).fields().stream().map(r -> (JsonNode) document(r)).toList();
    }

    public Uni<Outcome> add(Caller caller, JsonNode body, boolean dryRun) {
        String entityRef = body.path("entity").asText(null);
        String name = body.path("name").asText(null);
        return pool.withTransaction(c -> locked(c).flatMap(installed -> {
            CustomField field = checked(installed, entityRef, name, body.get("field"), body.get("access"));
            if (find(caller.tenant(), field.qualifiedEntity(), field.name()).isPresent()) {
                throw new ApiProblem(409, "custom-field-exists", "Conflict", "'" + name + "' is already a custom field of "
                        + field.qualifiedEntity(), List.of());
            }
            EntityDescriptor entity = baseEntity(field.module(), field.entity());
            StoredField row = new StoredField(caller.tenant(), field.module(), field.entity(), field.name(),
                    body.get("field").toString(), access(body));
            return CustomFieldStorage.hasColumn(c, entity).flatMap(has -> {
                List<String> ddl = CustomFieldStorage.statements(entity, FieldDescriptor.custom(field.def()));
                List<String> statements = has ? ddl.subList(1, ddl.size()) : ddl;
                if (dryRun) {
                    return Uni.createFrom().item(new Outcome(document(row), statements, false));
                }
                return CustomFieldStorage.apply(c, statements)
                        .flatMap(x -> OverlayRows.insertField(c, row, caller.user()))
                        .flatMap(x -> OverlayRows.notifyChange(c, caller.tenant()))
                        .replaceWith(new Outcome(document(row), statements, true));
            });
        })).call(outcome -> outcome.applied() ? tenants.reload(caller.tenant()) : Uni.createFrom().voidItem());
    }

    /** Changes what does not touch stored values: label, description and per-role access. */
    public Uni<Outcome> change(Caller caller, String entityRef, String name, JsonNode body) {
        StoredField current = find(caller.tenant(), entityRef, name).orElseThrow(() -> missing(entityRef, name));
        ObjectNode definition = (ObjectNode) parse(current.definition());
        body.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "label", "description" -> definition.set(e.getKey(), e.getValue());
                case "access" -> { }
                default -> throw new ApiProblem(422, "invalid-custom-field", "Invalid custom field", "only label, description"
                        + " and access can change; remove the field and add a new one to change '" + e.getKey() + "'",
                        List.of(new Problem.Error("/" + e.getKey(), null, "immutable", "cannot be changed")));
            }
        });
        JsonNode access = body.has("access") ? body.get("access") : parse(current.access());
        return pool.withTransaction(c -> locked(c).flatMap(installed -> {
            checked(installed, entityRef, name, definition, access);
            StoredField row = new StoredField(caller.tenant(), current.module(), current.entity(), name, definition.toString(),
                    access.toString());
            return OverlayRows.updateField(c, row, caller.user())
                    .flatMap(x -> OverlayRows.notifyChange(c, caller.tenant()))
                    .replaceWith(new Outcome(document(row), List.of(), true));
        })).call(x -> tenants.reload(caller.tenant()));
    }

    /** Removes the field and, unless this is a dry run, its values from the tenant's records. */
    public Uni<JsonNode> remove(Caller caller, String entityRef, String name, boolean dryRun) {
        StoredField current = find(caller.tenant(), entityRef, name).orElseThrow(() -> missing(entityRef, name));
        EntityDescriptor entity = baseEntity(current.module(), current.entity());
        Uni<Long> values = dryRun ? data.countValues(caller, entity, name) : data.removeValues(caller, entity, name);
        return values.flatMap(count -> {
            ObjectNode out = document(current).put(dryRun ? "recordsWithValue" : "valuesRemoved", count).put("dryRun", dryRun);
            if (dryRun) {
                return Uni.createFrom().item((JsonNode) out);
            }
            return pool.withTransaction(c -> OverlayRows.deleteField(c, caller.tenant(), current.module(), current.entity(), name)
                            .flatMap(x -> OverlayRows.notifyChange(c, caller.tenant())))
                    .call(x -> tenants.reload(caller.tenant())).replaceWith((JsonNode) out);
        });
    }

    private Uni<List<ModuleText>> locked(SqlConnection c) {
        return RegistryRows.lock(c, SchemaMigrator.SCHEMA_LOCK).flatMap(x -> RegistryRows.active(c))
                .map(rows -> rows.stream().map(r -> new ModuleText(r.module(), r.file(), r.source())).toList());
    }

    private CustomField checked(List<ModuleText> installed, String entityRef, String name, JsonNode field, JsonNode access) {
        Set<String> roles = new HashSet<>();
        holder.current().modules().forEach(m -> roles.addAll(m.manifest().roles().keySet()));
        CustomFieldCheck.Result result = new CustomFieldCheck().check(installed, entityRef, name, field, access, roles);
        if (!result.ok()) {
            throw new ApiProblem(422, "invalid-custom-field", "Invalid custom field", result.problems().size()
                    + " problem(s) in the custom field", result.problems().stream()
                    .map(p -> new Problem.Error(p.pointer(), null, "invalid", p.message())).toList());
        }
        return result.field().orElseThrow();
    }

    private Optional<StoredField> find(String tenant, String entityRef, String name) {
        return tenants.stored(tenant).fields().stream()
                .filter(f -> (f.module() + "." + f.entity()).equals(entityRef) && f.name().equals(name)).findFirst();
    }

    private EntityDescriptor baseEntity(String module, String entity) {
        return holder.current().module(module).map(m -> m.entitiesByName().get(entity))
                .orElseThrow(() -> ApiProblem.notFound("entity " + module + "." + entity + " is not installed"));
    }

    private static ApiProblem missing(String entityRef, String name) {
        return ApiProblem.notFound("no custom field '" + name + "' on " + entityRef);
    }

    private static String access(JsonNode body) {
        JsonNode access = body.get("access");
        return access == null || access.isNull() ? "{}" : access.toString();
    }

    static ObjectNode document(StoredField row) {
        ObjectNode out = JSON.createObjectNode();
        out.put("entity", row.module() + "." + row.entity());
        out.put("name", row.name());
        out.set("field", parse(row.definition()));
        out.set("access", parse(row.access()));
        return out;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
