package io.prmos.engine.entities;

import static io.prmos.engine.entities.Rest.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** publicId, the optimistic-locking switch, hierarchy walks and cycle refusal, typed links, full-text search. */
@QuarkusTest
class RegistryFeaturesSpec {

    @Test
    void publicIdsAreSequentialPerTenantAndAddressTheRecord() {
        String p = prefix();
        Response created = create(PARTNERS, map("name", p + " Numbered"));
        String publicId = created.path("public_id");
        assertTrue(publicId.matches("PRT-\\d{6,}"), publicId);
        String id = created.path("id");
        given().get(PARTNERS + "/" + publicId).then().statusCode(200).body("id", equalTo(id)).body("public_id", equalTo(publicId));
        json().body(map("score", 42)).patch(PARTNERS + "/" + publicId).then().statusCode(200).body("score", equalTo(42));
        long next = Long.parseLong(create(PARTNERS, map("name", p + " Next")).<String>path("public_id").substring(4));
        assertEquals(Long.parseLong(publicId.substring(4)) + 1, next);
        given().get(PARTNERS + "/PRT-999999999").then().statusCode(404);
        as("dave").get(PARTNERS + "/" + publicId).then().statusCode(404);
        given().delete(PARTNERS + "/" + publicId).then().statusCode(204);
        given().get(PARTNERS + "/" + publicId).then().statusCode(404);
        String deal = create(DEALS, map("name", p + " Deal", "amount", map("amount", 10, "currency", "EUR"), "partner",
                create(PARTNERS, map("name", p + " Seller")).path("id"))).path("public_id");
        assertTrue(deal.matches("DEAL-\\d{6,}"), deal);
    }

    /** The counter remembers numbers handed out: purging the newest record does not free its number (ADR 0090). */
    @Test
    void aPurgedRecordsPublicIdIsNeverReused() {
        String p = prefix();
        long first = number(create(PARTNERS, map("name", p + " First")).path("public_id"));
        Response newest = create(PARTNERS, map("name", p + " Newest"));
        assertEquals(first + 1, number(newest.path("public_id")));
        given().delete(PARTNERS + "/" + newest.<String>path("id")).then().statusCode(204);
        given().delete(PARTNERS + "/" + newest.<String>path("id") + "/purge").then().statusCode(204);
        assertEquals(first + 2, number(create(PARTNERS, map("name", p + " After")).path("public_id")));
    }

    /** Creates one after the other get consecutive numbers, also across the blocks the instance reserves (ADR 0094). */
    @Test
    void sequentialCreatesGetConsecutiveNumbersAcrossReservedBlocks() {
        String p = prefix();
        long first = number(create(PARTNERS, map("name", p + " 0")).path("public_id"));
        for (int i = 1; i <= 70; i++) {
            assertEquals(first + i, number(create(PARTNERS, map("name", p + " " + i)).path("public_id")), "create " + i);
        }
    }

    /** A bulk request reserves its numbers at once; its records get them in request order. */
    @Test
    void bulkCreatesGetConsecutivePublicIdsInOrder() {
        String p = prefix();
        long before = number(create(PARTNERS, map("name", p + " Before")).path("public_id"));
        List<String> ids = json().body(map("operations", List.of(map("op", "create", "data", map("name", p + " B1")),
                        map("op", "create", "data", map("name", p + " B2")), map("op", "create", "data", map("name", p + " B3")))))
                .post(PARTNERS + "/bulk").then().statusCode(200).extract().path("items.public_id");
        assertEquals(List.of(before + 1, before + 2, before + 3), ids.stream().map(RegistryFeaturesSpec::number).toList());
    }

    private static long number(String publicId) {
        return Long.parseLong(publicId.substring(publicId.indexOf('-') + 1));
    }

    @Test
    void fiftyConcurrentCreatesGetFiftyDistinctPublicIds() throws Exception {
        String p = prefix();
        String bearer = io.prmos.engine.testing.Tokens.bearer("alice");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                futures.add(pool.submit((Callable<String>) () -> given().header("Authorization", bearer).contentType(ContentType.JSON)
                        .body(map("name", p + " Race " + n)).post(PARTNERS).then().statusCode(201).extract().path("public_id")));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : futures) {
                ids.add(f.get());
            }
            assertEquals(50, ids.size(), "distinct public ids: " + ids);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lockingIsOnByDefaultAndSwitchable() {
        String p = prefix();
        String id = create(PARTNERS, map("name", p + " Locked")).path("id");
        json().header("If-Match", "\"7\"").body(map("score", 1)).patch(PARTNERS + "/" + id).then().statusCode(412);
        json().body(map("score", 1)).patch(PARTNERS + "/" + id).then().statusCode(200).header("ETag", "\"2\"");

        String module = "lock" + p.substring(1, 7);
        publish(module, "apiVersion: prm/v1\nmodule: " + module + "\nversion: 1.0.0\nroles: { partner_manager: {} }\nentities:\n"
                + "  Loose:\n    features: { optimisticLock: false }\n    fields: { name: { type: text } }\n"
                + "  Strict:\n    requireIfMatch: true\n    fields: { name: { type: text } }\n"
                + "permissions:\n  partner_manager:\n    Loose: { read: all, create: true, update: all, delete: all }\n"
                + "    Strict: { read: all, create: true, update: all, delete: all }\n");
        String loose = "/api/v1/" + module + "/loose";
        Response looseRecord = create(loose, map("name", "a"));
        assertEquals(null, looseRecord.header("ETag"));
        json().header("If-Match", "\"99\"").body(map("name", "b")).patch(loose + "/" + looseRecord.path("id")).then()
                .statusCode(200).header("ETag", nullValue()).body("version", equalTo(2));

        String strict = "/api/v1/" + module + "/strict";
        String strictId = create(strict, map("name", "a")).path("id");
        json().body(map("name", "b")).patch(strict + "/" + strictId).then().statusCode(428)
                .contentType("application/problem+json").body("type", endsWith("/precondition-required"));
        given().delete(strict + "/" + strictId).then().statusCode(428);
        json().header("If-Match", "\"1\"").body(map("name", "b")).patch(strict + "/" + strictId).then().statusCode(200);
    }

    @Test
    void hierarchyWalksChildrenAncestorsAndSubtreeAndRefusesCycles() {
        String p = prefix();
        String root = id(PARTNERS, map("name", p + " Root"));
        String a = id(PARTNERS, map("name", p + " A", "parent", root));
        String b = id(PARTNERS, map("name", p + " B", "parent", root, "active", false));
        String a1 = id(PARTNERS, map("name", p + " A1", "parent", a));
        String a1x = id(PARTNERS, map("name", p + " A1x", "parent", a1));

        given().get(PARTNERS + "/" + root + "/children").then().statusCode(200).body("hierarchy", equalTo("parent"))
                .body("items.id", containsInAnyOrder(a, b));
        given().get(PARTNERS + "/" + a1x + "/ancestors").then().statusCode(200).body("items.id", contains(a1, a, root))
                .body("items.depth", contains(1, 2, 3));
        given().queryParam("depth", 2).get(PARTNERS + "/" + root + "/subtree").then().statusCode(200)
                .body("items.id", containsInAnyOrder(a, b, a1));
        given().get(PARTNERS + "/" + root + "/subtree").then().statusCode(200).body("items.id", containsInAnyOrder(a, b, a1, a1x))
                .body("items.find { it.id == '" + a1x + "' }.depth", equalTo(3));
        // carol reads active partners only: B is left out, the walk still goes through
        as("carol").get(PARTNERS + "/" + root + "/children").then().statusCode(200).body("items.id", contains(a));
        given().queryParam("depth", 0).get(PARTNERS + "/" + root + "/subtree").then().statusCode(400);

        json().body(map("parent", a1x)).patch(PARTNERS + "/" + root).then().statusCode(422)
                .body("errors.pointer", contains("/parent")).body("errors.code", contains("cycle"));
        json().body(map("parent", root)).patch(PARTNERS + "/" + root).then().statusCode(422).body("errors.code", contains("cycle"));
        json().body(map("parent", b)).patch(PARTNERS + "/" + a1).then().statusCode(200).body("parent", equalTo(b));
        given().get(ORGANIZATIONS + "/" + id(ORGANIZATIONS, map("name", p + " Org")) + "/children").then().statusCode(404);
    }

    @Test
    void linksAreListedFromBothSidesAndNeedPermissionOnBothEnds() {
        String p = prefix();
        String partner = id(PARTNERS, map("name", p + " Cosell", "active", true));
        String hidden = id(PARTNERS, map("name", p + " Hidden", "active", false));
        String deal = id(DEALS, map("name", p + " Deal", "amount", map("amount", 5, "currency", "EUR"), "partner", partner));
        String partnerUrn = urn("partners", "partner", partner);
        String dealUrn = urn("deals", "deal", deal);

        Response link = json().body(map("type", "deals.co_sell", "from", partnerUrn, "to", dealUrn)).post("/api/v1/links");
        link.then().statusCode(201).body("type", equalTo("deals.co_sell")).body("fromRecord.display", equalTo(p + " Cosell (Registered)"))
                .body("toRecord.display", equalTo(p + " Deal"));
        String linkId = link.path("id");
        json().body(map("type", "deals.co_sell", "from", urn("partners", "partner", hidden), "to", dealUrn)).post("/api/v1/links")
                .then().statusCode(201);

        given().get(PARTNERS + "/" + partner + "/links").then().statusCode(200)
                .body("items.id", contains(linkId)).body("items[0].direction", equalTo("outgoing"))
                .body("items[0].label", equalTo("Co-selling on")).body("items[0].other.urn", equalTo(dealUrn));
        given().get(DEALS + "/" + deal + "/links").then().statusCode(200).body("items", hasSize(2))
                .body("items.direction", everyItem(equalTo("incoming"))).body("items.label", everyItem(equalTo("Co-sold with")));
        given().queryParam("urn", dealUrn).get("/api/v1/links").then().statusCode(200).body("items", hasSize(2));

        // wrong end type, unknown type
        json().body(map("type", "deals.co_sell", "from", dealUrn, "to", partnerUrn)).post("/api/v1/links").then().statusCode(422)
                .body("errors.pointer", contains("/from", "/to"));
        json().body(map("type", "deals.nope", "from", partnerUrn, "to", dealUrn)).post("/api/v1/links").then().statusCode(422);
        // bob reads both ends but may not update partners: 403; dave (other tenant) sees nothing
        as("bob").body(map("type", "deals.co_sell", "from", partnerUrn, "to", dealUrn)).post("/api/v1/links").then().statusCode(403);
        as("bob").get(DEALS + "/" + deal + "/links").then().statusCode(200).body("items", hasSize(2));
        as("dave").get(DEALS + "/" + deal + "/links").then().statusCode(404);
        as("dave").delete("/api/v1/links/" + linkId).then().statusCode(404);
        as("bob").delete("/api/v1/links/" + linkId).then().statusCode(403);

        given().delete("/api/v1/links/" + linkId).then().statusCode(204);
        given().get(PARTNERS + "/" + partner + "/links").then().statusCode(200).body("items", empty());
    }

    @Test
    void searchFindsPrefixesRanksGroupsAndFiltersByPermission() {
        String p = prefix();
        String word = "zq" + p.substring(1, 7);
        String exact = id(PARTNERS, map("name", word + "alpha Networks", "active", true));
        String weaker = id(PARTNERS, map("name", "Other " + p, "contact_email", word + "alpha@example.com", "active", true));
        String inactive = id(PARTNERS, map("name", word + "alpha Dormant", "active", false));
        id(ORGANIZATIONS, map("name", word + "alpha Holdings"));

        Response all = given().queryParam("q", word + "al").get("/api/v1/search");
        all.then().statusCode(200)
                .body("groups.type", hasItems("partners.Partner", "organizations.Organization"))
                .body("groups.find { it.type == 'partners.Partner' }.items.id", hasItems(exact, weaker, inactive))
                .body("groups.find { it.type == 'partners.Partner' }.items[0].snippet", containsString("<mark>"));
        List<String> order = all.path("groups.find { it.type == 'partners.Partner' }.items.id");
        assertTrue(order.indexOf(exact) < order.indexOf(weaker), "a name match (weight A) ranks above an email match: " + order);

        as("carol").queryParam("q", word + "alpha").get("/api/v1/search").then().statusCode(200)
                .body("groups.find { it.type == 'partners.Partner' }.items.id", not(hasItem(inactive)))
                .body("groups.find { it.type == 'partners.Partner' }.items.id", hasItem(exact));
        as("dave").queryParam("q", word).get("/api/v1/search").then().statusCode(200).body("groups", empty());
        given().queryParam("q", "'&|!:*()").get("/api/v1/search").then().statusCode(400);
        // tsquery syntax in the input is only word separators: no 500, no syntax error
        given().queryParam("q", word + "alpha & !:* | (").get("/api/v1/search").then().statusCode(200)
                .body("groups.find { it.type == 'partners.Partner' }.items.id", hasItem(exact));
    }

    private static void publish(String module, String source) {
        Response r = given().contentType(ContentType.JSON)
                .body(Map.of("modules", List.of(Map.of("file", module + "/module.yaml", "source", source)))).post("/api/admin/modules");
        if (r.statusCode() != 200) {
            throw new AssertionError("publish " + module + ": " + r.statusCode() + " " + r.asString());
        }
    }
}
