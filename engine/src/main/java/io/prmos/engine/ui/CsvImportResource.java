package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.ImportWriter;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.engine.validation.ValidationException;
import io.prmos.engine.validation.Violation;
import io.prmos.engine.validation.WriteMode;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/{module}/{entity}/import}: rows already parsed and mapped by the browser,
 * validated one by one like a create; the valid ones are created in one transaction, the invalid
 * ones reported by row. {@code dryRun=true} reports the same and creates nothing.
 */
@Path("/api/v1/{module}/{entity}/import")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CsvImportResource {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordValidator validator;

    @Inject
    ImportWriter writer;

    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> importRows(@PathParam("module") String module, @PathParam("entity") String entityPath,
                                    @QueryParam("dryRun") String dryRunParam, JsonNode body) {
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        EntityDescriptor entity = catalog.entity(module, entityPath)
                .orElseThrow(() -> ApiProblem.notFound("no entity '" + entityPath + "' in module '" + module + "'"));
        AccessDecision read = evaluator.decide(caller, catalog, entity, Operation.READ);
        AccessDecision create = evaluator.decide(caller, catalog, entity, Operation.CREATE);
        if (!create.allowed()) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "your roles do not allow create on " + entity.qualifiedName(), List.of());
        }
        boolean dryRun = dryRun(dryRunParam);
        JsonNode rows = rows(body);
        ModuleDescriptor owner = catalog.module(module).orElseThrow();
        Set<String> known = new HashSet<>(read.visibleFields());
        known.addAll(create.writableFields());
        List<ImportWriter.Row> valid = new ArrayList<>();
        List<ObjectNode> failed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                valid.add(new ImportWriter.Row(i, validator.validate(owner, entity, rows.get(i), WriteMode.CREATE, "",
                        known, create.writableFields())));
            } catch (ValidationException e) {
                failed.add(failure(i, e.violations()));
            }
        }
        return writer.create(caller, catalog, entity, valid, dryRun, ReadAccess.of(create, read)).map(outcome -> {
            outcome.refused().forEach(r -> failed.add(failure(r.index(), r.violations())));
            failed.sort(Comparator.comparingInt(f -> f.get("row").asInt()));
            ObjectNode out = JsonNodeFactory.instance.objectNode()
                    .put("total", rows.size())
                    .put("created", outcome.created())
                    .put("dryRun", dryRun);
            out.putArray("failed").addAll(failed);
            return out;
        });
    }

    private static boolean dryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true") || value.isEmpty()) {
            return true;
        }
        throw ApiProblem.badRequest("invalid-dry-run", "dryRun must be true or false");
    }

    private static JsonNode rows(JsonNode body) {
        JsonNode rows = body == null ? null : body.get("rows");
        if (rows == null || !rows.isArray()) {
            throw new ApiProblem(422, "validation", "Invalid import", "the body must be {\"rows\": [ {...}, ... ]}",
                    List.of(new Problem.Error("/rows", null, "type", "expected an array of records")));
        }
        if (rows.size() > ImportWriter.MAX_ROWS) {
            throw new ApiProblem(422, "validation", "Invalid import", "at most " + ImportWriter.MAX_ROWS + " rows per request",
                    List.of(new Problem.Error("/rows", null, "maxItems", "at most " + ImportWriter.MAX_ROWS + " rows, got " + rows.size())));
        }
        return rows;
    }

    /** {@code row} is 1-based (the n-th data row of the file); each error names its field and keeps the pointer. */
    private static ObjectNode failure(int index, List<Violation> violations) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("row", index + 1);
        ArrayNode errors = out.putArray("errors");
        for (Violation v : violations) {
            String pointer = v.pointer();
            String field = pointer.length() > 1 ? pointer.substring(1).split("/")[0] : null;
            errors.addObject().put("field", field).put("pointer", pointer).put("code", v.code()).put("message", v.message());
        }
        return out;
    }
}
