package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkSpec {

    private static final String BULK = PARTNERS + "/bulk";

    private static Map<String, Object> createOp(Map<String, Object> data) {
        return map("op", "create", "data", data);
    }

    private static Map<String, Object> updateOp(String id, Object ifMatch, Map<String, Object> data) {
        Map<String, Object> op = map("op", "update", "id", id, "data", data);
        if (ifMatch != null) {
            op.put("ifMatch", ifMatch);
        }
        return op;
    }

    private static Map<String, Object> operations(List<Map<String, Object>> ops) {
        return map("operations", ops);
    }

    private static void assertNoneWithPrefix(String p) {
        given().queryParam("filter", "name startsWith '" + p + "'").queryParam("total", "exact").get(PARTNERS).then()
                .statusCode(200).body("total", equalTo(0)).body("items", empty());
    }

    @Test
    void createsEveryItemInOrder() {
        String p = prefix();
        json().body(operations(List.of(createOp(map("name", p + "A", "score", 1)), createOp(map("name", p + "B", "score", 2)),
                        createOp(map("name", p + "C", "score", 3))))).post(BULK).then()
                .statusCode(200)
                .body("items.name", contains(p + "A", p + "B", p + "C"))
                .body("items.version", contains(1, 1, 1))
                .body("items.tier", everyItem(equalTo("registered")));

        given().queryParam("filter", "name startsWith '" + p + "'").queryParam("sort", "name").get(PARTNERS).then()
                .body("items.score", contains(1, 2, 3));
    }

    @Test
    void oneInvalidItemWritesNothingAndPointsIntoTheItem() {
        String p = prefix();
        json().body(operations(List.of(createOp(map("name", p + "ok-0")), createOp(map("name", p + "ok-1")),
                        createOp(map("name", p + "ok-2")), createOp(map("name", p + "bad", "score", 101, "tier", "bronze")),
                        createOp(map("name", p + "ok-4"))))).post(BULK).then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/validation"))
                .body("errors.pointer", containsInAnyOrder("/operations/3/data/score", "/operations/3/data/tier"));
        assertNoneWithPrefix(p);
    }

    @Test
    void violationsOfSeveralItemsAreReportedTogether() {
        String p = prefix();
        json().body(operations(List.of(createOp(map("score", 5)), createOp(map("name", p + "fine")),
                        createOp(map("name", p + "x", "nope", 1))))).post(BULK).then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/operations/0/data/name", "/operations/2/data/nope"))
                .body("errors.find { it.pointer == '/operations/0/data/name' }.code", equalTo("required"))
                .body("errors.find { it.pointer == '/operations/2/data/nope' }.code", equalTo("unknown"));
        assertNoneWithPrefix(p);
    }

    @Test
    void mixesCreatesAndUpdatesInOneTransaction() {
        String p = prefix();
        String first = createId(PARTNERS, map("name", p + "old-1", "score", 10));
        String second = createId(PARTNERS, map("name", p + "old-2", "score", 20));

        json().body(operations(List.of(createOp(map("name", p + "new-1")), updateOp(first, 1, map("score", 11)),
                        createOp(map("name", p + "new-2")), updateOp(second, null, map("tier", "gold"))))).post(BULK).then()
                .statusCode(200)
                .body("items.name", contains(p + "new-1", p + "old-1", p + "new-2", p + "old-2"))
                .body("items[1].score", equalTo(11))
                .body("items[1].version", equalTo(2))
                .body("items[3].tier", equalTo("gold"))
                .body("items[3].score", equalTo(20));

        given().get(PARTNERS + "/" + first).then().header("ETag", "\"2\"").body("score", equalTo(11));
        given().queryParam("filter", "name startsWith '" + p + "'").queryParam("total", "exact").get(PARTNERS).then()
                .body("total", equalTo(4));
    }

    @Test
    void aStaleIfMatchInOneItemRollsBackTheWholeBatch() {
        String p = prefix();
        String id = createId(PARTNERS, map("name", p + "target", "score", 1));
        json().body(map("score", 2)).patch(PARTNERS + "/" + id).then().statusCode(200);

        json().body(operations(List.of(createOp(map("name", p + "created")), updateOp(id, 1, map("score", 3))))).post(BULK)
                .then().statusCode(412).contentType(PROBLEM_JSON);

        given().get(PARTNERS + "/" + id).then().header("ETag", "\"2\"").body("score", equalTo(2));
        given().queryParam("filter", "name eq '" + p + "created'").get(PARTNERS).then().body("items", empty());
    }

    @Test
    void anUpdateOfAMissingRecordRollsBackTheEarlierCreates() {
        String p = prefix();
        json().body(operations(List.of(createOp(map("name", p + "early")),
                        updateOp("0b7f6a3e-1111-4222-8333-944455556666", null, map("score", 3))))).post(BULK).then()
                .statusCode(404).contentType(PROBLEM_JSON);
        assertNoneWithPrefix(p);
    }

    @Test
    void aReferenceToAMissingOrganizationPointsIntoItsItemAndWritesNothing() {
        String p = prefix();
        json().body(operations(List.of(createOp(map("name", p + "a")),
                        createOp(map("name", p + "b", "organization", "0b7f6a3e-1111-4222-8333-944455556666"))))).post(BULK)
                .then().statusCode(422)
                .body("errors.pointer", contains("/operations/1/data/organization"))
                .body("errors.code", contains("reference"));
        assertNoneWithPrefix(p);
    }

    @Test
    void aUniqueConflictInsideABatchPointsAtTheItemAndWritesNothing() {
        String p = prefix();
        String vat = p + "VAT";
        json().body(operations(List.of(createOp(map("name", p + "one", "vat_number", vat)),
                        createOp(map("name", p + "two", "vat_number", vat))))).post(ORGANIZATIONS + "/bulk").then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                // The second item repeats the first one's VAT number, so the pointer must name that item's field.
                // Fails today (reported, not fixed): BulkWriter.createAll sends a run of creates as one batched
                // INSERT and, not knowing which row failed, prefixes the field with "/operations", giving the
                // pointer "/operations/vat_number", which does not exist in the request.
                .body("errors.pointer", contains("/operations/1/data/vat_number"));
        given().queryParam("filter", "name startsWith '" + p + "'").queryParam("total", "exact").get(ORGANIZATIONS).then()
                .body("total", equalTo(0));
    }

    @Test
    void malformedOperationsArePointedAt() {
        json().body(operations(List.of(map("op", "upsert", "data", map("name", "x")),
                        map("op", "update", "id", "not-a-uuid", "data", map("score", 1)),
                        map("op", "create", "data", map("name", "y"), "extra", true)))).post(BULK).then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/operations/0/op", "/operations/1/id", "/operations/2/extra"));
    }

    @Test
    void moreThanAThousandOperationsAreRefusedBeforeAnythingIsWritten() {
        String p = prefix();
        List<Map<String, Object>> ops = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            ops.add(createOp(map("name", p + i)));
        }
        json().body(operations(ops)).post(BULK).then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/operations"))
                .body("errors[0].message", containsString("1000"));
        assertNoneWithPrefix(p);
    }

    @Test
    void exactlyAThousandOperationsAreAccepted() {
        String p = prefix();
        List<Map<String, Object>> ops = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ops.add(createOp(map("name", p + i)));
        }
        json().body(operations(ops)).post(BULK).then().statusCode(200).body("items.size()", equalTo(1000));
        given().queryParam("filter", "name startsWith '" + p + "'").queryParam("total", "exact").queryParam("limit", 1)
                .get(PARTNERS).then().body("total", equalTo(1000));
    }

    /**
     * Issue 11, item 12: a failed bulk must hand its connection back (rolled back). More failing requests
     * than the data pool has connections (PRM_DB_POOL_SIZE, 32), then ordinary work still gets one.
     */
    @Test
    void failingBulksGiveTheirConnectionsBack() {
        String p = prefix();
        for (int i = 0; i < 40; i++) {
            // refused inside the transaction by the reference check (422) ...
            json().body(operations(List.of(createOp(map("name", p + "ok" + i)),
                            createOp(map("name", p + "bad" + i, "organization", "0b7f6a3e-1111-4222-8333-944455556666"))))).post(BULK)
                    .then().statusCode(422);
            // ... and by the database (a unique value repeated inside the batch, 409)
            String vat = p + "VAT" + i;
            json().body(operations(List.of(createOp(map("name", p + "one" + i, "vat_number", vat)),
                            createOp(map("name", p + "two" + i, "vat_number", vat))))).post(ORGANIZATIONS + "/bulk")
                    .then().statusCode(409);
        }
        assertNoneWithPrefix(p);
        json().body(operations(List.of(createOp(map("name", p + "after-a")), createOp(map("name", p + "after-b"))))).post(BULK)
                .then().statusCode(200).body("items.name", contains(p + "after-a", p + "after-b"));
    }

    /** Creates reach PostgreSQL as one batch and their history, activity and outbox rows as one statement, not one per item. */
    @Test
    void theStatementsOfABulkCreateDoNotGrowWithItsSize() {
        String p = prefix();
        long few = statementsOfBulk(p + "few", 3);
        long many = statementsOfBulk(p + "many", 300);
        // Either request may find its public-id numbers among those the instance holds (ADR 0094) or reserve
        // them first: four statements (BEGIN with its setting, the tenant, the counter, COMMIT) whatever the size.
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(many - few) == 0 || Math.abs(many - few) == 4,
                "statements for 3 creates: " + few + ", for 300: " + many);
    }

    private static long statementsOfBulk(String p, int size) {
        List<Map<String, Object>> ops = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ops.add(createOp(map("name", p + i)));
        }
        long before = io.prmos.engine.store.StatementCounter.count();
        json().body(operations(ops)).post(BULK).then().statusCode(200).body("items.size()", equalTo(size));
        return io.prmos.engine.store.StatementCounter.count() - before;
    }

    @Test
    void anEmptyBatchOrAWrongShapeIs422() {
        json().body(map("operations", List.of())).post(BULK).then().statusCode(422).body("errors.pointer", contains("/operations"));
        json().body(map("ops", List.of())).post(BULK).then().statusCode(422).body("errors.pointer", contains("/operations"));
    }
}
