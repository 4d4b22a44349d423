package io.prmos.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.security.PermissionOracle.Op;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attacks by users of one tenant on another tenant's records, generated per attacker and entity:
 * every verb by id (with and without If-Match, and the id in upper case), crafted list filters,
 * bulk updates mixing the victim's ids with the attacker's own, and references to the victim's
 * records. Each is refused exactly as the same request naming a random id would be.
 */
final class CrossTenantAttacks {

    private final TenantRecords victim;
    private final TenantRecords home;
    private final CaseLog log;

    CrossTenantAttacks(TenantRecords victim, TenantRecords home, CaseLog log) {
        this.victim = victim;
        this.home = home;
        this.log = log;
    }

    void generate(TestUser attacker, EntityDescriptor entity) {
        String who = attacker.label() + "@" + attacker.tenant() + " · " + entity.qualifiedName() + " · ";
        List<String> ids = victim.ids(entity);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String which = (i == ids.size() - 1 ? "deleted #" : "live #") + i;
            byId(attacker, entity, who, id, which, i == ids.size() - 1 ? "2" : "1");
        }
        lists(attacker, entity, who);
        bulk(attacker, entity, who);
        references(attacker, entity, who);
    }

    private void byId(TestUser a, EntityDescriptor e, String who, String id, String which, String version) {
        Map<String, Object> patch = patchBody(a, e);
        Map<String, Object> put = home.samples.minimalBody(e);
        String on = " " + which + " → refused like a random id";
        log.add(who + "GET" + on, () -> Refusal.compare(id, x -> Http.as(a).get(Http.item(e, x))));
        log.add(who + "GET UPPER-CASE id" + on, () -> Refusal.compare(id.toUpperCase(), x -> Http.as(a).get(Http.item(e, x))));
        log.add(who + "PATCH" + on, () -> Refusal.compare(id, x -> Http.as(a).body(patch).patch(Http.item(e, x))));
        log.add(who + "PATCH If-Match" + on, () -> Refusal.compare(id, x -> Http.as(a).header("If-Match", "\"" + version + "\"")
                .body(patch).patch(Http.item(e, x))));
        log.add(who + "PUT" + on, () -> Refusal.compare(id, x -> Http.as(a).body(put).put(Http.item(e, x))));
        log.add(who + "PUT If-Match" + on, () -> Refusal.compare(id, x -> Http.as(a).header("If-Match", "\"" + version + "\"")
                .body(put).put(Http.item(e, x))));
        log.add(who + "DELETE" + on, () -> Refusal.compare(id, x -> Http.as(a).delete(Http.item(e, x))));
        log.add(who + "DELETE If-Match" + on, () -> Refusal.compare(id, x -> Http.as(a).header("If-Match", "\"" + version + "\"")
                .delete(Http.item(e, x))));
        log.add(who + "restore" + on, () -> Refusal.compare(id, x -> Http.as(a).post(Http.item(e, x) + "/restore")));
        log.add(who + "restore If-Match" + on, () -> Refusal.compare(id, x -> Http.as(a).header("If-Match", "\"" + version + "\"")
                .post(Http.item(e, x) + "/restore")));
    }

    private void lists(TestUser a, EntityDescriptor e, String who) {
        List<String> ids = victim.ids(e);
        String own = home.live(e).get(0).path("id").asText();
        JsonNode first = victim.live(e).get(0);
        String nameField = e.fields().stream().filter(f -> f.type() instanceof FieldType.Text && f.def().filterable())
                .findFirst().orElseThrow().name();
        String name = first.path(nameField).asText();
        String alice = victim.owner.subject();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("id eq", "id eq '" + ids.get(0) + "'");
        filters.put("id in (victim's and own)", "id in ('" + String.join("', '", ids) + "', '" + own + "')");
        filters.put(nameField + " eq", nameField + " eq '" + name + "'");
        filters.put("created_by eq", "created_by eq '" + alice + "'");
        filters.put("id or created_by", "id eq '" + ids.get(1) + "' or created_by eq '" + alice + "'");
        filters.put("name or own id", nameField + " eq '" + name + "' or id eq '" + own + "'");
        filters.put("not own id", "not id eq '" + own + "'");
        filters.put("created_by ne attacker", "created_by ne '" + a.subject() + "' or created_by eq '" + a.subject() + "'");
        filters.forEach((label, filter) -> log.add(who + "list filter " + label + " → no victim rows", () -> {
            Response r = Http.as(a).queryParam("filter", filter).queryParam("limit", "200").queryParam("total", "exact")
                    .get(Http.collection(e));
            if (!home.oracle.allowed(a.roles(), e, Op.READ)) {
                Http.expectProblem(r, 403, "list");
                return;
            }
            Http.expectStatus(r, 200, "list " + filter);
            List<String> listed = Http.ids(r);
            for (String id : ids) {
                if (listed.contains(id)) {
                    throw new AssertionError("list " + filter + " returned the victim's record " + id);
                }
            }
            if (Http.body(r).path("total").asInt(-1) != listed.size() && listed.size() < 200) {
                throw new AssertionError("total counts rows that were not returned: " + r.asString());
            }
        }));
    }

    private void bulk(TestUser a, EntityDescriptor e, String who) {
        JsonNode own = home.live(e).get(1);
        String ownId = own.path("id").asText();
        Map<String, Object> patch = patchBody(a, e);
        List<String> ids = victim.ids(e);
        addBulk(a, e, who + "bulk update own + victim's", ids.get(0), own, x -> List.of(
                Map.of("op", "update", "id", ownId, "data", patch), Map.of("op", "update", "id", x, "data", patch)));
        addBulk(a, e, who + "bulk update own + victim's If-Match", ids.get(1), own, x -> List.of(
                Map.of("op", "update", "id", ownId, "ifMatch", 1, "data", patch), Map.of("op", "update", "id", x, "ifMatch", 1, "data", patch)));
        addBulk(a, e, who + "bulk update victim's deleted", ids.get(2), own, x -> List.of(Map.of("op", "update", "id", x, "data", patch)));
        addBulk(a, e, who + "bulk create + update victim's", ids.get(0), own, x -> List.of(
                Map.of("op", "create", "data", home.samples.minimalBody(e)), Map.of("op", "update", "id", x, "data", patch)));
    }

    private void addBulk(TestUser a, EntityDescriptor e, String name, String target, JsonNode own,
                         java.util.function.Function<String, List<Map<String, Object>>> operations) {
        log.add(name + " → refused like a random id, nothing written", () -> {
            long before = count(e);
            Refusal.compare(target, x -> Http.as(a).body(Map.of("operations", operations.apply(x))).post(Http.collection(e) + "/bulk"));
            OperationCases.assertEquals(own, Http.get(e, home.owner, own.path("id").asText()), "attacker's own record after the bulk");
            OperationCases.assertEquals(before, count(e), "attacker tenant's row count after the bulk");
        });
    }

    private long count(EntityDescriptor e) {
        return Http.body(Http.as(home.owner).queryParam("total", "exact").queryParam("limit", "1").get(Http.collection(e)))
                .path("total").asLong();
    }

    private void references(TestUser a, EntityDescriptor e, String who) {
        for (FieldDescriptor field : e.fields()) {
            if (!(field.type() instanceof FieldType.Reference ref)) {
                continue;
            }
            EntityDescriptor target = home.oracle.catalog().target(e.module(), ref);
            String victimId = victim.live(target).get(0).path("id").asText();
            String own = home.live(e).get(0).path("id").asText();
            String kind = (ref.crossModule() ? "cross-module " : "same-module ") + field.name();
            log.add(who + "create referencing victim's " + kind + " → refused like a random id", () -> Refusal.compare(victimId,
                    x -> Http.as(a).body(with(home.samples.minimalBody(e), field, x)).post(Http.collection(e))));
            log.add(who + "PATCH own to reference victim's " + kind + " → refused like a random id", () -> Refusal.compare(victimId,
                    x -> Http.as(a).body(Map.of(field.name(), x)).patch(Http.item(e, own))));
            log.add(who + "bulk create referencing victim's " + kind + " → refused like a random id", () -> Refusal.compare(victimId,
                    x -> Http.as(a).body(Map.of("operations", List.of(Map.of("op", "create", "data",
                            with(home.samples.minimalBody(e), field, x))))).post(Http.collection(e) + "/bulk")));
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, FieldDescriptor field, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.put(field.name(), value);
        return out;
    }

    /** A change the attacker could make to a record of their own (or, if they may not, a partner manager could). */
    private Map<String, Object> patchBody(TestUser a, EntityDescriptor e) {
        List<FieldDescriptor> candidates = new ArrayList<>(e.fields());
        for (FieldDescriptor f : candidates) {
            if (f.type() instanceof FieldType.Text && (home.oracle.writable(a.roles(), e, f, Op.UPDATE)
                    || home.oracle.writable(home.owner.roles(), e, f, Op.UPDATE))) {
                return Map.of(f.name(), home.samples.value(e, f));
            }
        }
        throw new IllegalStateException("no text field to change on " + e);
    }
}
