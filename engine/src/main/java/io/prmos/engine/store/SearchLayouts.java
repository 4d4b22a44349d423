package io.prmos.engine.store;

import io.prmos.engine.schema.SearchVectors;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Which stored search vector serves a caller who may read some of an entity's searchable fields.
 * The stored vectors of a catalog are computed once (as the schema planner computes them) and kept
 * until another catalog is asked about; catalogs change only on publish.
 */
final class SearchLayouts {

    /**
     * @param indexed the stored vector whose index narrows the rows: over exactly the caller's fields
     *                when {@code exact}, else the smallest stored vector covering them
     * @param own     the vector over exactly the caller's readable searchable fields (what decides, ranks and highlights)
     */
    record Match(SearchVectors.Vector indexed, SearchVectors.Vector own, boolean exact) {
    }

    private record Layout(Catalog catalog, Map<EntityDescriptor, List<SearchVectors.Vector>> stored) {
    }

    private final AtomicReference<Layout> current = new AtomicReference<>(new Layout(null, Map.of()));

    Match match(Catalog catalog, EntityDescriptor entity, List<FieldDescriptor> readable) {
        Set<String> columns = readable.stream().map(FieldDescriptor::column).collect(Collectors.toSet());
        List<SearchVectors.Vector> stored = storedOf(catalog, entity);
        SearchVectors.Vector best = null;
        for (SearchVectors.Vector vector : stored) {
            Set<String> covered = vector.parts().stream().map(SearchVectors.Part::column).collect(Collectors.toSet());
            if (covered.equals(columns)) {
                return new Match(vector, vector, true);
            }
            if (covered.containsAll(columns) && (best == null || vector.parts().size() < best.parts().size())) {
                best = vector;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no stored search vector of " + entity.qualifiedName() + " covers " + columns);
        }
        SearchVectors.Vector own = SearchVectors.over(entity, readable.stream().map(FieldDescriptor::name).toList(), null);
        return new Match(best, own, false);
    }

    private List<SearchVectors.Vector> storedOf(Catalog catalog, EntityDescriptor entity) {
        Layout layout = current.get();
        if (layout.catalog() != catalog) {
            Map<EntityDescriptor, List<SearchVectors.Vector>> stored = new IdentityHashMap<>();
            for (EntityDescriptor e : catalog.entities()) {
                stored.put(e, SearchVectors.stored(catalog, e));
            }
            layout = new Layout(catalog, stored);
            current.set(layout);
        }
        List<SearchVectors.Vector> vectors = layout.stored().get(entity);
        return vectors == null ? SearchVectors.stored(catalog, entity) : vectors;
    }
}
