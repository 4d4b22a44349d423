package io.prmos.engine.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.schema.OverlayRows;
import io.prmos.engine.schema.OverlayRows.StoredValue;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.OverlayData;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.naming.Names;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tenant's values of an extensible dictionary: add, relabel, reorder, deactivate, reactivate and
 * delete. Deactivated values stay valid on the records that hold them and in filters, but new
 * writes may not set them. Only values the tenant added can be deleted, and only while no record of
 * the tenant uses them (module values can be deactivated instead).
 */
@ApplicationScoped
public class Dictionaries {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @Inject
    CatalogHolder holder;

    @Inject
    TenantCatalogs tenants;

    @Inject
    OverlayData data;

    public JsonNode list(Caller caller, String ref) {
        EffectiveDictionary d = effective(caller, ref);
        ObjectNode out = JSON.createObjectNode();
        out.put("dictionary", ref);
        ArrayNode items = out.putArray("items");
        d.entries().forEach(e -> items.addObject().put("code", e.code()).put("label", e.label()).put("active", e.active())
                .put("origin", e.added() ? "tenant" : "module"));
        return out;
    }

    public Uni<JsonNode> add(Caller caller, String ref, JsonNode body) {
        EffectiveDictionary d = effective(caller, ref);
        String code = body.path("code").asText("");
        if (!Names.isIdentifier(code) || Names.isReservedWord(code)) {
            throw invalid("/code", "a code is lowercase letters, digits and underscores, starting with a letter, and not a "
                    + "reserved SQL word; got '" + code + "'");
        }
        if (d.entry(code).isPresent()) {
            throw new ApiProblem(409, "dictionary-value-exists", "Conflict", "'" + code + "' is already a value of " + ref, List.of());
        }
        String label = body.hasNonNull("label") ? body.get("label").asText() : Names.humanize(code);
        int position = d.entries().stream().mapToInt(EffectiveDictionary.Entry::position).max().orElse(0) + 1000;
        return save(caller, new StoredValue(caller.tenant(), d.module(), d.declared().name(), code, label, position, true, true))
                .map(x -> list(caller, ref));
    }

    /** Relabels, deactivates ({@code "active": false}) or reactivates a value. */
    public Uni<JsonNode> change(Caller caller, String ref, String code, JsonNode body) {
        EffectiveDictionary d = effective(caller, ref);
        EffectiveDictionary.Entry entry = d.entry(code).orElseThrow(() -> ApiProblem.notFound("no value '" + code + "' in " + ref));
        if (body.has("active") && !body.get("active").isBoolean()) {
            throw invalid("/active", "expected true or false");
        }
        String label = body.hasNonNull("label") ? body.get("label").asText() : entry.label();
        boolean active = body.has("active") ? body.get("active").asBoolean() : entry.active();
        return save(caller, new StoredValue(caller.tenant(), d.module(), d.declared().name(), code, label, entry.position(), active,
                entry.added())).map(x -> list(caller, ref));
    }

    /** Puts the values in the given order; every code must be listed exactly once. */
    public Uni<JsonNode> reorder(Caller caller, String ref, JsonNode body) {
        EffectiveDictionary d = effective(caller, ref);
        List<String> order = new ArrayList<>();
        body.path("order").forEach(n -> order.add(n.asText()));
        Set<String> known = new HashSet<>();
        d.entries().forEach(e -> known.add(e.code()));
        if (order.size() != known.size() || !known.equals(new HashSet<>(order))) {
            throw invalid("/order", "list every code of " + ref + " exactly once: " + d.entries().stream()
                    .map(EffectiveDictionary.Entry::code).toList());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<StoredValue> rows = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            EffectiveDictionary.Entry e = d.entry(order.get(i)).orElseThrow();
            rows.add(new StoredValue(caller.tenant(), d.module(), d.declared().name(), e.code(), e.label(), (i + 1) * 1000,
                    e.active(), e.added()));
        }
        return pool.withTransaction(c -> {
            Uni<Void> writes = chain;
            for (StoredValue row : rows) {
                writes = writes.flatMap(x -> OverlayRows.upsertValue(c, row, caller.user()));
            }
            return writes.flatMap(x -> OverlayRows.notifyChange(c, caller.tenant()));
        }).call(x -> tenants.reload(caller.tenant())).map(x -> list(caller, ref));
    }

    public Uni<Void> delete(Caller caller, String ref, String code) {
        EffectiveDictionary d = effective(caller, ref);
        EffectiveDictionary.Entry entry = d.entry(code).orElseThrow(() -> ApiProblem.notFound("no value '" + code + "' in " + ref));
        if (!entry.added()) {
            throw new ApiProblem(409, "dictionary-value-declared", "Conflict", "'" + code + "' is declared by module " + d.module()
                    + "; deactivate it instead (PATCH with {\"active\": false})", List.of());
        }
        Catalog catalog = holder.forTenant(caller.tenant());
        List<EntityDescriptor> entities = catalog.module(d.module()).map(m -> List.copyOf(m.entities())).orElse(List.of());
        return data.countDictionaryUse(caller, entities, d.declared().name(), code).flatMap(used -> {
            if (used > 0) {
                throw new ApiProblem(409, "dictionary-value-in-use", "Conflict", "'" + code + "' is used by " + used
                        + " record(s); change them or deactivate the value instead", List.of());
            }
            return pool.withTransaction(c -> OverlayRows.deleteValue(c, caller.tenant(), d.module(), d.declared().name(), code)
                    .flatMap(x -> OverlayRows.notifyChange(c, caller.tenant()))).call(x -> tenants.reload(caller.tenant()));
        }).replaceWithVoid();
    }

    private Uni<Void> save(Caller caller, StoredValue row) {
        return pool.withTransaction(c -> OverlayRows.upsertValue(c, row, caller.user())
                .flatMap(x -> OverlayRows.notifyChange(c, caller.tenant()))).call(x -> tenants.reload(caller.tenant()));
    }

    private EffectiveDictionary effective(Caller caller, String ref) {
        int dot = ref.indexOf('.');
        ModuleDescriptor module = dot < 0 ? null : holder.current().module(ref.substring(0, dot)).orElse(null);
        DictionaryDef declared = module == null ? null : module.dictionary(ref.substring(dot + 1)).orElse(null);
        if (declared == null) {
            throw ApiProblem.notFound("no dictionary " + ref + "; name it module.dictionary");
        }
        if (!declared.extensible()) {
            throw new ApiProblem(409, "dictionary-not-extensible", "Conflict", "dictionary " + ref
                    + " is not extensible; its module must declare it with extensible: true", List.of());
        }
        return EffectiveDictionary.of(module.name(), declared, tenants.stored(caller.tenant()).values());
    }

    private static ApiProblem invalid(String pointer, String message) {
        return new ApiProblem(422, "invalid-dictionary-value", "Invalid dictionary value", message,
                List.of(new Problem.Error(pointer, null, "invalid", message)));
    }
}
