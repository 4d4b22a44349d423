package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.Access;
import io.prmos.engine.store.SearchStore;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kernel.search}: the full-text search of {@code GET /api/v1/search} for a principal — only
 * entities they may read, matched on the searchable fields they may see, records projected to them.
 */
@ApplicationScoped
public class KernelSearch {

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    SearchStore store;

    Uni<ObjectNode> search(Caller caller, Catalog catalog, String q, int limit) {
        String tsquery = SearchStore.prefixQuery(q);
        if (tsquery.isEmpty()) {
            throw ApiProblem.badRequest("invalid-search", "q must contain at least one word of letters or digits");
        }
        List<SearchStore.Scope> scopes = new ArrayList<>();
        for (EntityDescriptor entity : catalog.entities()) {
            AccessDecision read = evaluator.decide(caller, catalog, entity, Operation.READ);
            List<FieldDescriptor> readable = entity.searchableFields().stream().filter(f -> read.allowed() && read.canSee(f.name())).toList();
            if (!readable.isEmpty()) {
                scopes.add(new SearchStore.Scope(entity, readable, new Access(read.rows(), read.rows(), read.projection())));
            }
        }
        int bounded = Math.max(1, Math.min(limit, 50));
        return store.search(caller, catalog, scopes, tsquery, bounded).map(results -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("q", q);
            ArrayNode groups = out.putArray("groups");
            for (int i = 0; i < scopes.size(); i++) {
                if (results.get(i).hits().isEmpty()) {
                    continue;
                }
                ObjectNode group = groups.addObject().put("entity", scopes.get(i).entity().qualifiedName());
                ArrayNode items = group.putArray("items");
                results.get(i).hits().forEach(hit -> items.add(hit.record()));
            }
            return out;
        });
    }
}
