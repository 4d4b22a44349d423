package io.prmos.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.security.PermissionOracle.Op;
import io.prmos.engine.security.RecordKinds.Kind;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldAccess;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field-level cases for a user who may read an entity: each field is in the body or not, may be
 * projected and filtered on or is unknown (400), and, for users who may write, is accepted in a
 * body or refused with a 422 naming it (readOnly when visible, unknown when hidden).
 */
final class FieldCases {

    private final MatrixContext ctx;
    private final CaseLog log;

    FieldCases(MatrixContext ctx, CaseLog log) {
        this.ctx = ctx;
        this.log = log;
    }

    void generate(TestUser user, EntityDescriptor entity, List<Kind> kinds) {
        if (user.anonymous() || !ctx.oracle.allowed(user.roles(), entity, Op.READ)) {
            return;
        }
        Kind readable = kinds.stream().filter(k -> ctx.inScope(user, entity, Op.READ, k)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no kind of " + entity + " readable by " + user.label()));
        String who = user.label() + " · " + entity.qualifiedName() + " · field ";
        for (FieldDescriptor field : entity.fields()) {
            FieldAccess access = ctx.oracle.visibility(user.roles(), entity, field);
            boolean visible = access != FieldAccess.HIDDEN;
            String name = who + field.name() + " (" + access.name().toLowerCase() + ") ";
            log.add(name + "in body → " + (visible ? "shown" : "absent"), () -> inBody(user, entity, readable, field, visible));
            log.add(name + "fields= → " + (visible ? "200" : "400 unknown"), () -> projected(user, entity, readable, field, visible));
            String filtered = !visible ? "400 unknown" : field.def().filterable() ? "200" : "400 not filterable";
            log.add(name + "filter → " + filtered, () -> filtered(user, entity, field, visible));
            sortCase(user, entity, field, visible, name);
            writeCase(user, entity, kinds, field, access, name);
        }
    }

    private void sortCase(TestUser user, EntityDescriptor entity, FieldDescriptor field, boolean visible, String name) {
        if (!visible || field.def().sortable()) {
            log.add(name + "sort → " + (visible ? "200" : "400 unknown"), () -> {
                Response r = Http.as(user).queryParam("sort", field.name()).queryParam("limit", "1").get(Http.collection(entity));
                if (visible) {
                    Http.expectStatus(r, 200, "sort");
                } else {
                    expectUnknown(r, field, "sort");
                }
            });
        }
    }

    private void writeCase(TestUser user, EntityDescriptor entity, List<Kind> kinds, FieldDescriptor field, FieldAccess access, String name) {
        boolean updates = ctx.oracle.allowed(user.roles(), entity, Op.UPDATE);
        if (!updates && !ctx.oracle.allowed(user.roles(), entity, Op.CREATE)) {
            return;
        }
        Op op = updates ? Op.UPDATE : Op.CREATE;
        boolean writable = ctx.oracle.writable(user.roles(), entity, field, op);
        String outcome = writable ? (updates ? "200" : "201") : access == FieldAccess.HIDDEN ? "422 unknown" : "422 readOnly";
        log.add(name + (updates ? "update" : "create") + " → " + outcome, () -> {
            Object value = ctx.kinds.samples().value(entity, field);
            Response r;
            if (updates) {
                Kind kind = kinds.stream().filter(k -> ctx.inScope(user, entity, Op.UPDATE, k)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no kind of " + entity + " " + user.label() + " may update"));
                String id = ctx.kinds.make(entity, kind).path("id").asText();
                r = Http.as(user).body(Map.of(field.name(), value)).patch(Http.item(entity, id));
            } else {
                Map<String, Object> body = new LinkedHashMap<>(ctx.kinds.samples().minimalBody(entity));
                body.put(field.name(), value);
                r = Http.as(user).body(body).post(Http.collection(entity));
            }
            if (!writable) {
                Http.expectViolation(r, "/" + field.name(), access == FieldAccess.HIDDEN ? "unknown" : "readOnly", "write");
                return;
            }
            Http.expectStatus(r, updates ? 200 : 201, "write " + field.name());
            JsonNode written = Http.body(r).path(field.name());
            if (written.isMissingNode() || written.isNull()) {
                throw new AssertionError("the written field " + field.name() + " is not in the response: " + r.asString());
            }
        });
    }

    private void inBody(TestUser user, EntityDescriptor entity, Kind kind, FieldDescriptor field, boolean visible) {
        String id = ctx.shared(entity, kind).path("id").asText();
        JsonNode record = Http.get(entity, user, id);
        if (record.has(field.name()) != visible) {
            throw new AssertionError("expected " + field.name() + (visible ? " in " : " absent from ") + record);
        }
        JsonNode listed = Http.body(Http.as(user).queryParam("filter", "id eq '" + id + "'").get(Http.collection(entity)))
                .path("items").path(0);
        if (listed.isMissingNode() || listed.has(field.name()) != visible) {
            throw new AssertionError("list: expected " + field.name() + (visible ? " in " : " absent from ") + listed);
        }
    }

    private void projected(TestUser user, EntityDescriptor entity, Kind kind, FieldDescriptor field, boolean visible) {
        String id = ctx.shared(entity, kind).path("id").asText();
        Response r = Http.as(user).queryParam("filter", "id eq '" + id + "'").queryParam("fields", field.name())
                .get(Http.collection(entity));
        if (!visible) {
            expectUnknown(r, field, "fields=");
            return;
        }
        Http.expectStatus(r, 200, "fields=");
        JsonNode item = Http.body(r).path("items").path(0);
        if (!item.has(field.name())) {
            throw new AssertionError("fields=" + field.name() + " but the item lacks it: " + item);
        }
    }

    private void filtered(TestUser user, EntityDescriptor entity, FieldDescriptor field, boolean visible) {
        Response r = Http.as(user).queryParam("filter", field.name() + " isNull").queryParam("limit", "1").get(Http.collection(entity));
        if (!visible) {
            expectUnknown(r, field, "filter");
        } else if (field.def().filterable()) {
            Http.expectStatus(r, 200, "filter");
        } else {
            JsonNode problem = Http.expectProblem(r, 400, "filter");
            if (!problem.path("detail").asText().contains("'" + field.name() + "' is not filterable")) {
                throw new AssertionError("expected 'not filterable', got " + problem);
            }
        }
    }

    /** A hidden field does not exist for the caller: the same answer as for a field that does not exist at all. */
    private static void expectUnknown(Response r, FieldDescriptor field, String what) {
        JsonNode problem = Http.expectProblem(r, 400, what);
        if (!problem.path("detail").asText().contains("unknown field '" + field.name() + "'")) {
            throw new AssertionError(what + ": expected unknown field '" + field.name() + "', got " + problem);
        }
    }
}
