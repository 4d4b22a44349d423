package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.Urn;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.LinkStore;
import io.prmos.engine.store.RecordLookup;
import io.prmos.metadata.catalog.Catalog;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/resolve}: URNs → type, display name, link and summary, filtered by the
 * caller's read permission; what they cannot read looks missing. Typed links are in
 * {@link LinkResource}: a root path of their own keeps {@code /api/v1/{module}/{entity}} unambiguous.
 */
@Path("/api/v1/resolve")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RegistryResource {

    static final int MAX_URNS = 500;

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordLookup lookup;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> resolve(byte[] body) {
        List<String> texts = urns(RecordResponses.parseBody(body));
        Map<String, Urn> parsed = new LinkedHashMap<>();
        List<Problem.Error> errors = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Optional<Urn> urn = Urn.parse(texts.get(i));
            if (urn.isEmpty()) {
                errors.add(new Problem.Error("/urns/" + i, null, "malformed", "'" + texts.get(i) + "' is not urn:prm:{module}:{entity}:{uuid}"));
            } else {
                parsed.put(texts.get(i), urn.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(400, "invalid-urn", "Bad request", errors.size() + " of the URNs are malformed", errors);
        }
        Catalog catalog = catalogs.current();
        Caller caller = callers.current();
        return new EntityReads(evaluator, lookup, catalog, caller).read(parsed.values()).map(found -> {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            for (String text : texts) {
                EntityReads.Found hit = found.get(parsed.get(text).toString());
                items.add(hit == null ? JsonNodeFactory.instance.objectNode().put("urn", text).put("found", false) : resolved(catalog, hit));
            }
            return JsonNodeFactory.instance.objectNode().set("items", items);
        });
    }

    private static ObjectNode resolved(Catalog catalog, EntityReads.Found hit) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("urn", hit.urn().toString()).put("found", true).put("type", hit.entity().qualifiedName())
                .put("display", hit.display(catalog)).put("link", hit.urn().link());
        ObjectNode summary = out.putObject("summary");
        for (String field : hit.entity().summaryFields()) {
            if (hit.read().canSee(field) && hit.record().has(field)) {
                summary.set(field, hit.record().get(field));
            }
        }
        return out;
    }

    private static List<String> urns(JsonNode body) {
        JsonNode urns = body.path("urns");
        if (!urns.isArray() || urns.isEmpty() || urns.size() > MAX_URNS) {
            throw new ApiProblem(400, "invalid-urn", "Bad request", "expected {\"urns\": [...]} with 1 to " + MAX_URNS + " URNs",
                    List.of(new Problem.Error("/urns", null, "invalid", "1 to " + MAX_URNS + " URNs")));
        }
        List<String> out = new ArrayList<>();
        urns.forEach(u -> out.add(u.isTextual() ? u.asText() : u.toString()));
        return out;
    }
}
