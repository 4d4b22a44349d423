package io.prmos.engine.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a public id works wherever a record id goes in a URL (transitions, history, not only
 * get/patch/delete), {@code fields=} accepts {@code urn} and {@code public_id}, {@code public_id} is
 * filterable and sortable, and a create may name the workflow's initial state.
 */
@QuarkusTest
class PublicIdEverywhereSpec {

    private static final String PARTNERS = "/api/v1/partners/partner";
    private static final String DEALS = "/api/v1/deals/deal";

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Map<String, String> partner(String name) {
        var r = json().body(Map.of("name", name)).post(PARTNERS).then().statusCode(201).extract();
        return Map.of("id", r.path("id"), "public_id", r.path("public_id"));
    }

    private static String deal(String partnerId, Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", "Deal " + partnerId, "partner", partnerId,
                "amount", Map.of("amount", 500, "currency", "EUR")));
        body.putAll(extra);
        return json().body(body).post(DEALS).then().statusCode(201).extract().path("public_id");
    }

    @Test
    void transitionsAndHistoryTakeAPublicId() {
        String dealId = deal(partner("Pub " + UUID.randomUUID()).get("id"), Map.of());
        json().post(DEALS + "/" + dealId + "/transitions/qualify").then().statusCode(200).body("stage", equalTo("qualified"))
                .body("public_id", equalTo(dealId));
        json().get(DEALS + "/" + dealId + "/history").then().statusCode(200).body("items", hasSize(2))
                .body("items.operation", hasItem("created"));
        json().get(DEALS + "/DEAL-999999999/history").then().statusCode(404);
        json().post(DEALS + "/DEAL-999999999/transitions/qualify").then().statusCode(404);
    }

    @Test
    void fieldsUrnAndPublicIdAreAccepted() {
        String name = "Fields " + UUID.randomUUID();
        var created = partner(name);
        json().queryParam("filter", "name eq '" + name + "'").queryParam("fields", "urn,public_id,name").get(PARTNERS)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].public_id", equalTo(created.get("public_id")))
                .body("items[0].urn", equalTo("urn:prm:partners:partner:" + created.get("id")));
    }

    @Test
    void publicIdIsFilterableAndSortable() {
        String name = "Sorted " + UUID.randomUUID();
        var first = partner(name);
        var second = partner(name);
        json().queryParam("filter", "public_id eq '" + second.get("public_id") + "'").get(PARTNERS)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(second.get("id")));
        json().queryParam("filter", "name eq '" + name + "'").queryParam("sort", "-public_id").get(PARTNERS)
                .then().statusCode(200).body("items.public_id", contains(second.get("public_id"), first.get("public_id")));
        json().queryParam("filter", "name eq '" + name + "'").queryParam("sort", "public_id").queryParam("limit", "1").get(PARTNERS)
                .then().statusCode(200).body("items[0].public_id", matchesPattern("PRT-\\d+"))
                .body("items[0].id", equalTo(first.get("id")));
    }

    @Test
    void aCreateMayNameTheInitialWorkflowState() {
        String partnerId = partner("Initial " + UUID.randomUUID()).get("id");
        String dealId = deal(partnerId, Map.of("stage", "registered"));
        json().get(DEALS + "/" + dealId).then().statusCode(200).body("stage", equalTo("registered"));
        json().body(Map.of("name", "Skipping", "partner", partnerId, "amount", Map.of("amount", 1, "currency", "EUR"), "stage", "won"))
                .post(DEALS).then().statusCode(422).body("errors.pointer", hasItem("/stage")).body("errors.code", hasItem("readOnly"));
    }
}
