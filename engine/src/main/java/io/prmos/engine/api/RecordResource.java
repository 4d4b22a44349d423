package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.ListQuery;
import io.prmos.engine.query.ListQueryParser;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.BulkWriter;
import io.prmos.engine.store.Page;
import io.prmos.engine.store.RecordReader;
import io.prmos.engine.store.RecordWriter;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.engine.validation.WriteMode;
import io.prmos.metadata.catalog.Catalog;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The generic REST API of every manifest-defined entity: {@code /api/v1/{module}/{entity}}. It
 * parses and checks input, then hands typed requests to the store; it never builds SQL.
 */
@Path("/api/v1/{module}/{entity}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RecordResource {

    @Inject
    Targets targets;

    @Inject
    RecordReader reader;

    @Inject
    RecordWriter writer;

    @Inject
    BulkWriter bulk;

    @Inject
    RecordValidator validator;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    io.prmos.engine.store.RecordLookup lookup;

    @Inject
    RecordRelations relations;

    @GET
    public Uni<Response> list(@PathParam("module") String module, @PathParam("entity") String entity,
                              @QueryParam("filter") String filter, @QueryParam("sort") String sort,
                              @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                              @QueryParam("fields") String fields, @QueryParam("total") String total,
                              @QueryParam("deleted") String deleted, @QueryParam("expand") String expand) {
        Target t = targets.resolve(module, entity);
        AccessDecision read = t.auth().require(Operation.READ);
        ListQuery query = ListQueryParser.parse(t.entity(), read.visibleFields(), filter, sort, limit, cursor, fields, total, deleted);
        var expanded = Expansions.parse(t.entity(), read.visibleFields(), expand);
        Uni<Page> page = reader.list(t.caller(), t.entity(), query, t.auth().access(read));
        if (!expanded.isEmpty()) {
            page = page.flatMap(p -> Expansions.apply(t.reads(evaluator, lookup), t.catalog(), t.entity(), expanded, p.items())
                    .map(items -> p));
        }
        return page.map(RecordResource::pageBody);
    }

    @GET
    @Path("{id}")
    public Uni<Response> get(@PathParam("module") String module, @PathParam("entity") String entity, @PathParam("id") String id,
                             @QueryParam("expand") String expand) {
        Target t = targets.resolve(module, entity);
        AccessDecision read = t.auth().require(Operation.READ);
        var expanded = Expansions.parse(t.entity(), read.visibleFields(), expand);
        var access = t.auth().access(read);
        // a uuid is read at once; only a public id needs a look-up first (one Mutiny step less on the hot path)
        Uni<java.util.Optional<ObjectNode>> found = relations.isPublicId(t, id)
                ? relations.key(t, id).flatMap(uuid -> reader.get(t.caller(), t.entity(), uuid, access))
                : reader.get(t.caller(), t.entity(), t.id(id), access);
        Uni<ObjectNode> record = found.map(f -> f.orElseThrow(() -> t.missing(id)));
        if (!expanded.isEmpty()) {
            record = record.flatMap(r -> Expansions.apply(t.reads(evaluator, lookup), t.catalog(), t.entity(), expanded,
                    java.util.List.of(r))).map(records -> records.get(0));
        }
        return record.map(r -> RecordRelations.locking(t.entity(), RecordResponses.ok(r)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@PathParam("module") String module, @PathParam("entity") String entity, byte[] body) {
        Target t = targets.resolve(module, entity);
        AccessDecision create = t.auth().require(Operation.CREATE);
        var values = validator.validate(t.module(), t.entity(), RecordResponses.parseBody(body), WriteMode.CREATE, "",
                t.auth().known(create), create.writableFields());
        return writer.create(t.caller(), t.catalog(), t.entity(), values, t.auth().access(create))
                .map(record -> RecordRelations.locking(t.entity(), RecordResponses.created(record, t.location(record.get("id").asText()))));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Uni<Response> patch(@PathParam("module") String module, @PathParam("entity") String entity,
                               @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, byte[] body) {
        return update(module, entity, id, ifMatch, body, WriteMode.PATCH);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> replace(@PathParam("module") String module, @PathParam("entity") String entity,
                                 @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, byte[] body) {
        return update(module, entity, id, ifMatch, body, WriteMode.REPLACE);
    }

    private Uni<Response> update(String module, String entity, String id, String ifMatch, byte[] body, WriteMode mode) {
        Target t = targets.resolve(module, entity);
        var expected = RecordRelations.expectedVersion(t.entity(), ifMatch);
        AccessDecision update = t.auth().require(Operation.UPDATE);
        var values = validator.validate(t.module(), t.entity(), RecordResponses.parseBody(body), mode, "",
                t.auth().known(update), update.writableFields());
        return relations.key(t, id).flatMap(uuid -> writer.update(t.caller(), t.catalog(), t.entity(), uuid, values, expected,
                        t.auth().access(update)))
                .map(record -> RecordRelations.locking(t.entity(), RecordResponses.ok(record)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("module") String module, @PathParam("entity") String entity,
                                @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        Target t = targets.resolve(module, entity);
        var expected = RecordRelations.expectedVersion(t.entity(), ifMatch);
        AccessDecision delete = t.auth().require(Operation.DELETE);
        return relations.key(t, id).flatMap(uuid -> writer.delete(t.caller(), t.entity(), uuid, expected, t.auth().access(delete)))
                .map(x -> Response.noContent().build());
    }

    @POST
    @Path("{id}/restore")
    public Uni<Response> restore(@PathParam("module") String module, @PathParam("entity") String entity,
                                 @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        Target t = targets.resolve(module, entity);
        var expected = RecordRelations.expectedVersion(t.entity(), ifMatch);
        AccessDecision restore = t.auth().require(Operation.RESTORE);
        return relations.key(t, id).flatMap(uuid -> writer.restore(t.caller(), t.entity(), uuid, expected, t.auth().access(restore)))
                .map(record -> RecordRelations.locking(t.entity(), RecordResponses.ok(record)));
    }

    @GET
    @Path("{id}/children")
    public Uni<Response> children(@PathParam("module") String module, @PathParam("entity") String entity,
                                  @PathParam("id") String id, @QueryParam("limit") String limit) {
        return relations.tree(targets.resolve(module, entity), id, RecordRelations.Tree.CHILDREN, limit, null);
    }

    @GET
    @Path("{id}/ancestors")
    public Uni<Response> ancestors(@PathParam("module") String module, @PathParam("entity") String entity,
                                   @PathParam("id") String id) {
        return relations.tree(targets.resolve(module, entity), id, RecordRelations.Tree.ANCESTORS, null, null);
    }

    @GET
    @Path("{id}/subtree")
    public Uni<Response> subtree(@PathParam("module") String module, @PathParam("entity") String entity,
                                 @PathParam("id") String id, @QueryParam("depth") String depth, @QueryParam("limit") String limit) {
        return relations.tree(targets.resolve(module, entity), id, RecordRelations.Tree.SUBTREE, limit, depth);
    }

    @GET
    @Path("{id}/links")
    public Uni<Response> links(@PathParam("module") String module, @PathParam("entity") String entity,
                               @PathParam("id") String id, @QueryParam("type") String type) {
        Target t = targets.resolve(module, entity);
        t.auth().require(Operation.READ);
        return relations.key(t, id).flatMap(uuid -> relations.links(t, uuid, type));
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> bulk(@PathParam("module") String module, @PathParam("entity") String entity, byte[] body) {
        Target t = targets.resolve(module, entity);
        t.auth().require(Operation.BULK);
        JsonNode request = RecordResponses.parseBody(body);
        AccessDecision create = BulkRequestParser.hasOperation(request, "create") ? t.auth().require(Operation.CREATE) : AccessDecision.denied();
        AccessDecision update = BulkRequestParser.hasOperation(request, "update") ? t.auth().require(Operation.UPDATE) : AccessDecision.denied();
        var operations = BulkRequestParser.parse(validator, t.module(), t.entity(), request,
                new BulkRequestParser.Permitted(t.auth().known(create), create.writableFields(), t.auth().known(update), update.writableFields()));
        return bulk.apply(t.caller(), t.catalog(), t.entity(), operations, t.auth().access(create), t.auth().access(update)).map(records -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.putArray("items").addAll(records);
            return Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    private static Response pageBody(Page page) {
        return Response.ok(pageJson(page), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A list page as the API answers it: items, the next page's cursor, the total when asked for. */
    static ObjectNode pageJson(Page page) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putArray("items").addAll(page.items());
        out.put("nextCursor", page.nextCursor().orElse(null));
        page.total().ifPresent(total -> out.put("total", total));
        return out;
    }

    /** The entity a request addresses, resolved against the catalog the request holds. */
    record Target(Catalog catalog, io.prmos.metadata.catalog.ModuleDescriptor module,
                  io.prmos.metadata.catalog.EntityDescriptor entity, Caller caller, Authorizer auth) {

        UUID id(String text) {
            try {
                if (text.length() == 36) {
                    return UUID.fromString(text);
                }
            } catch (IllegalArgumentException e) {
                // fall through: an id that is not a uuid names no record
            }
            throw missing(text);
        }

        EntityReads reads(PermissionEvaluator evaluator, io.prmos.engine.store.RecordLookup lookup) {
            return new EntityReads(evaluator, lookup, catalog, caller);
        }

        ApiProblem missing(String id) {
            return ApiProblem.notFound("no " + entity.qualifiedName() + " with id " + id);
        }

        String location(String id) {
            return "/api/v1/" + entity.module() + "/" + entity.path() + "/" + id;
        }
    }

}
