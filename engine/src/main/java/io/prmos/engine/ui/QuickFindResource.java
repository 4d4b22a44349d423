package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.query.ListQuery;
import io.prmos.engine.query.ListQueryParser;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.Page;
import io.prmos.engine.store.RecordReader;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.filter.Filter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/ui/quickfind?q=…}: a case-insensitive {@code contains} over each readable
 * entity's search fields (see {@link EntityPresentation#quickFindFields}), under the caller's
 * permissions, a few records per entity. A stopgap until full-text search lands.
 */
@Path("/api/v1/ui/quickfind")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class QuickFindResource {

    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 20;
    static final int MAX_QUERY = 100;

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordReader reader;

    private record Search(EntityDescriptor entity, EntityPresentation view, Uni<Page> page) {
    }

    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @GET
    public Uni<JsonNode> find(@QueryParam("q") String q, @QueryParam("limit") String limitParam) {
        String text = q == null ? "" : q.trim();
        if (text.isEmpty() || text.length() > MAX_QUERY) {
            throw ApiProblem.badRequest("invalid-query", "q must be 1 to " + MAX_QUERY + " characters");
        }
        int limit = limit(limitParam);
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        List<Search> searches = new ArrayList<>();
        for (EntityDescriptor entity : catalog.entities()) {
            AccessDecision read = evaluator.decide(caller, catalog, entity, Operation.READ);
            EntityPresentation view = new EntityPresentation(entity, read.visibleFields());
            List<String> fields = read.allowed() ? view.quickFindFields() : List.of();
            if (!fields.isEmpty()) {
                searches.add(new Search(entity, view, reader.list(caller, entity, query(entity, read, fields, text, limit),
                        ReadAccess.of(read))));
            }
        }
        if (searches.isEmpty()) {
            return Uni.createFrom().item(groups(catalog, List.of(), List.of()));
        }
        return Uni.join().all(searches.stream().map(Search::page).toList()).andFailFast()
                .map(pages -> groups(catalog, searches, pages));
    }

    private static ListQuery query(EntityDescriptor entity, AccessDecision read, List<String> fields, String text, int limit) {
        ListQuery defaults = ListQueryParser.parse(entity, read.visibleFields(), null, null, String.valueOf(limit), null, null, null);
        List<BoundFilter> any = new ArrayList<>();
        for (String field : fields) {
            any.add(new BoundFilter.Compare(entity.field(field).orElseThrow().column(), Filter.Operator.CONTAINS, text, false));
        }
        BoundFilter filter = any.size() == 1 ? any.get(0) : new BoundFilter.Or(any);
        return new ListQuery(Optional.of(filter), defaults.sort(), limit, Optional.empty(), Optional.empty(),
                ListQuery.Total.NONE, defaults.sortSignature());
    }

    private static JsonNode groups(Catalog catalog, List<Search> searches, List<Page> pages) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode groups = out.putArray("groups");
        for (int i = 0; i < searches.size(); i++) {
            if (pages.get(i).items().isEmpty()) {
                continue;
            }
            Search search = searches.get(i);
            ObjectNode group = groups.addObject()
                    .put("entity", search.entity().qualifiedName())
                    .put("label", search.entity().pluralLabel())
                    .put("route", UiPaths.route(search.entity()));
            ArrayNode items = group.putArray("items");
            for (ObjectNode record : pages.get(i).items()) {
                String id = record.path("id").asText();
                items.addObject().put("id", id)
                        .put("display", DisplayText.of(catalog, search.entity(), search.view(), record))
                        .put("route", UiPaths.route(search.entity()) + "/" + id);
            }
        }
        return out;
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badRequest("invalid-limit", "limit must be an integer from 1 to " + MAX_LIMIT);
    }
}
