package io.prmos.engine.entities;

import static io.prmos.engine.entities.Rest.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.engine.store.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** URNs on records and references, ?expand without N+1, POST /api/v1/resolve, display names, impact analysis. */
@QuarkusTest
class EntityRegistrySpec {

    @Test
    void everyRecordCarriesItsUrnAndReferencesAcceptUrnsOfTheRightEntityOnly() {
        String p = prefix();
        String org = id(ORGANIZATIONS, map("name", p + " Org"));
        given().get(ORGANIZATIONS + "/" + org).then().statusCode(200).body("urn", equalTo(urn("organizations", "organization", org)));

        String partner = id(PARTNERS, map("name", p + " P", "organization", urn("organizations", "organization", org)));
        given().get(PARTNERS + "/" + partner).then().statusCode(200).body("organization", equalTo(org))
                .body("urn", equalTo(urn("partners", "partner", partner)));

        json().body(map("name", p + " Bad", "organization", urn("partners", "partner", partner))).post(PARTNERS).then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", contains("/organization")).body("errors.code", contains("reference"))
                .body("errors[0].message", containsString("organizations.Organization"));
    }

    @Test
    void expandReadsEachReferencedEntityOnceForTheWholePage() {
        String p = prefix();
        List<String> orgs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String org = id(ORGANIZATIONS, map("name", p + " Org " + i));
            orgs.add(org);
            id(PARTNERS, map("name", p + " Partner " + i, "tier", "gold", "organization", org));
        }
        String filter = "name startsWith '" + p + " Partner'";
        long before = StatementCounter.count();
        given().queryParam("filter", filter).queryParam("limit", 50).get(PARTNERS).then().statusCode(200).body("items", hasSize(12));
        long plain = StatementCounter.count() - before;

        before = StatementCounter.count();
        Response expanded = given().queryParam("filter", filter).queryParam("limit", 50).queryParam("expand", "organization,parent")
                .get(PARTNERS);
        long withExpand = StatementCounter.count() - before;
        expanded.then().statusCode(200).body("items", hasSize(12))
                .body("items.organization.found", everyItem(equalTo(true)))
                .body("items.organization.display", everyItem(startsWith(p + " Org ")))
                .body("items.organization.link", everyItem(startsWith("/api/v1/organizations/organization/")))
                .body("items.organization.urn", everyItem(startsWith("urn:prm:organizations:organization:")))
                .body("items.parent", everyItem(nullValue()));
        List<String> expandedIds = expanded.path("items.organization.id");
        assertEquals(new java.util.HashSet<>(orgs), new java.util.HashSet<>(expandedIds));
        // one more read (one SELECT … id = ANY; the tenant setting is not counted) for 12 distinct organizations, not 12
        assertEquals(plain + 1, withExpand, "statements of the expanded list: " + withExpand + ", plain: " + plain);
    }

    @Test
    void anUnreadableTargetExpandsAsNotFound() {
        String p = prefix();
        String hiddenParent = id(PARTNERS, map("name", p + " Inactive parent", "active", false));
        String child = id(PARTNERS, map("name", p + " Child", "active", true, "parent", hiddenParent));
        as("carol").queryParam("expand", "parent").get(PARTNERS + "/" + child).then().statusCode(200)
                .body("parent.id", equalTo(hiddenParent)).body("parent.found", equalTo(false)).body("parent.display", nullValue());
        given().queryParam("expand", "parent").get(PARTNERS + "/" + child).then().statusCode(200)
                .body("parent.found", equalTo(true)).body("parent.display", equalTo(p + " Inactive parent (Registered)"));
        given().queryParam("expand", "tier").get(PARTNERS + "/" + child).then().statusCode(400)
                .body("type", endsWith("/invalid-expand"));
    }

    @Test
    void resolveAnswersReadableUrnsAndTreatsUnreadableOnesAsMissing() {
        String p = prefix();
        String visible = id(PARTNERS, map("name", p + " Northwind", "tier", "gold", "region", "emea", "score", 80, "active", true,
                "notes", "secret"));
        String inactive = id(PARTNERS, map("name", p + " Dormant", "active", false));
        String missing = urn("partners", "partner", "00000000-0000-0000-0000-00000000abcd");
        String unknownEntity = urn("partners", "nothing", visible);
        List<String> urns = List.of(urn("partners", "partner", visible), urn("partners", "partner", inactive), missing, unknownEntity);

        as("carol").body(Map.of("urns", urns)).post("/api/v1/resolve").then().statusCode(200)
                .body("items", hasSize(4))
                .body("items[0].found", equalTo(true))
                .body("items[0].type", equalTo("partners.Partner"))
                .body("items[0].display", equalTo(p + " Northwind (Gold)"))
                .body("items[0].link", equalTo("/api/v1/partners/partner/" + visible))
                .body("items[0].summary.tier", equalTo("gold"))
                .body("items[0].summary.region", equalTo("emea"))
                .body("items[0].summary.score", equalTo(80))
                .body("items[0].summary", not(hasKey("notes")))
                .body("items[1]", equalTo(Map.of("urn", urns.get(1), "found", false)))
                .body("items[2]", equalTo(Map.of("urn", missing, "found", false)))
                .body("items[3]", equalTo(Map.of("urn", unknownEntity, "found", false)));
        // another tenant sees none of them
        as("dave").body(Map.of("urns", urns.subList(0, 1))).post("/api/v1/resolve").then().statusCode(200)
                .body("items[0].found", equalTo(false));
    }

    @Test
    void malformedUrnsAreA400ListingEachOne() {
        json().body(Map.of("urns", List.of("urn:prm:partners:partner:00000000-0000-0000-0000-000000000001", "nope", "urn:prm:x:y:1")))
                .post("/api/v1/resolve").then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", contains("/urns/1", "/urns/2"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add("urn:prm:partners:partner:00000000-0000-0000-0000-000000000001");
        }
        json().body(Map.of("urns", tooMany)).post("/api/v1/resolve").then().statusCode(400);
    }

    @Test
    void dependentsListTheModulesThatReferenceAModule() {
        given().get("/api/admin/modules/partners/dependents").then().statusCode(200)
                .body("module", equalTo("partners"))
                .body("dependents.find { it.module == 'deals' }.references", hasItem(Map.of("source", "Deal.partner", "target", "partners.Partner")))
                .body("dependents.find { it.module == 'deals' }.links", hasItem(Map.of("source", "deals.co_sell", "target", "partners.Partner")))
                .body("dependents.find { it.module == 'deals' }.subscriptions", empty());
        given().get("/api/admin/modules/organizations/dependents").then().statusCode(200)
                .body("dependents.module", hasItems("partners", "deals"));
        as("bob").get("/api/admin/modules/partners/dependents").then().statusCode(403);
    }

    @Test
    void aBreakingChangeToAReferencedEntityWarnsNamingTheDependents() {
        String base = "dep" + prefix().substring(1, 7);
        String user = base + "_user";
        publish(base, baseManifest(base, "1.0.0", "      legacy: { type: text }\n", ""));
        publish(user, "apiVersion: prm/v1\nmodule: " + user + "\nversion: 1.0.0\nrequires: { " + base + ": \">=1.0.0\" }\n"
                + "entities:\n  Use:\n    fields:\n      item: { type: reference, to: " + base + ".Item }\n");
        Response outcome = publish(base, baseManifest(base, "2.0.0", "",
                "migrations:\n  - drop: { entity: Item, field: legacy, allowDataLoss: true }\n"));
        outcome.then().body("modules[0].warnings", hasItem(allOf(containsString("module " + user + " depends on " + base + ".Item"),
                containsString("FIELD_REMOVED Item.legacy"))));
    }

    private static String baseManifest(String module, String version, String extraField, String tail) {
        return "apiVersion: prm/v1\nmodule: " + module + "\nversion: " + version + "\nentities:\n  Item:\n    fields:\n"
                + "      name: { type: text }\n" + extraField + tail;
    }

    private static Response publish(String module, String source) {
        Response r = given().contentType(ContentType.JSON)
                .body(Map.of("modules", List.of(Map.of("file", module + "/module.yaml", "source", source)))).post("/api/admin/modules");
        if (r.statusCode() != 200) {
            throw new AssertionError("publish " + module + ": " + r.statusCode() + " " + r.asString());
        }
        return r;
    }
}
