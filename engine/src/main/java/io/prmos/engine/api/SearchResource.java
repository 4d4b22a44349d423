package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.Urn;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.SearchStore;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/v1/search?q=&limit=}: type-ahead full-text search across every entity the
 * caller may read that has searchable fields, grouped by entity, ranked, with highlighted snippets.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SearchResource {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    SearchStore store;

    @GET
    public Uni<JsonNode> search(@QueryParam("q") String q, @QueryParam("limit") String limitText) {
        String tsquery = SearchStore.prefixQuery(q);
        if (tsquery.isEmpty()) {
            throw ApiProblem.badRequest("invalid-search", "q must contain at least one word of letters or digits");
        }
        int limit = RecordRelations.bounded(limitText, "limit", 10, 1, 50);
        Catalog catalog = catalogs.current();
        Caller caller = callers.current();
        List<SearchStore.Scope> scopes = new ArrayList<>();
        for (EntityDescriptor entity : catalog.entities()) {
            if (entity.searchableFields().isEmpty()) {
                continue;
            }
            AccessDecision read = evaluator.decide(caller, catalog, entity, Operation.READ);
            if (!read.allowed()) {
                continue;
            }
            // Matching, ranking and snippets use only the fields the caller may read: an entity whose
            // searchable fields are all hidden from the caller is not searched at all (no oracle).
            List<FieldDescriptor> readable = entity.searchableFields().stream().filter(f -> read.canSee(f.name())).toList();
            if (!readable.isEmpty()) {
                Authorizer auth = new Authorizer(evaluator, catalog, caller, entity);
                scopes.add(new SearchStore.Scope(entity, readable, auth.access(read)));
            }
        }
        return store.search(caller, catalog, scopes, tsquery, limit).map(results -> body(catalog, q, scopes, results));
    }

    private static JsonNode body(Catalog catalog, String q, List<SearchStore.Scope> scopes, List<SearchStore.Hits> results) {
        List<ObjectNode> groups = new ArrayList<>();
        for (int i = 0; i < scopes.size(); i++) {
            List<SearchStore.Hit> hits = results.get(i).hits();
            if (hits.isEmpty()) {
                continue;
            }
            EntityDescriptor entity = scopes.get(i).entity();
            ObjectNode group = JsonNodeFactory.instance.objectNode();
            group.put("type", entity.qualifiedName()).put("label", entity.pluralLabel()).put("bestRank", hits.get(0).rank())
                    .put("capped", results.get(i).capped());
            ArrayNode items = group.putArray("items");
            for (SearchStore.Hit hit : hits) {
                Urn urn = Urn.parse(hit.record().get("urn").asText()).orElseThrow();
                items.addObject().put("id", urn.id().toString()).put("urn", urn.toString())
                        .put("display", DisplayNames.of(catalog, entity, hit.record())).put("link", urn.link())
                        .put("rank", hit.rank()).put("snippet", hit.snippet());
            }
            groups.add(group);
        }
        groups.sort(Comparator.comparingDouble((ObjectNode g) -> g.get("bestRank").asDouble()).reversed());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("q", q);
        out.putArray("groups").addAll(groups);
        return out;
    }
}
