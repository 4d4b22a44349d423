package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sorting, keyset pagination, projection and totals. Each test gets 23 partners created in one
 * bulk request (so they share created_at), with many equal scores and dates and some nulls.
 */
@QuarkusTest
class ListSortPaginationSpec {

    private static final int COUNT = 23;

    private String p;
    private String filter;

    @BeforeEach
    void fixture() {
        p = prefix();
        filter = "name startsWith '" + p + "'";
        List<Map<String, Object>> ops = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Map<String, Object> data = map("name", p + String.format("%02d", (i * 7) % COUNT),
                    "tier", List.of("registered", "silver", "gold", "platinum").get(i % 4),
                    "score", i % 5 == 0 ? null : (i % 3) * 10,
                    "joined_on", i % 4 == 0 ? null : "2024-01-0" + (i % 3 + 1));
            ops.add(map("op", "create", "data", data));
        }
        json().body(map("operations", ops)).post(PARTNERS + "/bulk").then().statusCode(200);
    }

    /** Every record of the fixture in one page, as the reference order for {@code sort}. */
    private List<Map<String, Object>> onePage(String sort) {
        return given().queryParam("filter", filter).queryParam("sort", sort).queryParam("limit", 1000).get(PARTNERS)
                .then().statusCode(200).body("nextCursor", nullValue()).extract().path("items");
    }

    /** Walks the pages of {@code sort} with {@code limit}, checking that only the last page lacks a cursor. */
    private List<String> walk(String sort, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("filter", filter).queryParam("sort", sort).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(PARTNERS).then().statusCode(200).extract().jsonPath();
            List<String> pageIds = page.getList("items.id");
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                assertEquals(limit, pageIds.size(), "every page but the last is full");
            }
            ids.addAll(pageIds);
            pages++;
        } while (cursor != null && pages <= COUNT);
        return ids;
    }

    private void assertWalkMatches(String sort, Comparator<Map<String, Object>> expectedOrder) {
        List<Map<String, Object>> all = onePage(sort);
        assertEquals(COUNT, all.size());
        List<Map<String, Object>> sorted = new ArrayList<>(all);
        sorted.sort(expectedOrder);
        assertEquals(ids(sorted), ids(all), "one page is in the order of " + sort);

        List<String> walked = walk(sort, 5);
        assertEquals(COUNT, new HashSet<>(walked).size(), "no record repeats across pages");
        assertEquals(ids(all), walked, "pages of 5 concatenate to the single page");
    }

    private static List<String> ids(List<Map<String, Object>> records) {
        return records.stream().map(r -> (String) r.get("id")).toList();
    }

    /** PostgreSQL order of a column: nulls last ascending, first descending. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Map<String, Object>> by(String field, boolean descending) {
        Comparator<Comparable> values = Comparator.nullsLast(Comparator.<Comparable>naturalOrder());
        Comparator<Map<String, Object>> c = Comparator.comparing(r -> (Comparable) r.get(field), values);
        return descending ? c.reversed() : c;
    }

    /**
     * The tie-breaker the API appends: id, in the direction of the last sort key, so an index on
     * (key, id) serves both directions (uuid order is the order of its hex text).
     */
    private static final Comparator<Map<String, Object>> BY_ID = by("id", false);
    private static final Comparator<Map<String, Object>> BY_ID_DESC = by("id", true);

    @Test
    void walksTiesAndNullsInDescendingScoreOrderExactlyOnce() {
        assertWalkMatches("-score", by("score", true).thenComparing(BY_ID_DESC));
    }

    @Test
    void walksNullDatesAndTiesAscending() {
        assertWalkMatches("joined_on", by("joined_on", false).thenComparing(BY_ID));
    }

    @Test
    void walksAMultiFieldSort() {
        assertWalkMatches("tier,-score,name", by("tier", false).thenComparing(by("score", true)).thenComparing(by("name", false)));
        assertWalkMatches("-joined_on,score", by("joined_on", true).thenComparing(by("score", false)).thenComparing(BY_ID));
    }

    @Test
    void walksRecordsThatShareTheirCreationTime() {
        List<Map<String, Object>> all = onePage("created_at");
        assertEquals(1, all.stream().map(r -> r.get("created_at")).distinct().count(), "one bulk transaction, one now()");
        assertWalkMatches("created_at", BY_ID);
        assertWalkMatches("-created_at", BY_ID_DESC);
    }

    @Test
    void theDefaultSortIsTheManifestsListSort() {
        List<Map<String, Object>> all = given().queryParam("filter", filter).queryParam("limit", 1000).get(PARTNERS)
                .then().statusCode(200).extract().path("items");
        List<Map<String, Object>> sorted = new ArrayList<>(all);
        sorted.sort(by("score", true).thenComparing(by("name", false)));
        assertEquals(ids(sorted), ids(all));
        assertEquals(COUNT, walkDefault().size());
    }

    private Set<String> walkDefault() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        for (int i = 0; i <= COUNT; i++) {
            var request = given().queryParam("filter", filter).queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(PARTNERS).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        return ids;
    }

    @Test
    void aCursorIsRefusedWithAnotherSortOrFilter() {
        String cursor = given().queryParam("filter", filter).queryParam("sort", "-score").queryParam("limit", 5)
                .get(PARTNERS).then().statusCode(200).extract().path("nextCursor");

        given().queryParam("filter", filter).queryParam("sort", "score").queryParam("cursor", cursor).get(PARTNERS).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/invalid-query"))
                .body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("filter", filter + " and score gt 0").queryParam("sort", "-score").queryParam("cursor", cursor)
                .get(PARTNERS).then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("filter", filter).queryParam("sort", "-score").queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get(PARTNERS).then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("filter", filter).queryParam("sort", "-score").queryParam("cursor", "%%%")
                .get(PARTNERS).then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void fieldsProjectsTheRecordButKeepsIdAndVersion() {
        given().queryParam("filter", filter).queryParam("fields", "name,tier").queryParam("limit", 3).get(PARTNERS).then()
                .statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items[0].keySet()", containsInAnyOrder("id", "urn", "version", "public_id", "name", "tier"))
                .body("items.name", everyItem(startsWith(p)));
        given().queryParam("fields", "name,colour").get(PARTNERS).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("fields"))
                .body("detail", containsString("colour"));
    }

    @Test
    void totalExactCountsTheWholeFilterNotThePage() {
        given().queryParam("filter", filter).queryParam("limit", 5).queryParam("total", "exact").get(PARTNERS).then()
                .statusCode(200)
                .body("items.size()", equalTo(5))
                .body("total", equalTo(COUNT))
                .body("nextCursor", notNullValue());
        given().queryParam("filter", filter + " and score eq 10").queryParam("total", "exact").get(PARTNERS).then()
                .body("total", equalTo(7));
        given().queryParam("filter", filter).queryParam("limit", 5).get(PARTNERS).then()
                .body("$", not(hasKey("total")));
        given().queryParam("filter", filter).queryParam("total", "estimate").get(PARTNERS).then()
                .statusCode(200).body("total", greaterThanOrEqualTo(0));
        given().queryParam("total", "roughly").get(PARTNERS).then().statusCode(400).body("errors[0].parameter", equalTo("total"));
    }

    @Test
    void limitMustBeFromOneToAThousand() {
        for (String bad : List.of("0", "1001", "-3", "ten")) {
            given().queryParam("limit", bad).get(PARTNERS).then()
                    .statusCode(400).contentType(PROBLEM_JSON).body("errors[0].parameter", equalTo("limit"));
        }
        given().queryParam("filter", filter).queryParam("limit", 1).get(PARTNERS).then()
                .statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", notNullValue());
    }

    @Test
    void sortingByAFieldThatIsNotSortableIsRefused() {
        for (String bad : List.of("notes", "colour", "types", "name,-name", "region")) {
            given().queryParam("sort", bad).get(PARTNERS).then()
                    .statusCode(400).contentType(PROBLEM_JSON).body("errors[0].parameter", equalTo("sort"));
        }
    }

    @Test
    void dealsSortByMoneyAmount() {
        String partner = partner(p + "Seller");
        for (String amount : List.of("10", "250.5", "99", "1000")) {
            create(DEALS, map("name", p + "deal " + amount, "amount", money(amount, "EUR"), "partner", partner));
        }
        given().queryParam("filter", filter).queryParam("sort", "-amount.amount").get(DEALS).then()
                .statusCode(200)
                .body("items.name", contains(p + "deal 1000", p + "deal 250.5", p + "deal 99", p + "deal 10"));
    }
}
