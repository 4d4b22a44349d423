package io.prmos.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.security.PermissionOracle.Op;
import io.prmos.engine.security.RecordKinds.Kind;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/**
 * The record-level cases of the matrix: read (get and list), create, update, delete, restore and
 * bulk, for one user and one entity, each against every kind of record, with the expectation from
 * {@link MatrixContext}. A refused write must also leave the record as it was.
 */
final class OperationCases {

    private final MatrixContext ctx;
    private final CaseLog log;

    OperationCases(MatrixContext ctx, CaseLog log) {
        this.ctx = ctx;
        this.log = log;
    }

    void generate(TestUser user, EntityDescriptor entity, List<Kind> kinds) {
        String who = user.label() + " · " + entity.qualifiedName() + " · ";
        int create = ctx.expected(user, entity, 201, Op.CREATE);
        log.add(who + "create → " + create, () -> create(user, entity, create));
        int bulkCreate = ctx.expected(user, entity, 200, Op.BULK, Op.CREATE);
        log.add(who + "bulk create → " + bulkCreate, () -> bulkCreate(user, entity, bulkCreate));
        for (Kind kind : user.anonymous() ? kinds.subList(0, 1) : kinds) {
            String on = " " + kind.describe(user) + " → ";
            int get = ctx.expected(user, entity, Op.READ, kind, 200);
            log.add(who + "read-get" + on + get, () -> readGet(user, entity, kind, get));
            int list = ctx.expected(user, entity, Op.READ, kind, 200);
            String listName = list == 404 ? "200 without it" : list == 200 ? "200 with it" : String.valueOf(list);
            log.add(who + "read-list" + on + listName, () -> readList(user, entity, kind, list));
            int update = ctx.expected(user, entity, Op.UPDATE, kind, 200);
            log.add(who + "update" + on + update, () -> update(user, entity, kind, update, false));
            int delete = ctx.expected(user, entity, Op.DELETE, kind, 204);
            log.add(who + "delete" + on + delete, () -> delete(user, entity, kind, delete));
            int restore = ctx.expected(user, entity, Op.RESTORE, kind, 200);
            log.add(who + "restore" + on + restore, () -> restore(user, entity, kind, restore));
            int bulk = ctx.expected(user, entity, Op.BULK, kind, 200) == 403 ? 403 : ctx.expected(user, entity, Op.UPDATE, kind, 200);
            log.add(who + "bulk update" + on + bulk, () -> update(user, entity, kind, bulk, true));
        }
    }

    private void create(TestUser user, EntityDescriptor entity, int expected) {
        Map<String, Object> body = ctx.kinds.samples().minimalBody(entity);
        Response r = Http.as(user).body(body).post(Http.collection(entity));
        if (expected != 201) {
            Http.expectProblem(r, expected, "create");
            return;
        }
        Http.expectStatus(r, 201, "create");
        JsonNode created = Http.body(r);
        assertEquals(user.subject(), created.path("created_by").asText(), "created_by");
        assertEquals(1, created.path("version").asInt(), "version");
    }

    private void bulkCreate(TestUser user, EntityDescriptor entity, int expected) {
        Map<String, Object> op = Map.of("op", "create", "data", ctx.kinds.samples().minimalBody(entity));
        Response r = Http.as(user).body(Map.of("operations", List.of(op))).post(Http.collection(entity) + "/bulk");
        if (expected != 200) {
            Http.expectProblem(r, expected, "bulk create");
            return;
        }
        Http.expectStatus(r, 200, "bulk create");
        JsonNode items = Http.body(r).path("items");
        assertEquals(1, items.size(), "created items");
        assertEquals(user.subject(), items.get(0).path("created_by").asText(), "created_by");
    }

    private void readGet(TestUser user, EntityDescriptor entity, Kind kind, int expected) {
        String id = ctx.shared(entity, kind).path("id").asText();
        Response r = Http.as(user).get(Http.item(entity, id));
        if (expected != 200) {
            Http.expectProblem(r, expected, "get");
            return;
        }
        Http.expectStatus(r, 200, "get");
        assertEquals(id, Http.body(r).path("id").asText(), "id");
    }

    private void readList(TestUser user, EntityDescriptor entity, Kind kind, int expected) {
        String id = ctx.shared(entity, kind).path("id").asText();
        Response r = Http.as(user).queryParam("filter", "id eq '" + id + "'").get(Http.collection(entity));
        if (expected == 401 || expected == 403) {
            Http.expectProblem(r, expected, "list");
            return;
        }
        Http.expectStatus(r, 200, "list");
        assertEquals(expected == 200 ? List.of(id) : List.of(), Http.ids(r), "listed ids");
    }

    private void update(TestUser user, EntityDescriptor entity, Kind kind, int expected, boolean bulk) {
        JsonNode before = ctx.kinds.make(entity, kind);
        String id = before.path("id").asText();
        FieldDescriptor field = ctx.updateField(user, entity);
        Map<String, Object> data = Map.of(field.name(), ctx.kinds.samples().value(entity, field));
        Response r = bulk
                ? Http.as(user).body(Map.of("operations", List.of(Map.of("op", "update", "id", id, "data", data))))
                        .post(Http.collection(entity) + "/bulk")
                : Http.as(user).body(data).patch(Http.item(entity, id));
        if (expected != 200) {
            Http.expectProblem(r, expected, bulk ? "bulk update" : "update");
            assertEquals(before, Http.get(entity, ctx.alice, id), "record after a refused update");
            return;
        }
        Http.expectStatus(r, 200, "update");
        JsonNode after = Http.get(entity, ctx.alice, id);
        assertEquals(2, after.path("version").asInt(), "version after update");
        assertEquals(user.subject(), after.path("updated_by").asText(), "updated_by");
    }

    private void delete(TestUser user, EntityDescriptor entity, Kind kind, int expected) {
        JsonNode before = ctx.kinds.make(entity, kind);
        String id = before.path("id").asText();
        Response r = Http.as(user).delete(Http.item(entity, id));
        if (expected != 204) {
            Http.expectProblem(r, expected, "delete");
            assertEquals(before, Http.get(entity, ctx.alice, id), "record after a refused delete");
            return;
        }
        Http.expectStatus(r, 204, "delete");
        Http.expectProblem(Http.as(ctx.alice).get(Http.item(entity, id)), 404, "alice reading the deleted record");
    }

    private void restore(TestUser user, EntityDescriptor entity, Kind kind, int expected) {
        String id = ctx.kinds.make(entity, kind).path("id").asText();
        Http.expectStatus(Http.as(ctx.alice).delete(Http.item(entity, id)), 204, "alice deleting before restore");
        Response r = Http.as(user).post(Http.item(entity, id) + "/restore");
        if (expected != 200) {
            Http.expectProblem(r, expected, "restore");
            Http.expectProblem(Http.as(ctx.alice).get(Http.item(entity, id)), 404, "record after a refused restore");
            return;
        }
        Http.expectStatus(r, 200, "restore");
        assertEquals(3, Http.get(entity, ctx.alice, id).path("version").asInt(), "version after restore");
    }

    static void assertEquals(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual);
        }
    }
}
