package io.prmos.engine.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.engine.schema.OverlayRows;
import io.prmos.engine.schema.OverlayRows.StoredField;
import io.prmos.engine.schema.OverlayRows.StoredValue;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.catalog.TenantCatalogCompiler;
import io.prmos.metadata.load.FieldDefinitions;
import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.overlay.CustomField;
import io.prmos.metadata.overlay.TenantOverlay;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every tenant's overlay, held in memory (definitions are small) and compiled on demand into the
 * tenant's view of the active catalog. A view is cached until the active catalog or the tenant's
 * overlay changes; a tenant without an overlay sees the active catalog itself.
 */
@ApplicationScoped
public class TenantCatalogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What is stored for one tenant; {@code revision} changes with every reload. */
    record Stored(long revision, List<StoredField> fields, List<StoredValue> values) {
        static final Stored NONE = new Stored(0, List.of(), List.of());
    }

    private record View(Catalog base, Stored stored, Catalog catalog) {
    }

    @Inject
    Pool pool;

    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    private final Map<String, View> views = new ConcurrentHashMap<>();
    private final AtomicLong revisions = new AtomicLong();
    private final TenantCatalogCompiler compiler = new TenantCatalogCompiler();

    /** The tenant's view of {@code base}: custom fields, per-role access and effective dictionaries applied. */
    public Catalog view(Catalog base, String tenant) {
        Stored mine = stored.getOrDefault(tenant, Stored.NONE);
        if (mine.fields().isEmpty() && mine.values().isEmpty()) {
            return base;
        }
        View view = views.get(tenant);
        if (view == null || view.base() != base || view.stored() != mine) {
            view = new View(base, mine, compiler.compile(base, overlay(base, tenant, mine)));
            views.put(tenant, view);
        }
        return view.catalog();
    }

    /** Loads every tenant's overlay (start-up). */
    public Uni<Void> loadAll() {
        return pool.withConnection(c -> OverlayRows.fields(c, null)
                .flatMap(fields -> OverlayRows.values(c, null).map(values -> {
                    Map<String, List<StoredField>> f = new LinkedHashMap<>();
                    Map<String, List<StoredValue>> v = new LinkedHashMap<>();
                    fields.forEach(x -> f.computeIfAbsent(x.tenant(), k -> new ArrayList<>()).add(x));
                    values.forEach(x -> v.computeIfAbsent(x.tenant(), k -> new ArrayList<>()).add(x));
                    java.util.Set<String> tenants = new java.util.HashSet<>(f.keySet());
                    tenants.addAll(v.keySet());
                    stored.clear();
                    tenants.forEach(t -> stored.put(t, new Stored(revisions.incrementAndGet(),
                            f.getOrDefault(t, List.of()), v.getOrDefault(t, List.of()))));
                    return null;
                })));
    }

    /** Re-reads one tenant's overlay (after a change here, or a NOTIFY from another instance). */
    public Uni<Void> reload(String tenant) {
        return pool.withConnection(c -> OverlayRows.fields(c, tenant)
                .flatMap(fields -> OverlayRows.values(c, tenant).map(values -> {
                    stored.put(tenant, new Stored(revisions.incrementAndGet(), fields, values));
                    return null;
                })));
    }

    /** The stored rows of a tenant, for the admin endpoints. */
    Stored stored(String tenant) {
        return stored.getOrDefault(tenant, Stored.NONE);
    }

    private static TenantOverlay overlay(Catalog base, String tenant, Stored mine) {
        List<CustomField> fields = mine.fields().stream().map(TenantCatalogs::customField).toList();
        Map<String, List<DictionaryDef.Value>> dictionaries = new LinkedHashMap<>();
        for (ModuleDescriptor module : base.modules()) {
            for (DictionaryDef d : module.manifest().dictionaries().values()) {
                EffectiveDictionary effective = EffectiveDictionary.of(module.name(), d, mine.values());
                if (d.extensible() && effective.customised(mine.values())) {
                    dictionaries.put(module.name() + "." + d.name(), effective.activeValues());
                }
            }
        }
        return new TenantOverlay(tenant, mine.revision(), fields, dictionaries);
    }

    static CustomField customField(StoredField row) {
        try {
            JsonNode definition = JSON.readTree(row.definition());
            Map<String, FieldAccess> access = new LinkedHashMap<>();
            JSON.readTree(row.access()).fields().forEachRemaining(e ->
                    access.put(e.getKey(), FieldAccess.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT))));
            return new CustomField(row.module(), row.entity(), FieldDefinitions.map(row.name(), definition), access);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored custom field " + row.name() + " is not JSON", e);
        }
    }
}
